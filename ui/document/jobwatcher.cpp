#include "ui/document/jobwatcher.h"

#include <QMetaObject>

namespace hexmap {

JobWatcher::JobWatcher(std::unique_ptr<Job> job, QObject *parent)
    : QObject(parent), m_job(std::move(job)), m_spec(m_job ? m_job->spec() : JobSpec{})
{
    m_timer.setInterval(33);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &JobWatcher::poll);
    if (m_job) {
        m_last = m_job->snapshot();
        // Worker thread: only an atomic store and a queued call. The job is destroyed (threads joined) before
        // this QObject, so the posted event never outlives its receiver.
        m_job->setCompletionCallback([this](const JobSnapshot &) {
            m_ended.store(true, std::memory_order_release);
            QMetaObject::invokeMethod(this, &JobWatcher::poll, Qt::QueuedConnection);
        });
    }
}

JobWatcher::~JobWatcher()
{
    m_timer.stop();
    m_job.reset(); // cancels and joins the workers
}

Status JobWatcher::start()
{
    if (!m_job)
        return Error{make_error_code(Errc::InvalidArgument), "no job"};
    if (m_started)
        return Error{make_error_code(Errc::InvalidArgument), "job already started"};
    m_started = true;
    Status status = m_job->start();
    m_timer.start();
    poll();
    return status;
}

void JobWatcher::cancel()
{
    if (m_job)
        m_job->cancel();
}

void JobWatcher::poll()
{
    if (m_finished || !m_job || !m_started)
        return;
    if (m_ended.load(std::memory_order_acquire)) {
        finish();
        return;
    }
    m_last = m_job->snapshot();
    emit progressed(m_last);
}

void JobWatcher::finish()
{
    m_timer.stop();
    m_job->wait(); // the callback has returned: this only joins the threads
    m_last = m_job->snapshot();
    m_job.reset();
    m_finished = true;
    emit progressed(m_last);
    emit finished(m_last);
}

} // namespace hexmap
