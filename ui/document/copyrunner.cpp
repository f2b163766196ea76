#include "ui/document/copyrunner.h"

#include "core/errors.h"
#include "ui/document/document.h"

#include <atomic>
#include <system_error>
#include <thread>

namespace hexmap {

// The state shared with the copy thread: the CopyOut, the finished flag and the status the thread writes before its
// release store of `finished` (read by the GUI thread only after an acquire load saw it, or after join).
struct CopyRunner::Run {
    std::unique_ptr<CopyOut> copy;
    Status status;
    std::atomic<bool> finished{false};
    std::thread thread;

    ~Run()
    {
        copy->cancel();
        if (thread.joinable())
            thread.join();
    }
};

CopyRunner::CopyRunner(Document *document) : QObject(document)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &CopyRunner::poll);
}

CopyRunner::~CopyRunner() = default; // Run's destructor cancels and joins

Status CopyRunner::start(std::unique_ptr<CopyOut> copy)
{
    if (m_run)
        return Error{make_error_code(Errc::RangeBusy), "a copy of this file is running"};
    auto run = std::make_unique<Run>();
    run->copy = std::move(copy);
    Run *r = run.get();
    try {
        r->thread = std::thread([r] {
            r->status = r->copy->run();
            r->finished.store(true, std::memory_order_release);
        });
    } catch (const std::system_error &e) {
        return Error{e.code(), "copy: no thread"};
    }
    m_run = std::move(run);
    m_timer.start();
    return {};
}

void CopyRunner::cancel()
{
    if (m_run)
        m_run->copy->cancel();
}

void CopyRunner::poll()
{
    if (!m_run)
        return;
    if (!m_run->finished.load(std::memory_order_acquire)) {
        emit progressed(m_run->copy->progress());
        return;
    }
    m_timer.stop();
    std::unique_ptr<Run> run = std::move(m_run); // released before emitting: a slot may start another copy
    run->thread.join();
    const CopyOutProgress last = run->copy->progress();
    const CopyOutStats stats = run->copy->stats();
    const Status status = run->status;
    run.reset();
    emit progressed(last);
    emit finished(status, stats);
}

} // namespace hexmap
