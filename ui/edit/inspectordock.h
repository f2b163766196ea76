#pragma once

#include "ui/edit/valuedecoder.h"

#include <QDockWidget>

#include <cstdint>

class QCheckBox;
class QLabel;
class QTableWidgetItem;

namespace hexmap {

class Document;
class InspectorTable;

// InspectorDock: the data inspector. Shows the bytes at the cursor (file + unsaved edits) as int8..int64 signed and
// unsigned, float32/64, binary and a character, in little or big endian (a toggle), and the cursor offset in hex
// and decimal. Values running past the end of the file show as unavailable. When editing is enabled, a value
// cell can be edited (int8..int64, float32/64, binary, character; ValueEncoder parses the text in the chosen byte
// order): its bytes are written through the document's EditSession as one undo step, like typing in the view.
// A refusal (read-only file, "300 does not fit in uint8 (0 to 255)", past the end) is said in a line under the
// table and through message(); trying to edit a read-only file's value says how to enable editing. It follows the
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

    // What the dock shows (for tests): the value cell's text ("unavailable" past the end), the offset line and the
    // line saying why the last edit was refused (empty after a successful one or a cursor move).
    QString valueText(ValueDecoder::Type type) const;
    QString offsetText() const;
    QString problemText() const;
    InspectorTable *table() const { return m_table; }
    // Commits `text` as the new value of `type` at the cursor, as if typed in its cell. False (and a message) when
    // the text does not parse, the value is unavailable or editing is off.
    bool editValue(ValueDecoder::Type type, const QString &text);

    static QString unavailableText();
    static QString readOnlyText(); // what trying to edit a value of a read-only file says

public slots:
    void refresh();

signals:
    void message(const QString &text);

private:
    void onItemChanged(QTableWidgetItem *item);
    void onEditRefused(ValueDecoder::Type type);
    void showProblem(const QString &why); // the line under the table; empty hides it
    void refuse(const QString &why);      // showProblem(why) and message(why)

    Document *m_document = nullptr;
    QLabel *m_offsetLabel = nullptr;
    QCheckBox *m_bigEndian = nullptr;
    InspectorTable *m_table = nullptr;
    QLabel *m_problem = nullptr;
    std::uint64_t m_offset = 0;
    QList<QMetaObject::Connection> m_connections; // to m_document
};

} // namespace hexmap
