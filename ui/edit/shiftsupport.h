#pragma once

#include "ui/edit/deleterangemodel.h"
#include "ui/edit/insertbytesmodel.h"
#include "ui/pane/windowfeature.h"

#include <QPointer>
#include <QString>

#include <cstdint>

class QAction;

namespace hexmap {

class HexView;

// ShiftSupport: Edit > Insert Bytes… and Edit > Delete Range…: large inserts and deletes as unsaved edits of the
// document's piece table (EditSession::insertFill / insertBytes / erase): one undo step, instant whatever the size
// (a 10 GiB insert is one piece), written by File > Save (the shift save, ShiftSaver). Flow: refusals (no file,
// editing off, a block device: a box "shiftRefused" saying what to do) -> the dialog (InsertBytesDialog /
// DeleteRangeDialog; what was typed is remembered per window) -> the edit, the cursor at its point, and a status
// message ("Inserted 4 bytes at 0x1000 (unsaved)").
// Owned by the window (QObject parent). Thread: GUI thread only.
class ShiftSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit ShiftSupport(QWidget *window);

    QList<FeatureAction> featureActions() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;

    // Why an insert/delete cannot be made in `document` now (translated, says what to do), "" when it can.
    // `remove`: a delete (refused on an empty document).
    static QString refusal(const Document *document, bool remove);
    QString lastMessage() const { return m_lastMessage; } // the last refusal or end message

    QAction *insertBytes;
    QAction *deleteRange;

private:
    void insertAsked();
    void deleteAsked();
    bool refuse(bool remove);
    void done(bool ok, std::uint64_t point, const QString &text);
    void updateActions();

    QWidget *m_window;
    QPointer<Document> m_document;
    QPointer<HexView> m_view;
    QList<QMetaObject::Connection> m_current;
    InsertBytesModel m_insert;
    DeleteRangeModel m_delete;
    QString m_lastMessage;
};

} // namespace hexmap
