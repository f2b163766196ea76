#include "ui/edit/editingsupport.h"

#include "core/numberparser.h"
#include "ui/common/connections.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/device/devicegate.h"
#include "ui/edit/editcontroller.h"
#include "ui/edit/inspectordock.h"
#include "ui/edit/shiftsaver.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"

#include <QAction>
#include <QFileInfo>
#include <QInputDialog>
#include <QPushButton>
#include <QUndoGroup>

namespace hexmap {

EditingSupport::EditingSupport(QWidget *window)
    : WindowFeature(window), m_window(window), m_undoGroup(new QUndoGroup(this)),
      m_inspector(new InspectorDock(nullptr, window)), m_shiftSaver(new ShiftSaver(window, this))
{
    enableEditing = new QAction(tr("Enable &Editing"), this);
    enableEditing->setObjectName(QStringLiteral("actionEnableEditing"));
    enableEditing->setCheckable(true);
    enableEditing->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    enableEditing->setToolTip(tr("Reopen the file read-write so that bytes can be overwritten (Ctrl+E)"));
    enableEditing->setIcon(QIcon::fromTheme(QStringLiteral("document-edit")));
    save = new QAction(tr("&Save"), this);
    save->setObjectName(QStringLiteral("actionSave"));
    save->setShortcut(QKeySequence::Save);
    save->setIcon(QIcon::fromTheme(QStringLiteral("document-save")));
    revert = new QAction(tr("Re&vert Unsaved Edits"), this);
    revert->setObjectName(QStringLiteral("actionRevert"));
    undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    paste = new QAction(tr("&Paste"), this);
    paste->setObjectName(QStringLiteral("actionPaste"));
    paste->setShortcut(QKeySequence::Paste);
    fillSelection = new QAction(tr("Fill Selection with &Byte…"), this);
    fillSelection->setObjectName(QStringLiteral("actionFillSelection"));

    connect(enableEditing, &QAction::toggled, this, [this](bool on) {
        EditSession *s = session();
        if (s && (on == s->isEditingEnabled() || setEditing(on)))
            return;
        s = session(); // the device warning is modal: the tab may have been closed or switched meanwhile
        enableEditing->setChecked(s && s->isEditingEnabled()); // refused: say so through the check mark
    });
    connect(save, &QAction::triggered, this, [this] { saveDocument(m_document, false); });
    connect(revert, &QAction::triggered, this, &EditingSupport::revertAsked);
    connect(paste, &QAction::triggered, this, [this] {
        if (EditController *c = controller())
            c->pasteFromClipboard();
    });
    connect(fillSelection, &QAction::triggered, this, &EditingSupport::fillSelectionAsked);
    connect(m_inspector, &InspectorDock::message, this, &EditingSupport::statusMessage);
    updateActions();
}

QList<FeatureAction> EditingSupport::featureActions() const
{
    using P = ActionPlace;
    return {{save, {P::Menu::File, P::FileOpen, 1, true}},
            {revert, {P::Menu::File, P::FileOpen, 2}},
            {undo, {P::Menu::Edit, P::EditUndo, 0}},
            {redo, {P::Menu::Edit, P::EditUndo, 1}},
            {paste, {P::Menu::Edit, P::EditChange, 0}},
            {fillSelection, {P::Menu::Edit, P::EditChange, 1}},
            {enableEditing, {P::Menu::Edit, P::EditMode, 0, true}}};
}

QList<FeatureDock> EditingSupport::featureDocks() const
{
    return {{m_inspector, Qt::RightDockWidgetArea, true, 0}};
}

void EditingSupport::documentAdded(Document *document, DocumentPane *pane)
{
    m_undoGroup->addStack(document->session()->undoStack());
    m_controllers.insert(document, new EditController(pane->view(), document->session(), pane));
    connect(document->session(), &EditSession::message, this, [this, document](const QString &text) {
        if (document == m_document)
            emit statusMessage(text);
    });
    connect(document->session(), &EditSession::saveFailed, this, [this](const QString &text) { // never blocks
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Save Failed"), text, QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("saveFailedBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void EditingSupport::documentRemoved(Document *document)
{
    m_undoGroup->removeStack(document->session()->undoStack());
    m_controllers.remove(document);
    if (document == m_document)
        setCurrent(nullptr, nullptr);
}

void EditingSupport::setCurrent(Document *document, DocumentPane *pane)
{
    disconnectAll(m_current);
    m_document = document;
    m_view = pane ? pane->view() : nullptr;
    m_undoGroup->setActiveStack(document ? document->session()->undoStack() : nullptr);
    m_inspector->setDocument(document);
    if (document) {
        EditSession *s = document->session();
        m_current << connect(s, &EditSession::modifiedChanged, this, &EditingSupport::modifiedChanged);
        m_current << connect(s, &EditSession::modifiedChanged, this, &EditingSupport::updateActions);
        m_current << connect(s, &EditSession::sizeChanged, this, &EditingSupport::updateActions);
        m_current << connect(s, &EditSession::insertModeChanged, this, &EditingSupport::updateActions);
        m_current << connect(document, &Document::modeChanged, this, &EditingSupport::updateActions);
        m_current << connect(document, &Document::fileReplaced, this, &EditingSupport::updateActions);
        m_current << connect(document, &Document::closed, this, &EditingSupport::updateActions);
    }
    if (m_view) {
        m_current << connect(m_view, &HexView::cursorMoved, m_inspector, &InspectorDock::setCursorOffset);
        m_inspector->setCursorOffset(m_view->cursorOffset());
    } else {
        m_inspector->setCursorOffset(0);
    }
    updateActions();
    emit modifiedChanged(isModified());
}

bool EditingSupport::setEditing(bool on)
{
    EditSession *s = session();
    if (!s)
        return false;
    if (!on || !m_document->isDevice() || m_document->file().isWritable())
        return s->setEditingEnabled(on);
    // A block device: the warning first (device, model, size, mounted or held); a device in use needs the
    // second, explicit step. Only then is it reopened read-write (OpenMode::ReadWriteDevice).
    const QPointer<Document> document = m_document;
    const MappedFile file = document->file();
    if (!devicegate::confirmEditing(file, m_window)) {
        emit statusMessage(tr("Editing not enabled: %1 stays read-only").arg(document->displayPath()));
        return false;
    }
    if (!document || document != m_document)
        return false; // the tab was closed or switched while the warning was open
    return s->setEditingEnabled(true, WriteConsent::DeviceConfirmed);
}

EditSession *EditingSupport::session() const
{
    return m_document ? m_document->session() : nullptr;
}

EditController *EditingSupport::controller() const
{
    return m_document ? m_controllers.value(m_document) : nullptr;
}

bool EditingSupport::isModified() const
{
    return m_document && m_document->isModified();
}

bool EditingSupport::saveDocument(Document *document, bool wait)
{
    if (!document || !document->isModified())
        return true;
    EditSession *s = document->session();
    if (s->needsShiftSave()) { // bytes were inserted or deleted: the file's bytes move (a job, with its progress)
        // The saved file is mapped again (the view starts over): the cursor goes back where it was.
        const QPointer<HexView> view = document == m_document ? m_view : nullptr;
        const std::uint64_t cursor = view ? view->cursorOffset() : 0;
        const auto restore = connect(m_shiftSaver, &ShiftSaver::finished, this, [view, cursor](bool saved) {
            if (view && saved)
                view->setCursorOffset(cursor);
        }, Qt::SingleShotConnection);
        const bool started = m_shiftSaver->save(document, wait);
        if (!started)
            disconnect(restore); // refused or declined: no finished() will come for this save
        return started;
    }
    return s->save().ok();
}

bool EditingSupport::confirmClose(Document *document)
{
    if (!document || !document->isModified())
        return true;
    EditSession *s = document->session();
    const QMessageBox::StandardButton choice = m_prompt
        ? m_prompt()
        : QMessageBox::question(m_window, tr("Unsaved edits"),
                                tr("%1 has %2 of unsaved edits. Save them?")
                                    .arg(QString::fromStdString(document->file().path()),
                                         QString::fromStdString(formatSize(s->editedBytes()))),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (choice == QMessageBox::Save)
        return saveDocument(document, true);
    if (choice == QMessageBox::Discard) {
        s->revert();
        return true;
    }
    return false;
}

void EditingSupport::revertAsked()
{
    EditSession *s = session();
    if (!s || !s->isModified())
        return;
    const std::size_t ranges = s->editedRanges().size();
    const std::uint64_t edited = s->editedBytes();
    // Exact counts: formatSize() rounds ("1.5 KiB").
    const QString bytes = edited == 1 ? tr("1 byte") : tr("%1 bytes").arg(edited);
    const QString name = m_document->fileName();
    const QString inRanges = ranges == 1 ? tr("1 range") : tr("%1 ranges").arg(ranges);
    const QPointer<QMessageBox> box =
        new QMessageBox(QMessageBox::Warning, tr("Revert Unsaved Edits?"),
                        tr("Discard %1 of unsaved edits in %2 of “%3”?").arg(bytes, inRanges, name),
                        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("revertQuestion"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("The file on disk is not changed. Edit > Undo brings the edits back."));
    box->addButton(tr("&Discard Edits"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const QPointer<Document> document = m_document;
    box->exec();
    if (!box)
        return; // the window went away meanwhile
    const bool discard = box->buttonRole(box->clickedButton()) == QMessageBox::DestructiveRole;
    delete box;
    if (!discard || !document || !document->session()->discardEdits())
        return;
    emit statusMessage(tr("Reverted %1 in %2; Edit > Undo brings them back").arg(bytes, inRanges));
}

void EditingSupport::updateActions()
{
    const bool file = m_document && m_document->isOpen();
    const bool editing = file && m_document->isWritable();
    const bool modified = isModified();
    enableEditing->setEnabled(file);
    {
        const QSignalBlocker blocker(enableEditing);
        enableEditing->setChecked(editing);
    }
    save->setEnabled(modified);
    revert->setEnabled(modified);
    const bool bytes = editing && m_document->size() > 0; // an empty document has no byte to overwrite
    paste->setEnabled(editing && (bytes || m_document->session()->isInsertMode()));
    fillSelection->setEnabled(bytes);
}

void EditingSupport::fillSelectionAsked()
{
    EditSession *s = session();
    if (!s || !m_view)
        return;
    const ByteRange selection = m_view->selection();
    if (selection.isEmpty() || selection.size > EditSession::kFillLimit) {
        s->fill(selection, std::byte{0}); // says why (nothing selected, or too large: Edit > Fill...)
        return;
    }
    bool ok = false;
    const QString text = QInputDialog::getText(m_window, tr("Fill Selection"),
                                               tr("Byte value for %1 (hex, e.g. 00 or FF):")
                                                   .arg(QString::fromStdString(formatSize(selection.size))),
                                               QLineEdit::Normal, QStringLiteral("00"), &ok);
    if (!ok)
        return;
    const int value = text.trimmed().remove(QLatin1String("0x")).toInt(&ok, 16);
    if (!ok || value < 0 || value > 255) {
        emit statusMessage(tr("Not a byte value: %1").arg(text));
        return;
    }
    if (m_document)
        m_document->session()->fill(selection, std::byte(value));
}

} // namespace hexmap
