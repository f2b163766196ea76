#include "ui/document/searchwatcher.h"

#include "core/errors.h"

#include <atomic>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

namespace hexmap {

// The state shared with the search thread: the progress atomics, the finished flag, and the result slots that
// the thread writes before its release store of `finished` (and the GUI thread reads only after an acquire load
// saw it, or after join). The destructor cancels and joins.
struct SearchWatcher::Run {
    ScanProgress progress;
    std::atomic<bool> finished{false};
    std::optional<Result<SearchHit>> hit;
    std::optional<Result<SearchMatches>> matches;
    std::thread thread;

    ~Run()
    {
        progress.requestCancel();
        if (thread.joinable())
            thread.join();
    }
};

SearchWatcher::SearchWatcher(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &SearchWatcher::poll);
}

SearchWatcher::~SearchWatcher() = default; // Run's destructor cancels and joins

template <typename Fn>
void SearchWatcher::begin(Kind kind, Fn search)
{
    m_run.reset(); // the previous search (if any) is cancelled and joined, silently
    auto run = std::make_unique<Run>();
    Run *r = run.get();
    try {
        r->thread = std::thread([r, search = std::move(search)] {
            search(*r);
            r->finished.store(true, std::memory_order_release);
        });
    } catch (const std::system_error &e) {
        const Error error{e.code(), "search: no thread"};
        if (kind == Kind::Next)
            r->hit = Result<SearchHit>(error);
        else
            r->matches = Result<SearchMatches>(error);
        r->finished.store(true, std::memory_order_release);
    }
    m_run = std::move(run);
    m_kind = kind;
    m_timer.start();
}

void SearchWatcher::startFindNext(SearchRequest request, std::uint64_t from, SearchDirection direction, bool wrap)
{
    begin(Kind::Next, [request = std::move(request), from, direction, wrap](Run &run) {
        run.hit = SearchScan::findNext(request.source, request.matcher, from, direction, wrap, request.options,
                                       run.progress);
    });
}

void SearchWatcher::startFindAll(SearchRequest request)
{
    begin(Kind::All, [request = std::move(request)](Run &run) {
        run.matches = SearchScan::findAll(request.source, request.matcher, request.options, run.progress);
    });
}

void SearchWatcher::cancel()
{
    if (m_run)
        m_run->progress.requestCancel();
}

void SearchWatcher::abandon()
{
    m_timer.stop();
    m_run.reset();
    m_kind = Kind::None;
}

void SearchWatcher::poll()
{
    if (!m_run)
        return;
    const ScanProgressSnapshot snapshot = m_run->progress.snapshot();
    if (!m_run->finished.load(std::memory_order_acquire)) {
        emit progressed(snapshot);
        return;
    }
    m_timer.stop();
    // Take the result and release the run before emitting, so a slot may start the next search.
    std::unique_ptr<Run> run = std::move(m_run);
    run->thread.join();
    const Kind kind = std::exchange(m_kind, Kind::None);
    const ScanProgressSnapshot last = run->progress.snapshot(); // finished: the final counters
    auto hit = std::move(run->hit);
    auto matches = std::move(run->matches);
    run.reset();
    emit progressed(last);
    const auto fail = [this](const std::error_code &code, const std::string &message) {
        emit failed(QString::fromStdString(message), code == make_error_code(Errc::Cancelled));
    };
    if (kind == Kind::Next && hit) {
        if (*hit)
            emit foundHit(hit->value());
        else
            fail(hit->code(), hit->message());
    } else if (kind == Kind::All && matches) {
        if (*matches)
            emit foundAll(matches->value());
        else
            fail(matches->code(), matches->message());
    }
}

} // namespace hexmap
