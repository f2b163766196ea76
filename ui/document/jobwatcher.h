#pragma once

#include "core/job.h"
#include "core/jobsnapshot.h"

#include <QMetaType>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace hexmap {

// Adapts one core Job to Qt: owns it, polls its atomic progress with snapshot() on a QTimer at display rate
// (default ~30 Hz; no signal per chunk) and emits progressed() per tick while it runs, then exactly once a final
// progressed() and finished() with the final snapshot. The job's completion callback runs on a worker thread and
// only sets an atomic flag and posts a queued wake-up to this object: no widget or signal is touched there.
// Once finished, the Job is released (its threads joined); lastSnapshot() stays.
// Thread: GUI thread (the thread this object lives in) only. The destructor cancels a running job and waits.
class JobWatcher : public QObject {
    Q_OBJECT
public:
    explicit JobWatcher(std::unique_ptr<Job> job, QObject *parent = nullptr);
    ~JobWatcher() override;

    // Starts the job and the polling timer. Fails as Job::start() does (the watcher then finishes on its own).
    Status start();
    void cancel();
    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }

    // The job, for the pause/resume test hooks; nullptr once finished.
    Job *job() const { return m_job.get(); }
    const JobSpec &spec() const { return m_spec; }
    // The snapshot of the last tick (the final one once finished).
    const JobSnapshot &lastSnapshot() const { return m_last; }

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    int interval() const { return m_timer.interval(); }

    // Takes a snapshot now (emits progressed, or finishes when the job ended). Tests and the timer call it.
    void poll();

signals:
    void progressed(const hexmap::JobSnapshot &snapshot);
    void finished(const hexmap::JobSnapshot &snapshot);

private:
    void finish();

    std::unique_ptr<Job> m_job;
    const JobSpec m_spec;
    QTimer m_timer;
    JobSnapshot m_last;
    std::atomic<bool> m_ended{false}; // set by the completion callback (worker thread)
    bool m_started = false;
    bool m_finished = false;
};

} // namespace hexmap

Q_DECLARE_METATYPE(hexmap::JobSnapshot)
