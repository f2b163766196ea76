#include "ui/analysis/scanwatcher.h"

#include "core/errors.h"

#include <utility>

namespace hexmap {

ScanWatcher::ScanWatcher(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &ScanWatcher::poll);
}

ScanWatcher::~ScanWatcher() = default; // ScanRun's destructor cancels and joins

void ScanWatcher::watch(std::unique_ptr<ScanRun> run)
{
    abandon();
    m_last.reset();
    m_run = std::move(run);
    m_timer.start();
}

void ScanWatcher::cancel()
{
    if (m_run)
        m_run->cancel();
}

void ScanWatcher::abandon()
{
    m_timer.stop();
    m_run.reset();
}

void ScanWatcher::poll()
{
    if (!m_run)
        return;
    const ScanProgressSnapshot snapshot = m_run->progress();
    if (!m_run->isFinished()) {
        emit progressed(snapshot);
        return;
    }
    m_timer.stop();
    m_run->wait();
    // Keep the results and clear the running state before emitting, so a slot may start the next scan.
    m_last = std::move(m_run);
    const Status &status = m_last->status();
    emit progressed(m_last->progress());
    if (status)
        emit finished(QString(), false);
    else
        emit finished(QString::fromStdString(status.message()), status.code() == make_error_code(Errc::Cancelled));
}

} // namespace hexmap
