#include "ui/edit/shiftsaver.h"

#include "core/numberparser.h"
#include "ui/document/bookmarks.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/filewatcher.h"
#include "ui/document/shiftrunner.h"
#include "ui/edit/shiftcost.h"

#include <QAction>
#include <QEventLoop>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QWidget>

namespace hexmap {
namespace {

ShiftRunner *runnerOf(const Document *document)
{
    return document ? document->findChild<ShiftRunner *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QString sizeText(std::uint64_t bytes) { return QString::fromStdString(formatSize(bytes)); }

} // namespace

ShiftSaver::ShiftSaver(QWidget *window, QObject *parent) : QObject(parent), m_window(window) {}

bool ShiftSaver::isRunning() const { return m_runner && m_runner->isRunning(); }

QString ShiftSaver::refusal(const Document *document)
{
    if (!document || !document->isOpen())
        return tr("No file is open.");
    const QString name = document->fileName();
    if (!document->isWritable())
        return tr("“%1” is open read-only: enable editing (Ctrl+E) or use File > Save As….").arg(name);
    if (const ShiftRunner *runner = runnerOf(document); runner && runner->isRunning())
        return tr("A save is already running on “%1”: wait for it to finish.").arg(name);
    if (document->hasRunningJobs())
        return tr("A job is running on “%1”: wait for it to finish or cancel it (Jobs panel) first.").arg(name);
    const auto change = document->file().checkIdentity();
    if (!change)
        return tr("Cannot check “%1” on disk: %2.").arg(name, QString::fromStdString(change.message()));
    if (*change != FileChange::None)
        return tr("“%1” changed on disk since it was opened: it cannot be saved in place. Use File > Save As… to keep "
                  "your edits (nothing was written).")
            .arg(name);
    return {};
}

bool ShiftSaver::ask(const SaveLayout &layout)
{
    const ShiftCost::SaveCost cost = ShiftCost::saveCost(layout);
    if (cost.movedBytes + cost.writtenBytes <= kAskAbove)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Save"), ShiftCost::saveText(cost), QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("shiftConfirmation"));
    box.setTextFormat(Qt::PlainText);
    QPushButton *go = box.addButton(tr("&Save"), QMessageBox::AcceptRole);
    QPushButton *saveAs = box.addButton(tr("Save &As…"), QMessageBox::ActionRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    const QPointer<QObject> alive = this;
    box.exec();
    if (alive && box.clickedButton() == saveAs) {
        if (auto *action = m_window->findChild<QAction *>(QStringLiteral("actionSaveAs")))
            action->trigger();
        return false;
    }
    return alive && box.clickedButton() == go;
}

bool ShiftSaver::save(Document *document, bool wait)
{
    if (const QString why = refusal(document); !why.isEmpty()) {
        m_lastMessage = why;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Save"), why, QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("shiftRefused"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    m_saving = document->session()->snapshot();
    const SaveLayout layout = m_saving.layout();
    const QPointer<Document> alive = document;
    if (!ask(layout) || !alive)
        return false;
    ShiftRunner *runner = runnerOf(document);
    if (!runner)
        runner = new ShiftRunner(document);
    m_runner = runner;
    m_document = document;
    m_fileName = document->fileName();
    m_lastSaved = false;
    if (const Status started = runner->start(layout, m_options); !started) {
        done(started, ShiftOutcome::Unchanged);
        return false;
    }
    m_progress.start(m_window, QStringLiteral("shiftProgress"), tr("Save"), tr("Saving %1…").arg(m_fileName));
    connect(m_progress.dialog(), &QProgressDialog::canceled, runner, &ShiftRunner::cancel);
    connect(runner, &ShiftRunner::progressed, this, [this](const ShiftProgress &p) {
        m_progress.update(p.bytesDone, p.bytesTotal,
                          tr("Moving bytes: %1 of %2").arg(sizeText(p.bytesDone), sizeText(p.bytesTotal)));
    });
    QEventLoop loop;
    connect(runner, &ShiftRunner::finished, this,
            [this, &loop, wait](const Status &status, ShiftOutcome outcome, const ShiftProgress &) {
                done(status, outcome);
                if (wait)
                    loop.quit();
            },
            Qt::SingleShotConnection);
    if (!wait)
        return true;
    loop.exec();
    return m_lastSaved;
}

void ShiftSaver::done(const Status &status, ShiftOutcome outcome)
{
    m_progress.finish();
    if (m_runner)
        disconnect(m_runner, &ShiftRunner::progressed, nullptr, nullptr);
    QString text;
    bool offerRecover = false;
    // Saved, Pending (the journal holds the whole new document) and Disturbed (every byte went into the file that was
    // open, which the path no longer names or whose size another program changed): the edits are not edits of the
    // file any more, so they count as saved and the tab shows the file again.
    const bool written = outcome == ShiftOutcome::Saved || outcome == ShiftOutcome::Pending ||
                         outcome == ShiftOutcome::Disturbed;
    const bool sizeChanged = status.code() == Errc::FileTruncated || status.code() == Errc::FileChanged ||
                             status.code() == Errc::FileReplaced;
    if (status) {
        text = tr("Saved %1 (%2)").arg(m_fileName, sizeText(m_saving.size()));
    } else if (outcome == ShiftOutcome::Disturbed) {
        text = tr("The bytes were saved into the file that was open, but another program replaced %1 or changed its "
                  "size during the save (%2). The tab now shows what the path names.")
                   .arg(m_fileName, QString::fromStdString(status.message()));
    } else if (status.code() == Errc::Cancelled && outcome == ShiftOutcome::Unchanged) {
        text = tr("Save cancelled: %1 is unchanged and your edits are still unsaved.").arg(m_fileName);
    } else if (status.code() == Errc::Cancelled) {
        text = tr("Save cancelled part-way: %1 will be completed the next time it is opened (or now: Recover).")
                   .arg(m_fileName);
        offerRecover = true;
    } else {
        text = tr("Could not save %1: %2.").arg(m_fileName, QString::fromStdString(status.message()));
        if (outcome == ShiftOutcome::Pending && sizeChanged) {
            text += QLatin1Char(' ') + tr("Another program changed the file's size during the save: it now mixes old "
                                          "and new bytes, and its journal cannot complete it. Recover says what it "
                                          "finds.");
            offerRecover = true;
        } else if (outcome == ShiftOutcome::Pending) {
            text += QLatin1Char(' ') + tr("The file will be completed the next time it is opened (or now: Recover).");
            offerRecover = true;
        } else {
            text += QLatin1Char(' ') + tr("The file is unchanged and your edits are still unsaved.");
        }
    }
    if (m_document && written) {
        // The file now holds the document (or its journal does): bookmarks follow the bytes they marked.
        const PieceSnapshot saved = m_saving;
        m_document->bookmarks()->remap([&saved](std::uint64_t at) { return saved.mapOriginal(at); });
        m_document->session()->markSavedByShift();
        reloadDocument();
    } else if (m_document && m_document->isOpen()) {
        m_document->acceptOwnWrites(); // a grow that was put back changed the mtime: our own write
        m_document->watcher()->watch(&m_document->file());
    }
    m_lastSaved = bool(status);
    m_lastMessage = text;
    if (status && m_document)
        emit m_document->session()->message(text);
    else
        showBox(status.code() == Errc::Cancelled ? tr("Save Cancelled") : tr("Save Failed"), text, offerRecover);
    emit finished(bool(status), text);
}

void ShiftSaver::reloadDocument()
{
    if (!m_document || !m_document->isOpen())
        return;
    if (auto report = m_document->reload(); !report) { // maps the new size, watches the file again, views follow
        m_document->watcher()->watch(&m_document->file());
        m_lastMessage = tr("Cannot reload %1: %2").arg(m_fileName, QString::fromStdString(report.message()));
    }
}

void ShiftSaver::showBox(const QString &title, const QString &text, bool offerRecover)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("shiftResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    if (!offerRecover) {
        box->addButton(QMessageBox::Ok);
        box->open();
        return;
    }
    QPushButton *recover = box->addButton(tr("&Recover Now"), QMessageBox::AcceptRole);
    recover->setObjectName(QStringLiteral("shiftRecover"));
    box->addButton(tr("&Later"), QMessageBox::RejectRole);
    const QPointer<Document> document = m_document;
    connect(recover, &QPushButton::clicked, this, [this, document] {
        if (!document || !document->isOpen())
            return;
        MappedFile file = document->file(); // recovery maps the completed file again
        m_lastMessage = EditSession::recoverInterruptedSave(file);
        if (auto report = document->reload(); !report)
            m_lastMessage += QLatin1Char(' ') + QString::fromStdString(report.message());
        emit document->session()->message(m_lastMessage);
    });
    box->open();
}

} // namespace hexmap
