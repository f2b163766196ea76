#include "ui/analysis/scanrun.h"

#include <system_error>

namespace hexmap {

ScanRun::~ScanRun()
{
    cancel();
    wait();
}

void ScanRun::start(ScanSource source, ByteRange range, std::optional<PieceSnapshot> document,
                    std::vector<std::unique_ptr<ScanConsumer>> consumers, unsigned threads)
{
    m_consumers = std::move(consumers);
    m_started = true;
    ScanOptions options;
    options.range = range;
    options.threads = threads;
    options.document = std::move(document);
    try {
        m_thread = std::thread([this, source = std::move(source), options = std::move(options)] {
            std::vector<ScanConsumer *> raw;
            for (const auto &c : m_consumers)
                raw.push_back(c.get());
            m_status = ScanEngine::run(source, raw, options, m_progress);
            m_finished.store(true, std::memory_order_release);
        });
    } catch (const std::system_error &e) {
        m_status = Status(e.code(), "scan thread");
        m_finished.store(true, std::memory_order_release);
    }
}

void ScanRun::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace hexmap
