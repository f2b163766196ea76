#include "ui/window/closeguardmodel.h"

#include "core/numberparser.h"

#include <algorithm>
#include <cmath>

namespace hexmap {
namespace {

QString hex(std::uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16).toUpper(); }

bool writesBytes(JobOperation op)
{
    return op == JobOperation::Fill || op == JobOperation::Zero || op == JobOperation::Pattern;
}

int percent(const CloseGuardModel::Job &job)
{
    if (job.range.size == 0)
        return 0;
    const double p = std::floor(100.0 * double(std::min(job.done, job.range.size)) / double(job.range.size));
    return int(std::clamp(p, 0.0, 100.0));
}

} // namespace

CloseGuardModel::Step CloseGuardModel::request(bool jobsRunning)
{
    if (!jobsRunning) {
        m_waiting = false;
        return Step::Proceed;
    }
    return Step::Ask;
}

CloseGuardModel::Step CloseGuardModel::choose(Choice choice)
{
    switch (choice) {
    case Choice::KeepOpen:
        m_waiting = false;
        return Step::Stay;
    case Choice::CancelJobs:
        m_waiting = false;
        return Step::Proceed;
    case Choice::WaitForJobs:
        m_waiting = true;
        return Step::Wait;
    }
    return Step::Stay;
}

CloseGuardModel::Step CloseGuardModel::jobsEnded(bool allSucceeded)
{
    if (!m_waiting)
        return Step::Stay;
    m_waiting = false;
    return allSucceeded ? Step::Proceed : Step::Stay;
}

QString CloseGuardModel::title(Purpose purpose)
{
    switch (purpose) {
    case Purpose::Quit: return tr("Quit While a Job Runs?");
    case Purpose::CloseFile: return tr("Close While a Job Runs?");
    case Purpose::OpenFile: return tr("Open Another File While a Job Runs?");
    }
    return {};
}

QString CloseGuardModel::question(const std::vector<Job> &jobs, const QString &fileName)
{
    const auto line = [](const Job &job) {
        const QString bounds = job.range.isEmpty() ? hex(job.range.offset)
                                                   : tr("%1 – %2").arg(hex(job.range.offset), hex(job.range.end() - 1));
        return tr("%1 (%2), %3 % done")
            .arg(bounds, QString::fromStdString(formatSize(job.range.size)))
            .arg(percent(job));
    };
    const QString file = tr("“%1”").arg(fileName);
    if (jobs.size() == 1) {
        const Job &job = jobs.front();
        QString what;
        switch (job.operation) {
        case JobOperation::Fill: what = tr("A fill of %1 is still running:"); break;
        case JobOperation::Zero: what = tr("Zeroing of %1 is still running:"); break;
        case JobOperation::Pattern: what = tr("A pattern fill of %1 is still running:"); break;
        case JobOperation::Flush: what = tr("A flush of %1 is still running:"); break;
        case JobOperation::Sync: what = tr("A sync of %1 is still running:"); break;
        }
        return what.arg(file) + QLatin1Char(' ') + line(job) + QLatin1Char('.');
    }
    QString text = tr("%n jobs are still running on %1:", nullptr, int(std::min<std::size_t>(jobs.size(), 1000))).arg(file);
    for (const Job &job : jobs) {
        QString name;
        switch (job.operation) {
        case JobOperation::Fill: name = tr("Fill"); break;
        case JobOperation::Zero: name = tr("Zero"); break;
        case JobOperation::Pattern: name = tr("Pattern"); break;
        case JobOperation::Flush: name = tr("Flush"); break;
        case JobOperation::Sync: name = tr("Sync"); break;
        }
        text += QStringLiteral("\n• ") + name + QLatin1Char(' ') + line(job);
    }
    return text;
}

QString CloseGuardModel::details(const std::vector<Job> &jobs, Purpose purpose, std::uint64_t unsavedBytes)
{
    const bool writes = std::any_of(jobs.begin(), jobs.end(), [](const Job &j) { return writesBytes(j.operation); });
    const bool one = jobs.size() == 1;
    QString text = writes ? (one ? tr("Cancelling stops the job within one chunk and leaves the file part written: "
                                      "the bytes it has not reached keep their old values.")
                                 : tr("Cancelling stops the jobs within one chunk and leaves the file part written: "
                                      "the bytes they have not reached keep their old values."))
                          : (one ? tr("Cancelling stops the job: the bytes it has not synced yet are not durable "
                                      "(a crash could lose them).")
                                 : tr("Cancelling stops the jobs: the bytes they have not synced yet are not durable "
                                      "(a crash could lose them)."));
    text += QLatin1Char(' ');
    switch (purpose) {
    case Purpose::Quit: text += tr("Waiting keeps the window open and quits as soon as every job has ended well."); break;
    case Purpose::CloseFile: text += tr("Waiting closes the file as soon as every job has ended well."); break;
    case Purpose::OpenFile: text += tr("Waiting opens the other file as soon as every job has ended well."); break;
    }
    if (unsavedBytes > 0)
        text += QStringLiteral("\n\n") + tr("The file also has %1 of unsaved edits: you will be asked about them next.")
                                              .arg(QString::fromStdString(formatSize(unsavedBytes)));
    return text;
}

QString CloseGuardModel::cancelLabel(Purpose purpose)
{
    switch (purpose) {
    case Purpose::Quit: return tr("&Cancel Job and Quit");
    case Purpose::CloseFile: return tr("&Cancel Job and Close");
    case Purpose::OpenFile: return tr("&Cancel Job and Open");
    }
    return {};
}

QString CloseGuardModel::waitLabel(Purpose purpose)
{
    switch (purpose) {
    case Purpose::Quit: return tr("&Quit When Done");
    case Purpose::CloseFile: return tr("C&lose When Done");
    case Purpose::OpenFile: return tr("&Open When Done");
    }
    return {};
}

QString CloseGuardModel::waitingMessage(Purpose purpose, const QString &fileName, const QString &target)
{
    switch (purpose) {
    case Purpose::Quit: return tr("Hexmap quits when the jobs on “%1” have ended (quit again to change that)").arg(fileName);
    case Purpose::CloseFile: return tr("“%1” closes when its jobs have ended (close again to change that)").arg(fileName);
    case Purpose::OpenFile: return tr("“%1” opens when the jobs on “%2” have ended").arg(target, fileName);
    }
    return {};
}

QString CloseGuardModel::endedText(const QString &fileName)
{
    return tr("Every job on “%1” has ended.").arg(fileName);
}

QString CloseGuardModel::calledOffMessage(const QString &fileName)
{
    return tr("A job on “%1” failed or was cancelled: the close was called off so that you can see what happened")
        .arg(fileName);
}

} // namespace hexmap
