#pragma once

#include "core/byterange.h"

#include <QObject>
#include <QString>

#include <cstdint>

class QLabel;
class QStatusBar;

namespace hexmap {

class Document;
class HexView;

// The permanent labels of the main window's status bar: cursor offset (hex and decimal), selection start and
// length, file size, and read-only/read-write. Transient messages (QStatusBar::showMessage) do not hide them.
// The text builders are static so tests can check them without a window. Thread: GUI thread only.
class StatusBarWidgets : public QObject {
    Q_OBJECT
public:
    explicit StatusBarWidgets(QStatusBar *statusBar);

    // Shows what `view` shows of `document` (the current tab) and follows them: cursor, selection, size, mode. A mode
    // switch or a tab switch re-reads the view's state, never resets it. Nulls: no file.
    void follow(Document *document, HexView *view);

    void setFile(std::uint64_t size, bool writable);
    void clearFile();
    void setCursorOffset(std::uint64_t offset);
    void setSelection(ByteRange selection);

    QString cursorText() const;
    QString selectionText() const;
    QString sizeText() const;
    QString modeText() const;

    static QString formatCursor(std::uint64_t offset);        // "Offset: 0x1F4 (500)"
    static QString formatSelection(ByteRange selection);      // "Selection: 0x10 + 32 bytes" / "No selection"
    static QString formatFileSize(std::uint64_t size);        // "Size: 1.00 MiB (1048576 bytes)"
    static QString formatMode(bool writable, bool device = false); // "Read-only" / "Read-write (device)"

private:
    QLabel *addLabel(QStatusBar *statusBar, const QString &name);

    void showCurrent();

    Document *m_document = nullptr;
    HexView *m_view = nullptr;
    QList<QMetaObject::Connection> m_connections;
    QLabel *m_cursor;
    QLabel *m_selection;
    QLabel *m_size;
    QLabel *m_mode;
};

} // namespace hexmap
