#include "ui/edit/shiftsupport.h"

#include "core/numberparser.h"
#include "ui/common/connections.h"
#include "ui/document/bookmarks.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/device/devicegate.h"
#include "ui/edit/deleterangedialog.h"
#include "ui/edit/insertbytesdialog.h"
#include "ui/edit/shiftcost.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"

#include <QAction>
#include <QMessageBox>

#include <algorithm>

namespace hexmap {

ShiftSupport::ShiftSupport(QWidget *window) : WindowFeature(window), m_window(window)
{
    insertBytes = new QAction(tr("&Insert Bytes…"), this);
    insertBytes->setObjectName(QStringLiteral("actionInsertBytes"));
    deleteRange = new QAction(tr("&Delete Range…"), this);
    deleteRange->setObjectName(QStringLiteral("actionDeleteRange"));
    connect(insertBytes, &QAction::triggered, this, &ShiftSupport::insertAsked);
    connect(deleteRange, &QAction::triggered, this, &ShiftSupport::deleteAsked);
    updateActions();
}

QList<FeatureAction> ShiftSupport::featureActions() const
{
    using P = ActionPlace;
    return {{insertBytes, {P::Menu::Edit, P::EditChange, 5}}, {deleteRange, {P::Menu::Edit, P::EditChange, 6}}};
}

void ShiftSupport::setCurrent(Document *document, DocumentPane *pane)
{
    disconnectAll(m_current);
    m_document = document;
    m_view = pane ? pane->view() : nullptr;
    if (document) {
        m_current << connect(document, &Document::fileReplaced, this, &ShiftSupport::updateActions);
        m_current << connect(document, &Document::closed, this, &ShiftSupport::updateActions);
    }
    updateActions();
}

void ShiftSupport::updateActions()
{
    // Enabled with any open file: a refusal says what to do (enable editing, save edits...) instead of a grey item.
    // A block device cannot change size: greyed out, and the tool tip says why.
    const bool file = m_document && m_document->isOpen();
    const bool device = file && m_document->isDevice();
    insertBytes->setEnabled(file && !device);
    deleteRange->setEnabled(file && !device);
    const QString cannot = device ? devicegate::cannotResizeText(m_document->displayPath()) : QString();
    insertBytes->setToolTip(
        device ? cannot : tr("Insert bytes at an offset, moving the rest up (an unsaved edit: File > Save writes it)"));
    deleteRange->setToolTip(
        device ? cannot : tr("Delete a range, moving the rest down (an unsaved edit: File > Save writes it)"));
}

QString ShiftSupport::refusal(const Document *document, bool remove)
{
    if (!document || !document->isOpen())
        return tr("No file is open.");
    const QString name = document->fileName();
    if (document->isDevice())
        return devicegate::cannotResizeText(document->displayPath());
    if (!document->isWritable())
        return tr("“%1” is open read-only: enable editing first (Edit > Enable Editing, Ctrl+E).").arg(name);
    if (remove && document->size() == 0)
        return tr("“%1” is empty: there is nothing to delete.").arg(name);
    return {};
}

bool ShiftSupport::refuse(bool remove)
{
    const QString why = refusal(m_document, remove);
    if (why.isEmpty())
        return false;
    m_lastMessage = why;
    emit statusMessage(why);
    auto *box = new QMessageBox(QMessageBox::Warning, remove ? tr("Delete Range") : tr("Insert Bytes"), why,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("shiftRefused"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return true;
}

void ShiftSupport::insertAsked()
{
    if (refuse(false) || !m_view)
        return;
    const QPointer<Document> document = m_document;
    m_insert.setFileSize(document->size());
    m_insert.setOffsetText(ShiftCost::offsetText(std::min(m_view->cursorOffset(), document->size())));
    InsertBytesDialog dialog(m_insert, m_window);
    if (dialog.exec() != QDialog::Accepted || !document || document != m_document || refuse(false))
        return;
    m_insert = dialog.model(); // remembered for the next time
    const auto at = m_insert.offset();
    const auto piece = m_insert.piece();
    if (!at || !piece) // the model was valid for OK: cannot happen, but never insert from an invalid one
        return;
    EditSession *session = document->session();
    const std::span<const std::byte> bytes(*piece->bytes);
    const bool ok = piece->kind == SavePiece::Kind::Fill ? session->insertFill(*at, bytes, piece->length)
                                                        : session->insertBytes(*at, bytes, EditCommand::Kind::Insert);
    done(ok, *at,
         tr("Inserted %1 at %2 (unsaved: File > Save writes it)")
             .arg(byteCountText(piece->length), ShiftCost::offsetText(*at)));
}

void ShiftSupport::deleteAsked()
{
    if (refuse(true) || !m_view)
        return;
    const QPointer<Document> document = m_document;
    m_delete.setFileSize(document->size());
    m_delete.setDefault(m_view->selection(), m_view->cursorOffset());
    DeleteRangeDialog dialog(m_delete, m_window);
    if (dialog.exec() != QDialog::Accepted || !document || document != m_document || refuse(true))
        return;
    m_delete = dialog.model();
    const auto range = m_delete.range();
    if (!range)
        return;
    const bool ok = document->session()->erase(*range, EditCommand::Kind::Delete);
    done(ok, range->offset,
         tr("Deleted %1 at %2 (unsaved: File > Save writes it)")
             .arg(byteCountText(range->size), ShiftCost::offsetText(range->offset)));
}

void ShiftSupport::done(bool ok, std::uint64_t point, const QString &text)
{
    if (!ok)
        return; // the session said why on the status bar
    m_view->setCursorOffset(point);
    m_lastMessage = text;
    emit statusMessage(text);
}

} // namespace hexmap
