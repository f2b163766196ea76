#include "ui/edit/editingsupport.h"

#include "core/numberparser.h"
#include "ui/edit/editcontroller.h"
#include "ui/document/editsession.h"
#include "ui/view/hexview.h"
#include "ui/edit/inspectordock.h"

#include <QAction>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QToolBar>


namespace hexmap {

EditingSupport::EditingSupport(QMainWindow *window, HexView *view)
    : QObject(window)
    , m_window(window)
    , m_view(view)
    , m_session(new EditSession(this))
    , m_controller(new EditController(view, m_session, this))
    , m_inspector(new InspectorDock(m_session, window))
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
    undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    paste = new QAction(tr("&Paste (Overwrite)"), this);
    paste->setObjectName(QStringLiteral("actionPaste"));
    paste->setShortcut(QKeySequence::Paste);
    fillSelection = new QAction(tr("Fill Selection with &Byte…"), this);
    fillSelection->setObjectName(QStringLiteral("actionFillSelection"));

    m_inspector->setCursorOffset(0);
    connect(view, &HexView::cursorMoved, m_inspector, &InspectorDock::setCursorOffset);
    connect(enableEditing, &QAction::toggled, this, [this](bool on) {
        if (on != m_session->isEditingEnabled() && !m_session->setEditingEnabled(on))
            enableEditing->setChecked(m_session->isEditingEnabled()); // refused: say so through the check mark
    });
    connect(save, &QAction::triggered, this, [this] { m_session->save(); });
    connect(revert, &QAction::triggered, this, &EditingSupport::revertAsked);
    connect(paste, &QAction::triggered, m_controller, &EditController::pasteFromClipboard);
    connect(fillSelection, &QAction::triggered, this, &EditingSupport::fillSelectionAsked);
    connect(m_session, &EditSession::modifiedChanged, this, &EditingSupport::modifiedChanged);
    connect(m_session, &EditSession::modifiedChanged, this, &EditingSupport::updateActions);
    connect(m_session, &EditSession::editingEnabledChanged, this, &EditingSupport::updateActions);
    connect(m_session, &EditSession::message, this, &EditingSupport::statusMessage);
    connect(m_session, &EditSession::saveFailed, this, [this](const QString &text) { // not modal: never blocks
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Save Failed"), text, QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("saveFailedBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_inspector, &InspectorDock::message, this, &EditingSupport::statusMessage);
    updateActions();
}

void EditingSupport::install(QMenu *fileMenu, QMenu *editMenu, QToolBar *toolBar)
{
    if (fileMenu) {
        QAction *before = fileMenu->actions().value(1); // after Open
        fileMenu->insertAction(before, save);
        fileMenu->insertAction(before, revert);
    }
    if (editMenu) {
        QAction *first = editMenu->actions().value(0);
        editMenu->insertAction(first, undo);
        editMenu->insertAction(first, redo);
        editMenu->insertSeparator(first);
        editMenu->insertAction(first, paste);
        editMenu->insertAction(first, fillSelection);
        editMenu->insertSeparator(first);
        editMenu->addSeparator();
        editMenu->addAction(enableEditing);
    }
    if (toolBar) {
        toolBar->addAction(enableEditing);
        toolBar->addAction(save);
    }
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_inspector);
}

void EditingSupport::setFile(const MappedFile &file)
{
    m_session->setFile(file);
    m_inspector->setCursorOffset(m_view->cursorOffset());
    updateActions();
}

bool EditingSupport::isModified() const { return m_session->isModified(); }

bool EditingSupport::confirmClose()
{
    if (!m_session->isModified())
        return true;
    const QString name = QString::fromStdString(m_session->file().path());
    const QMessageBox::StandardButton choice = m_prompt
        ? m_prompt()
        : QMessageBox::question(m_window, tr("Unsaved edits"),
                                tr("%1 has %2 of unsaved edits. Save them?")
                                    .arg(name, QString::fromStdString(formatSize(m_session->overlay().byteCount()))),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (choice == QMessageBox::Save)
        return m_session->save().ok();
    if (choice == QMessageBox::Discard) {
        m_session->revert();
        return true;
    }
    return false;
}

void EditingSupport::revertAsked()
{
    if (!m_session->isModified())
        return;
    const EditOverlay &overlay = m_session->overlay();
    const std::size_t ranges = overlay.runCount();
    // Exact counts: formatSize() rounds ("1.5 KiB").
    const QString bytes = overlay.byteCount() == 1 ? tr("1 byte") : tr("%1 bytes").arg(overlay.byteCount());
    const QString name = QFileInfo(QString::fromStdString(m_session->file().path())).fileName();
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
    box->exec();
    if (!box)
        return; // the window went away meanwhile
    const bool discard = box->buttonRole(box->clickedButton()) == QMessageBox::DestructiveRole;
    delete box;
    if (!discard || !m_session->discardEdits())
        return;
    emit statusMessage(tr("Reverted %1 in %2; Edit > Undo brings them back").arg(bytes, inRanges));
}

void EditingSupport::updateActions()
{
    const bool file = m_session->hasFile();
    const bool editing = m_session->isEditingEnabled();
    const bool modified = m_session->isModified();
    enableEditing->setEnabled(file);
    {
        const QSignalBlocker blocker(enableEditing);
        enableEditing->setChecked(editing);
    }
    save->setEnabled(modified);
    revert->setEnabled(modified);
    paste->setEnabled(editing);
    fillSelection->setEnabled(editing);
}

void EditingSupport::fillSelectionAsked()
{
    const ByteRange selection = m_view->selection();
    if (selection.isEmpty() || selection.size > EditSession::kFillLimit) {
        m_session->fill(selection, std::byte{0}); // says why (nothing selected, or too large: Edit > Fill...)
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
    m_session->fill(selection, std::byte(value));
}

} // namespace hexmap
