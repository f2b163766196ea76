#pragma once

#include "core/result.h"
#include "core/searchengine.h"
#include "core/searchprogress.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

namespace hexmap {

// Runs one SearchEngine call (findNext or findAll) on a background std::thread, for front ends with an event
// loop: poll progress() and isFinished() on a timer, call cancel() from anywhere, then take the result.
// Thread: start*, wait(), takeHit()/takeMatches() and the destructor from the owning thread; progress(),
// isFinished() and cancel() from any thread. The destructor cancels and joins (returns within one slice).
class SearchJob {
public:
    // Never fail; the search's own failure arrives through takeHit()/takeMatches(). May throw std::system_error
    // only when no thread can be created.
    static std::unique_ptr<SearchJob> startFindNext(SearchEngine engine, std::uint64_t from,
                                                    SearchDirection direction, bool wrap);
    static std::unique_ptr<SearchJob> startFindAll(SearchEngine engine);
    ~SearchJob();
    SearchJob(const SearchJob &) = delete;
    SearchJob &operator=(const SearchJob &) = delete;

    SearchProgressSnapshot progress() const { return m_progress.snapshot(); }
    void cancel() { m_progress.requestCancel(); }
    bool isFinished() const { return m_finished.load(std::memory_order_acquire); }
    void wait();

    // After isFinished() (or wait()): the result, once; nullopt for the other kind of job or a second take.
    // The Result fails with Errc::Cancelled after cancel(), or the engine's other errors.
    std::optional<Result<SearchHit>> takeHit();
    std::optional<Result<SearchMatches>> takeMatches();

private:
    explicit SearchJob(SearchEngine engine);
    template <typename Fn>
    void start(Fn fn);

    SearchEngine m_engine;
    SearchProgress m_progress;
    std::atomic<bool> m_finished{false};
    std::optional<Result<SearchHit>> m_hit;
    std::optional<Result<SearchMatches>> m_matches;
    std::thread m_thread;
};

} // namespace hexmap
