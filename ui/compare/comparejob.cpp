#include "ui/compare/comparejob.h"

#include "core/errors.h"
#include "core/threadpriority.h"

#include <system_error>
#include <utility>

namespace hexmap {

CompareJob::CompareJob(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &CompareJob::poll);
}

CompareJob::~CompareJob() { stop(); }

void CompareJob::stop()
{
    m_timer.stop();
    m_progress.requestCancel();
    if (m_thread.joinable())
        m_thread.join();
}

void CompareJob::start(ScanSource a, ScanSource b, CompareOptions options)
{
    stop();
    m_progress.clearCancel();
    m_feed.clear();
    m_progress.start(0);
    m_outcome.reset();
    m_result.reset();
    m_done.store(false, std::memory_order_relaxed);
    try {
        m_thread = std::thread([this, a = std::move(a), b = std::move(b), options] {
            lowerThisThreadPriority(); // it and the engine's readers (they inherit it) give way to the GUI thread
            m_outcome = CompareEngine::run(a, b, options, m_progress, &m_feed);
            m_done.store(true, std::memory_order_release);
        });
    } catch (const std::system_error &e) {
        m_outcome = Result<CompareResult>(e.code(), "compare thread");
        m_done.store(true, std::memory_order_release);
    }
    m_timer.start();
}

void CompareJob::poll()
{
    if (!m_timer.isActive())
        return;
    if (!m_done.load(std::memory_order_acquire)) {
        emit progressed(m_progress.snapshot());
        return;
    }
    m_timer.stop();
    if (m_thread.joinable())
        m_thread.join();
    emit progressed(m_progress.snapshot());
    Result<CompareResult> outcome = std::move(*m_outcome);
    m_outcome.reset();
    if (outcome) {
        m_result = std::move(outcome).value();
        emit finished(QString(), false);
    } else {
        emit finished(QString::fromStdString(outcome.message()), outcome.code() == make_error_code(Errc::Cancelled));
    }
}

} // namespace hexmap
