#include "ui/document/copyrunner.h"

#include "core/errors.h"
#include "ui/document/document.h"

namespace hexmap {

CopyRunner::CopyRunner(Document *document) : QObject(document)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &CopyRunner::poll);
}

CopyRunner::~CopyRunner() = default; // TaskThread's destructor cancels and joins

Status CopyRunner::start(std::unique_ptr<CopyOut> copy)
{
    if (m_run)
        return Error{make_error_code(Errc::RangeBusy), "a copy of this file is running"};
    auto run = std::make_unique<TaskThread<CopyOut>>(std::move(copy));
    if (Status started = run->start("copy"); !started)
        return started;
    m_run = std::move(run);
    m_timer.start();
    return {};
}

void CopyRunner::cancel()
{
    if (m_run)
        m_run->task().cancel();
}

void CopyRunner::poll()
{
    if (!m_run)
        return;
    if (!m_run->isFinished()) {
        emit progressed(m_run->task().progress());
        return;
    }
    m_timer.stop();
    auto run = std::move(m_run); // released before emitting: a slot may start another copy
    const Status status = run->join();
    const CopyOutProgress last = run->task().progress();
    const CopyOutStats stats = run->task().stats();
    run.reset();
    emit progressed(last);
    emit finished(status, stats);
}

} // namespace hexmap
