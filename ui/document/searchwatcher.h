#pragma once

#include "core/searchengine.h"
#include "core/searchjob.h"
#include "core/searchprogress.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <vector>

namespace hexmap {

// Adapts one background search (a core SearchJob) to Qt. Owns the job; a QTimer at display rate (~30 Hz) polls
// the job's atomic progress() and isFinished() and emits progressed() per tick while it runs, then exactly one of
// foundHit / foundAll / failed (a cancelled search emits failed with cancelled = true). The search thread never
// touches this object, a widget or a signal: it only writes the job's atomics.
// Starting a new search cancels and joins the previous one (within one slice) without emitting for it.
// Thread: GUI thread (the thread this object lives in) only. The destructor cancels and joins.
class SearchWatcher : public QObject {
    Q_OBJECT
public:
    enum class Kind { None, Next, All };

    explicit SearchWatcher(QObject *parent = nullptr);
    ~SearchWatcher() override;

    void startFindNext(SearchEngine engine, std::uint64_t from, SearchDirection direction, bool wrap);
    void startFindAll(SearchEngine engine);
    void cancel(); // asks the running search to stop; failed(cancelled = true) follows on a later tick
    void abandon(); // cancels and joins the running search now (within one slice); no signal follows
    bool isRunning() const { return m_job != nullptr; }
    Kind kind() const { return m_kind; }

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Takes a snapshot now (emits progressed, or the final signal when the search ended). The timer calls it.
    void poll();

signals:
    void progressed(const hexmap::SearchProgressSnapshot &snapshot);
    void foundHit(const hexmap::SearchHit &hit);
    void foundAll(const hexmap::SearchMatches &matches);
    void failed(const QString &message, bool cancelled);

private:
    void begin(std::unique_ptr<SearchJob> job, Kind kind);

    std::unique_ptr<SearchJob> m_job;
    Kind m_kind = Kind::None;
    QTimer m_timer;
};

} // namespace hexmap

