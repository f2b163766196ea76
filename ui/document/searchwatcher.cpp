#include "ui/document/searchwatcher.h"

#include "core/errors.h"

#include <utility>

namespace hexmap {

SearchWatcher::SearchWatcher(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &SearchWatcher::poll);
}

SearchWatcher::~SearchWatcher() = default; // SearchJob's destructor cancels and joins

void SearchWatcher::startFindNext(SearchEngine engine, std::uint64_t from, SearchDirection direction, bool wrap)
{
    m_job.reset(); // the previous search (if any) is cancelled and joined, silently
    begin(SearchJob::startFindNext(std::move(engine), from, direction, wrap), Kind::Next);
}

void SearchWatcher::startFindAll(SearchEngine engine)
{
    m_job.reset();
    begin(SearchJob::startFindAll(std::move(engine)), Kind::All);
}

void SearchWatcher::begin(std::unique_ptr<SearchJob> job, Kind kind)
{
    m_job = std::move(job);
    m_kind = kind;
    m_timer.start();
}

void SearchWatcher::cancel()
{
    if (m_job)
        m_job->cancel();
}

void SearchWatcher::abandon()
{
    m_timer.stop();
    m_job.reset();
    m_kind = Kind::None;
}

void SearchWatcher::poll()
{
    if (!m_job)
        return;
    const SearchProgressSnapshot snapshot = m_job->progress();
    if (!m_job->isFinished()) {
        emit progressed(snapshot);
        return;
    }
    m_timer.stop();
    // Take the result and release the job before emitting, so a slot may start the next search.
    std::unique_ptr<SearchJob> job = std::move(m_job);
    job->wait();
    const Kind kind = std::exchange(m_kind, Kind::None);
    emit progressed(snapshot);
    const auto fail = [this](const std::error_code &code, const std::string &message) {
        emit failed(QString::fromStdString(message), code == make_error_code(Errc::Cancelled));
    };
    if (kind == Kind::Next) {
        auto hit = job->takeHit();
        job.reset();
        if (hit && *hit)
            emit foundHit(hit->value());
        else if (hit)
            fail(hit->code(), hit->message());
    } else {
        auto matches = job->takeMatches();
        job.reset();
        if (matches && *matches)
            emit foundAll(matches->value());
        else if (matches)
            fail(matches->code(), matches->message());
    }
}

} // namespace hexmap
