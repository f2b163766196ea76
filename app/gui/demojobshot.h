#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <memory>

namespace hexmap {

class JobWatcher;
class MainWindow;
struct WorkerHold;

// `hexmap --screenshot-job PATH`: the README's mid-job screenshot, taken from the real application. On the
// window showing the demo file it starts a real 4-worker Pattern job (DE AD BE EF) over the whole file and stops
// the workers at half way (Job::pauseAfterChunks, the engine's pause hook), places the view on a worker's front,
// expands the Jobs dock, then lets the workers into their next chunk and holds them there, before they write it
// (Job::setChunkHook), so the dock, the overview map and the view's tint show a running job, half done; it grabs
// the window into PATH. Afterwards it releases and cancels the job, closes the file and rewrites the demo file
// (writeDemoFile), so the next `--demo` shows it unchanged, and quits with 0, or with 1 and "hexmap: reason" on
// stderr (job not started, not half way within 60 s, PNG not written, demo file not restored).
// Owned by the window (QObject parent). Thread: GUI thread only (the hold is released from it).
class DemoJobShot : public QObject {
    Q_OBJECT
public:
    DemoJobShot(MainWindow *window, QString screenshotPath, QString demoPath);
    ~DemoJobShot() override;

    void start(); // after the window has its file; call before window.show()

    static constexpr unsigned Workers = 4;
    static constexpr std::uint64_t ChunkSize = 4ull << 20;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Step { WaitExposed, WaitPaused, Settle, WaitHeld, Done };
    void tick();
    void startJob();
    void prepareFrame(); // workers paused at half way: place the view, expand the dock
    void shoot();
    void finish(int code, const QString &error = {});

    MainWindow *m_window;
    QString m_screenshotPath;
    QString m_demoPath;
    QTimer m_timer;
    Step m_step = Step::WaitExposed;
    int m_ticks = 0;      // in the current step
    int m_totalTicks = 0; // since start()
    JobWatcher *m_job = nullptr;
    std::shared_ptr<WorkerHold> m_hold; // shared with the workers' chunk hook
};

} // namespace hexmap
