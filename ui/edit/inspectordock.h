#pragma once

#include "ui/edit/valuedecoder.h"

#include <QDockWidget>

#include <cstdint>

class QCheckBox;
class QLabel;
class QTableWidget;
class QTableWidgetItem;

namespace hexmap {

class Document;

// InspectorDock: the data inspector. Shows the bytes at the cursor (file + unsaved edits) as int8..int64 signed and
// unsigned, float32/64, binary and a character, in little or big endian (a toggle), and the cursor offset in hex
// and decimal. Values running past the end of the file show as unavailable. When editing is enabled, a value
// cell can be edited: its bytes are written through the document's EditSession (one undo step). It follows the
// document: any bytesChanged covering the cursor's 8 bytes (an edit, undo, a job's tick) refreshes it, so a job
// writing under the cursor shows while it runs. setDocument() switches documents (tabs); null shows "No file".
// Owned by the main window (QObject parent). Thread: GUI thread only.
class InspectorDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit InspectorDock(Document *document = nullptr, QWidget *parent = nullptr);

    void setDocument(Document *document);
    Document *document() const { return m_document; }

    void setCursorOffset(std::uint64_t offset);
    std::uint64_t cursorOffset() const { return m_offset; }
    void setEndian(ValueDecoder::Endian endian);
    ValueDecoder::Endian endian() const;

    // What the dock shows (for tests): the value cell's text ("unavailable" past the end) and the offset line.
    QString valueText(ValueDecoder::Type type) const;
    QString offsetText() const;
    // Commits `text` as the new value of `type` at the cursor, as if typed in its cell. False (and a message) when
    // the text does not parse, the value is unavailable or editing is off.
    bool editValue(ValueDecoder::Type type, const QString &text);

    static QString unavailableText();

public slots:
    void refresh();

signals:
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onItemChanged(QTableWidgetItem *item);

    Document *m_document = nullptr;
    QLabel *m_offsetLabel = nullptr;
    QCheckBox *m_bigEndian = nullptr;
    QTableWidget *m_table = nullptr;
    std::uint64_t m_offset = 0;
    QList<QMetaObject::Connection> m_connections; // to m_document
};

} // namespace hexmap
