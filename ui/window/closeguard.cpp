#include "ui/window/closeguard.h"

#include "core/jobsnapshot.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace hexmap {

CloseGuard::CloseGuard(QWidget *window, Document *document)
    : QObject(document), m_window(window), m_center(document->jobs()), m_session(document->session())
{
    connect(m_center, &JobCenter::jobFinished, this, &CloseGuard::jobFinished);
    // The jobs went away without finishing (another file was set): nothing is left to wait for.
    connect(m_center, &JobCenter::jobsRemoved, this, [this] {
        if (m_model.isWaiting() && !m_center->hasRunningJobs()) {
            m_failed = true;
            endWaiting();
        }
    });
}

std::vector<CloseGuardModel::Job> CloseGuard::runningJobs() const
{
    std::vector<CloseGuardModel::Job> jobs;
    for (const JobWatcher *watcher : m_center->jobs())
        if (!watcher->isFinished())
            jobs.push_back({watcher->spec().operation, watcher->spec().range, watcher->lastSnapshot().totalDone});
    return jobs;
}

QMessageBox *CloseGuard::createBox(Purpose purpose, const QString &fileName) const
{
    const auto jobs = runningJobs();
    const std::uint64_t unsaved = m_session ? m_session->editedBytes() : 0;
    auto *box = new QMessageBox(QMessageBox::Warning, CloseGuardModel::title(purpose),
                                CloseGuardModel::question(jobs, fileName), QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("closeGuard"));
    box->setTextFormat(Qt::PlainText); // a file name is never markup
    box->setInformativeText(CloseGuardModel::details(jobs, purpose, unsaved));
    box->addButton(CloseGuardModel::cancelLabel(purpose), QMessageBox::DestructiveRole);
    box->addButton(CloseGuardModel::waitLabel(purpose), QMessageBox::AcceptRole);
    QPushButton *keep = box->addButton(CloseGuardModel::keepLabel(), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    return box;
}

bool CloseGuard::confirm(Purpose purpose, const QString &fileName, std::function<void()> retry, const QString &target)
{
    // A job that has ended but whose watcher did not poll yet (e.g. cancelled and waited for by
    // JobsSupport::confirmClose just before) is not running: finish its watcher now rather than ask about it.
    const std::vector<JobWatcher *> listed = m_center->jobs();
    for (JobWatcher *watcher : listed)
        if (!watcher->isFinished())
            watcher->poll();
    if (m_model.request(m_center->hasRunningJobs()) == CloseGuardModel::Step::Proceed) {
        m_retry = {};
        return true;
    }
    std::vector<QPointer<JobWatcher>> asked;
    for (JobWatcher *watcher : m_center->jobs())
        if (!watcher->isFinished())
            asked.emplace_back(watcher);
    const QPointer<QMessageBox> box = createBox(purpose, fileName);
    // The progress in the question follows the jobs while it is shown.
    connect(m_center, &JobCenter::changed, box, [this, raw = box.data(), fileName] {
        const auto jobs = runningJobs();
        const QString text = jobs.empty() ? CloseGuardModel::endedText(fileName) : CloseGuardModel::question(jobs, fileName);
        if (raw->text() != text)
            raw->setText(text);
        if (jobs.empty() && raw->informativeText() != CloseGuardModel::endedDetails())
            raw->setInformativeText(CloseGuardModel::endedDetails());
    });
    box->exec();
    if (!box)
        return false; // the window went away meanwhile, and the box with it
    CloseGuardModel::Choice choice = CloseGuardModel::Choice::KeepOpen;
    switch (box->buttonRole(box->clickedButton())) {
    case QMessageBox::DestructiveRole: choice = CloseGuardModel::Choice::CancelJobs; break;
    case QMessageBox::AcceptRole: choice = CloseGuardModel::Choice::WaitForJobs; break;
    default: break;
    }
    delete box;
    switch (m_model.choose(choice)) {
    case CloseGuardModel::Step::Proceed:
        m_retry = {};
        cancelAndWait();
        return true;
    case CloseGuardModel::Step::Wait:
        break;
    default:
        m_retry = {};
        return false;
    }
    m_model.setPurpose(purpose);
    m_retry = std::move(retry);
    m_fileName = fileName;
    m_failed = false;
    // Jobs that ended while the question was shown.
    for (const QPointer<JobWatcher> &watcher : asked)
        if (watcher && watcher->isFinished() && watcher->lastSnapshot().state != JobState::Succeeded)
            m_failed = true;
    emit statusMessage(CloseGuardModel::waitingMessage(purpose, fileName, target));
    if (!m_center->hasRunningJobs())
        endWaiting();
    return false;
}

void CloseGuard::cancelAndWait()
{
    m_center->cancelAll();
    // Copy: finishing a watcher emits signals whose receivers could change the list.
    const std::vector<JobWatcher *> jobs = m_center->jobs();
    for (JobWatcher *watcher : jobs) {
        if (watcher->job())
            watcher->job()->wait(); // stops within one chunk
        watcher->poll();            // finishes the watcher now, so hasRunningJobs() is false on return
    }
}

void CloseGuard::jobFinished(JobWatcher *watcher)
{
    if (!m_model.isWaiting())
        return;
    if (watcher->lastSnapshot().state != JobState::Succeeded)
        m_failed = true;
    if (!m_center->hasRunningJobs())
        endWaiting();
}

void CloseGuard::endWaiting()
{
    const CloseGuardModel::Step step = m_model.jobsEnded(!m_failed);
    std::function<void()> retry = std::move(m_retry);
    m_retry = {};
    if (step != CloseGuardModel::Step::Proceed) {
        emit statusMessage(CloseGuardModel::calledOffMessage(m_fileName));
        return;
    }
    emit statusMessage(QString());
    if (retry)
        QTimer::singleShot(0, this, std::move(retry)); // never from inside the watcher's finished signal
}

} // namespace hexmap
