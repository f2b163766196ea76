#include "demojobshot.h"

#include "core/job.h"
#include "ui/window/demofile.h"
#include "ui/view/hexview.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobssupport.h"
#include "ui/document/jobwatcher.h"
#include "ui/window/mainwindow.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QPixmap>
#include <QTreeWidget>
#include <QWindow>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>

namespace hexmap {

// Where the workers wait, once armed, at the start of their next chunk (before writing it). Never longer than
// MaxHold, so a window closed meanwhile cannot hang the exit. Thread: armed and released from the GUI thread,
// hold() called by the workers.
struct WorkerHold {
    static constexpr std::chrono::seconds MaxHold{20};
    std::mutex mutex;
    std::condition_variable cv;
    bool armed = false;
    unsigned held = 0;

    void hold()
    {
        std::unique_lock lock(mutex);
        if (!armed)
            return;
        ++held;
        cv.wait_for(lock, MaxHold, [this] { return !armed; });
    }
    unsigned heldCount()
    {
        const std::lock_guard lock(mutex);
        return held;
    }
    void arm(bool on)
    {
        {
            const std::lock_guard lock(mutex);
            armed = on;
        }
        cv.notify_all();
    }
};

namespace {

constexpr int TickMs = 20;
constexpr int TimeoutTicks = 60000 / TickMs;
constexpr int SettleTicks = 400 / TickMs; // the dock's delayed layout and the map's repaint after the expansion

bool allPaused(const JobSnapshot &s)
{
    return !s.workers.empty() && std::all_of(s.workers.begin(), s.workers.end(), [](const WorkerSnapshot &w) {
        return w.state == WorkerState::Paused;
    });
}

} // namespace

DemoJobShot::DemoJobShot(MainWindow *window, QString screenshotPath, QString demoPath)
    : QObject(window), m_window(window), m_screenshotPath(std::move(screenshotPath)),
      m_demoPath(std::move(demoPath)), m_hold(std::make_shared<WorkerHold>())
{
    m_timer.setInterval(TickMs);
    connect(&m_timer, &QTimer::timeout, this, &DemoJobShot::tick);
    window->installEventFilter(this); // closing the window releases the workers first
}

DemoJobShot::~DemoJobShot()
{
    m_hold->arm(false);
}

bool DemoJobShot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        m_hold->arm(false); // the window cancels and waits for its jobs next
    return QObject::eventFilter(watched, event);
}

void DemoJobShot::start()
{
    m_window->resize(1100, 780); // the README's size, whatever geometry was saved
    m_timer.start();
}

void DemoJobShot::tick()
{
    ++m_ticks;
    if (++m_totalTicks > TimeoutTicks) {
        finish(1, tr("the job did not reach half way within 60 s"));
        return;
    }
    switch (m_step) {
    case Step::WaitExposed:
        if (m_window->windowHandle() && m_window->windowHandle()->isExposed() && m_ticks > 5)
            startJob();
        return;
    case Step::WaitPaused:
        if (m_job->job() && allPaused(m_job->job()->snapshot())) {
            prepareFrame();
            m_step = Step::Settle;
            m_ticks = 0;
        }
        return;
    case Step::Settle:
        if (m_ticks >= SettleTicks) {
            m_hold->arm(true);
            m_job->job()->resume(); // each worker passes the gate, starts its next chunk and waits in the hook
            m_step = Step::WaitHeld;
        }
        return;
    case Step::WaitHeld:
        if (m_hold->heldCount() == m_job->job()->workerCount())
            shoot();
        return;
    case Step::Done: return;
    }
}

void DemoJobShot::startJob()
{
    const std::uint64_t size = m_window->hexView()->file().size();
    JobSpec spec;
    spec.operation = JobOperation::Pattern;
    spec.pattern = {std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}};
    spec.range = {0, size};
    spec.threads = Workers;
    spec.chunkSize = ChunkSize;
    const std::uint64_t half = std::max<std::uint64_t>(1, size / Workers / ChunkSize / 2);
    auto job = m_window->jobs()->startJob(spec, [half, hold = m_hold](Job &j) {
        j.pauseAfterChunks(half);
        j.setChunkHook([hold](ChunkPoint point, ByteRange) {
            if (point == ChunkPoint::Checked)
                hold->hold();
        });
    });
    if (!job) {
        finish(1, tr("%1: the job could not start: %2").arg(m_demoPath, QString::fromStdString(job.message())));
        return;
    }
    m_job = *job;
    m_step = Step::WaitPaused;
    m_ticks = 0;
}

void DemoJobShot::prepareFrame()
{
    m_job->poll(); // the dock, map and tint show the paused state now
    const JobSnapshot &s = m_job->lastSnapshot();
    const WorkerSnapshot &second = s.workers[std::min<std::size_t>(1, s.workers.size() - 1)];
    const std::uint64_t front = (second.range.offset + second.bytesDone) / 16 * 16;
    const std::uint64_t top = front - std::min<std::uint64_t>(front, 16 * 12);
    HexView *view = m_window->hexView();
    view->setCursorOffset(top + 3); // the inspector decodes written bytes (from an EF: DE AD alone is a combining mark)
    view->scrollToOffset(top);  // written rows above the front, the worker's unwritten rest below
    m_window->jobs()->dock()->tree()->expandAll();
}

void DemoJobShot::shoot()
{
    m_step = Step::Done;
    m_job->poll(); // every worker running, half done, held before writing its next chunk
    const QPixmap pixmap = m_window->grab();
    if (!pixmap.save(m_screenshotPath, "PNG")) {
        finish(1, tr("%1: cannot write the screenshot").arg(m_screenshotPath));
        return;
    }
    const JobSnapshot &s = m_job->lastSnapshot();
    const auto running = std::count_if(s.workers.begin(), s.workers.end(),
                                       [](const WorkerSnapshot &w) { return w.state == WorkerState::Running; });
    // What the picture shows, for scripts and tests (not translated: a stable format).
    std::printf("%s: job %.1f %% done, %d of %d workers running\n", qPrintable(m_screenshotPath),
                100.0 * s.fraction(), int(running), int(s.workers.size()));
    std::fflush(stdout);
    finish(0);
}

void DemoJobShot::finish(int code, const QString &error)
{
    m_step = Step::Done;
    m_timer.stop();
    if (!error.isEmpty())
        std::fprintf(stderr, "hexmap: %s\n", qPrintable(error));
    // Release and cancel (each worker stops before its next chunk), drop the mappings, then put the demo file
    // back as it was.
    if (m_job && m_job->job())
        m_job->job()->cancel();
    m_hold->arm(false);
    m_window->jobs()->confirmClose();
    m_window->closeFile();
    if (auto restored = writeDemoFile(QFile::encodeName(m_demoPath).toStdString()); !restored) {
        std::fprintf(stderr, "hexmap: %s\n", qPrintable(tr("%1: cannot restore the demo file: %2")
                                                             .arg(m_demoPath, QString::fromStdString(restored.message()))));
        code = 1;
    }
    QCoreApplication::exit(code);
}

} // namespace hexmap
