#include "core/searchjob.h"

namespace hexmap {

SearchJob::SearchJob(SearchEngine engine) : m_engine(std::move(engine)) {}

SearchJob::~SearchJob()
{
    cancel();
    wait();
}

template <typename Fn>
void SearchJob::start(Fn fn)
{
    m_thread = std::thread([this, fn] {
        fn();
        m_finished.store(true, std::memory_order_release);
    });
}

std::unique_ptr<SearchJob> SearchJob::startFindNext(SearchEngine engine, std::uint64_t from,
                                                    SearchDirection direction, bool wrap)
{
    std::unique_ptr<SearchJob> job(new SearchJob(std::move(engine)));
    SearchJob *self = job.get();
    self->start([self, from, direction, wrap] {
        self->m_hit = self->m_engine.findNext(from, direction, wrap, &self->m_progress);
    });
    return job;
}

std::unique_ptr<SearchJob> SearchJob::startFindAll(SearchEngine engine)
{
    std::unique_ptr<SearchJob> job(new SearchJob(std::move(engine)));
    SearchJob *self = job.get();
    self->start([self] { self->m_matches = self->m_engine.findAll(&self->m_progress); });
    return job;
}

void SearchJob::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

std::optional<Result<SearchHit>> SearchJob::takeHit()
{
    wait();
    return std::exchange(m_hit, std::nullopt);
}

std::optional<Result<SearchMatches>> SearchJob::takeMatches()
{
    wait();
    return std::exchange(m_matches, std::nullopt);
}

} // namespace hexmap
