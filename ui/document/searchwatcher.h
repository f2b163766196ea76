#pragma once

#include "core/scanprogress.h"
#include "core/scansource.h"
#include "core/searchmatcher.h"
#include "core/searchscan.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <memory>

namespace hexmap {

// One search to run: the file (a ScanSource the caller opened, on the GUI thread), the compiled pattern, and the
// options (range, threads, match cap, a snapshot of the unsaved edits). Plain value.
struct SearchRequest {
    ScanSource source;
    SearchMatcher matcher;
    SearchScanOptions options;
};

// Runs one search (core SearchScan on the scan engine) on a std::thread of its own and adapts it to Qt. A QTimer
// at display rate (~30 Hz) polls the run's atomic ScanProgress and its finished flag, emits progressed() per tick
// while it runs, then exactly one of foundHit / foundAll / failed (a cancelled search emits failed with
// cancelled = true). The search thread never touches this object, a widget or a signal: it writes the progress
// atomics and its result, which it hands over by a release store of the finished flag.
// Starting a new search cancels and joins the previous one (within one unit of the engine: a few ms) without
// emitting for it.
// Thread: GUI thread (the thread this object lives in) only. The destructor cancels and joins.
class SearchWatcher : public QObject {
    Q_OBJECT
public:
    enum class Kind { None, Next, All };

    explicit SearchWatcher(QObject *parent = nullptr);
    ~SearchWatcher() override;

    // Never fail: the search's own failure (and a thread that cannot start) arrives through failed().
    void startFindNext(SearchRequest request, std::uint64_t from, SearchDirection direction, bool wrap);
    void startFindAll(SearchRequest request);
    void cancel(); // asks the running search to stop; failed(cancelled = true) follows on a later tick
    void abandon(); // cancels and joins the running search now (within one unit); no signal follows
    bool isRunning() const { return m_run != nullptr; }
    Kind kind() const { return m_kind; }

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Takes a snapshot now (emits progressed, or the final signal when the search ended). The timer calls it.
    void poll();

signals:
    void progressed(const hexmap::ScanProgressSnapshot &snapshot);
    void foundHit(const hexmap::SearchHit &hit);
    void foundAll(const hexmap::SearchMatches &matches);
    void failed(const QString &message, bool cancelled);

private:
    struct Run;
    template <typename Fn>
    void begin(Kind kind, Fn search);

    std::unique_ptr<Run> m_run;
    Kind m_kind = Kind::None;
    QTimer m_timer;
};

} // namespace hexmap
