#include "ui/edit/shiftsupport.h"

#include "core/numberparser.h"
#include "ui/document/bookmarks.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/filewatcher.h"
#include "ui/document/shiftrunner.h"
#include "ui/device/devicegate.h"
#include "ui/edit/deleterangedialog.h"
#include "ui/edit/insertbytesdialog.h"
#include "ui/edit/shiftcost.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"

#include <QAction>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

#include <algorithm>

namespace hexmap {
namespace {

ShiftRunner *runnerOf(const Document *document)
{
    return document ? document->findChild<ShiftRunner *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

} // namespace

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
    for (const auto &c : m_current)
        disconnect(c);
    m_current.clear();
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
        device ? cannot : tr("Insert bytes into the file at an offset, moving the rest up (written at once)"));
    deleteRange->setToolTip(
        device ? cannot : tr("Delete a range of the file, moving the rest down (written at once)"));
}

bool ShiftSupport::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

QString ShiftSupport::refusal(const Document *document, bool remove)
{
    if (!document || !document->isOpen())
        return tr("No file is open.");
    const QString name = document->fileName();
    if (document->isDevice())
        return devicegate::cannotResizeText(document->displayPath());
    if (!document->isWritable())
        return tr("Insert and delete write “%1” at once: enable editing first (Edit > Enable Editing, Ctrl+E).")
            .arg(name);
    if (document->isModified())
        return tr("“%1” has unsaved overwrite edits. Save them (File > Save) or revert them (File > Revert Unsaved "
                  "Edits) first: an insert or delete writes the file at once.")
            .arg(name);
    if (const ShiftRunner *runner = runnerOf(document); runner && runner->isRunning())
        return tr("An insert or delete is already running on “%1”: wait for it to finish.").arg(name);
    if (document->hasRunningJobs())
        return tr("A job is running on “%1”: wait for it to finish or cancel it (Jobs panel) first.").arg(name);
    const auto change = document->file().checkIdentity();
    if (!change)
        return tr("Cannot check “%1” on disk: %2.").arg(name, QString::fromStdString(change.message()));
    if (*change != FileChange::None)
        return tr("“%1” changed on disk since it was opened: reload it first (nothing was written).").arg(name);
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

bool ShiftSupport::confirm(const QString &text, const QString &button)
{
    QMessageBox box(QMessageBox::Question, tr("Confirm"), text, QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("shiftConfirmation"));
    box.setTextFormat(Qt::PlainText);
    QPushButton *go = box.addButton(button, QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    const QPointer<QObject> alive = this;
    box.exec();
    return alive && box.clickedButton() == go;
}

void ShiftSupport::insertAsked()
{
    if (refuse(false) || !m_view)
        return;
    const QPointer<Document> document = m_document;
    m_insert.setFileSize(document->size());
    m_insert.setOffsetText(ShiftCost::offsetText(std::min(m_view->cursorOffset(), document->size())));
    InsertBytesDialog dialog(m_insert, m_window);
    if (dialog.exec() != QDialog::Accepted || !document)
        return;
    m_insert = dialog.model(); // remembered for the next time
    if (!confirm(m_insert.confirmationText(document->fileName()), tr("&Insert")) || refuse(false))
        return;
    auto layout = m_insert.layout();
    auto at = m_insert.offset();
    auto piece = m_insert.piece();
    if (!layout || !at || !piece) // the model was valid for OK: cannot happen, but never run an invalid layout
        return;
    run(std::move(*layout), *at, 0, piece->length, m_insert.doneText(), tr("Could not insert into %1: %2."));
}

void ShiftSupport::deleteAsked()
{
    if (refuse(true) || !m_view)
        return;
    const QPointer<Document> document = m_document;
    m_delete.setFileSize(document->size());
    m_delete.setDefault(m_view->selection(), m_view->cursorOffset());
    DeleteRangeDialog dialog(m_delete, m_window);
    if (dialog.exec() != QDialog::Accepted || !document)
        return;
    m_delete = dialog.model();
    if (!confirm(m_delete.confirmationText(document->fileName()), tr("&Delete")) || refuse(true))
        return;
    auto layout = m_delete.layout();
    auto range = m_delete.range();
    if (!layout || !range)
        return;
    run(std::move(*layout), range->offset, range->size, 0, m_delete.doneText(), tr("Could not delete from %1: %2."));
}

void ShiftSupport::run(SaveLayout layout, std::uint64_t point, std::uint64_t removed, std::uint64_t inserted,
                       const QString &doneText, const QString &failText)
{
    ShiftRunner *runner = runnerOf(m_document);
    if (!runner)
        runner = new ShiftRunner(m_document);
    m_runner = runner;
    m_runDocument = m_document;
    m_point = point;
    m_removed = removed;
    m_inserted = inserted;
    m_doneText = doneText;
    m_failText = failText;
    m_runFileName = m_document->fileName();
    if (const Status started = runner->start(std::move(layout), m_options); !started) {
        finished(started, ShiftOutcome::Unchanged);
        return;
    }
    m_progress.start(m_window, QStringLiteral("shiftProgress"), removed ? tr("Delete Range") : tr("Insert Bytes"),
                     tr("Moving bytes in %1…").arg(m_runFileName));
    connect(m_progress.dialog(), &QProgressDialog::canceled, runner, &ShiftRunner::cancel);
    connect(runner, &ShiftRunner::progressed, this, [this](const ShiftProgress &p) {
        m_progress.update(p.bytesDone, p.bytesTotal,
                          tr("Moving bytes: %1 of %2")
                              .arg(QString::fromStdString(formatSize(p.bytesDone)),
                                   QString::fromStdString(formatSize(p.bytesTotal))));
    });
    connect(runner, &ShiftRunner::finished, this,
            [this](const Status &status, ShiftOutcome outcome, const ShiftProgress &) { finished(status, outcome); },
            Qt::SingleShotConnection);
}

void ShiftSupport::finished(const Status &status, ShiftOutcome outcome)
{
    m_progress.finish();
    if (m_runner)
        disconnect(m_runner, &ShiftRunner::progressed, nullptr, nullptr);
    QString text;
    bool offerRecover = false;
    if (status) {
        text = m_doneText;
    } else if (status.code() == Errc::Cancelled && outcome == ShiftOutcome::Unchanged) {
        text = tr("Cancelled: the file is unchanged.");
    } else if (status.code() == Errc::Cancelled) {
        text = tr("Cancelled part-way: the file will be completed the next time it is opened (or now: Recover).");
        offerRecover = true;
    } else {
        text = m_failText.arg(m_runFileName, QString::fromStdString(status.message()));
        if (outcome == ShiftOutcome::Pending) {
            text += QLatin1Char(' ') + tr("The file will be completed the next time it is opened (or now: Recover).");
            offerRecover = true;
        } else {
            text += QLatin1Char(' ') + tr("The file is unchanged.");
        }
    }
    if (outcome != ShiftOutcome::NotRun)
        reloadDocument();
    if (status && m_runDocument) {
        m_runDocument->bookmarks()->shift(m_point, m_removed, m_inserted);
        if (m_view && m_runDocument == m_document)
            m_view->setCursorOffset(std::min(m_point, m_runDocument->size() ? m_runDocument->size() - 1 : 0));
    }
    m_lastMessage = text;
    if (status)
        emit statusMessage(text);
    else
        showBox(status.code() == Errc::Cancelled ? tr("Cancelled") : tr("Insert/Delete Failed"), text, offerRecover);
    emit shiftFinished(text);
}

void ShiftSupport::reloadDocument()
{
    if (!m_runDocument || !m_runDocument->isOpen())
        return;
    auto report = m_runDocument->reload(); // maps the new size, watches the file again, views follow
    if (!report) {
        m_runDocument->watcher()->watch(&m_runDocument->file()); // keep watching the old mapping's file
        emit statusMessage(tr("Cannot reload %1: %2")
                               .arg(m_runFileName, QString::fromStdString(report.message())));
    }
}

void ShiftSupport::showBox(const QString &title, const QString &text, bool offerRecover)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("shiftResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    if (offerRecover) {
        QPushButton *recover = box->addButton(tr("&Recover Now"), QMessageBox::AcceptRole);
        recover->setObjectName(QStringLiteral("shiftRecover"));
        box->addButton(tr("&Later"), QMessageBox::RejectRole);
        const QPointer<Document> document = m_runDocument;
        connect(recover, &QPushButton::clicked, this, [this, document] {
            if (!document || !document->isOpen())
                return;
            MappedFile file = document->file(); // recovery maps the completed file again
            const QString done = EditSession::recoverInterruptedSave(file);
            if (auto report = document->reload(); !report)
                emit statusMessage(QString::fromStdString(report.message()));
            m_lastMessage = done;
            emit statusMessage(done);
        });
    } else {
        box->addButton(QMessageBox::Ok);
    }
    box->open();
}

} // namespace hexmap
