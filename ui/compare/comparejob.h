#pragma once

#include "core/compareengine.h"
#include "core/comparerun.h"
#include "core/comparerunfeed.h"
#include "core/scanprogress.h"
#include "core/scansource.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <optional>
#include <thread>

namespace hexmap {

// One CompareEngine::run() on a std::thread of its own, watched from the GUI thread: a QTimer at display rate
// (~30 Hz) polls the atomic progress and emits progressed() while it runs, then exactly once finished(): an
// empty error on success (result() holds the runs), else the message and whether it was a cancel. The compare
// thread touches only the progress, the result and the finished flag, never a QObject or a widget.
// Thread: GUI thread (the thread this object lives in) only. The destructor cancels and joins (a few ms).
class CompareJob : public QObject {
    Q_OBJECT
public:
    explicit CompareJob(QObject *parent = nullptr);
    ~CompareJob() override;

    // Starts comparing (a previous run is cancelled and joined first, without a signal). Never fails here: a
    // failure (Errc::OutOfBounds, Errc::FileTruncated naming the offset...) arrives through finished().
    void start(ScanSource a, ScanSource b, CompareOptions options);
    void cancel() { m_progress.requestCancel(); }
    bool isRunning() const { return m_thread.joinable(); }
    ScanProgressSnapshot progress() const { return m_progress.snapshot(); }
    // The runs the running compare settled since the last call (a prefix of the result's runs, in order; the
    // last run comes only with the result). Call it on progressed() to show runs while the compare runs.
    // `into` is replaced (reuse the same vector on every call: nothing is allocated per poll).
    void takeNewRuns(std::vector<CompareRun> &into) { m_feed.take(into); }
    // The last successful compare's result, until the next start(); nullopt before or after a failure.
    const std::optional<CompareResult> &result() const { return m_result; }
    void poll(); // the timer calls it; tests may too

signals:
    void progressed(const hexmap::ScanProgressSnapshot &snapshot);
    void finished(const QString &error, bool cancelled);

private:
    void stop();

    ScanProgress m_progress;
    CompareRunFeed m_feed; // the engine's threads push, the GUI thread takes
    std::optional<Result<CompareResult>> m_outcome; // written by the thread before m_done
    std::optional<CompareResult> m_result;
    std::atomic<bool> m_done{false};
    std::thread m_thread;
    QTimer m_timer;
};

} // namespace hexmap
