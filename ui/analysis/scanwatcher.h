#pragma once

#include "core/scanprogress.h"
#include "ui/analysis/scanrun.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace hexmap {

// Adapts one background ScanRun to Qt, as JobWatcher does for jobs: a QTimer at display rate (~30 Hz) polls the
// run's atomic progress and emits progressed() per tick while it runs, then exactly once finished(): an empty
// error on success (the consumers hold the results), else the message and whether it was a cancel. The scan
// thread never touches this object or a widget. Starting a new run abandons the previous one silently.
// Thread: GUI thread (the thread this object lives in) only. The destructor cancels and joins.
class ScanWatcher : public QObject {
    Q_OBJECT
public:
    explicit ScanWatcher(QObject *parent = nullptr);
    ~ScanWatcher() override;

    // Takes a started run (ScanRun::start called) and polls it.
    void watch(std::unique_ptr<ScanRun> run);
    void cancel();   // finished(…, true) follows on a later tick
    void abandon();  // cancels and joins now; no signal follows
    bool isRunning() const { return m_run != nullptr; }
    // The last finished run (its consumers hold the results) until the next watch(); nullptr before.
    const ScanRun *lastRun() const { return m_last.get(); }
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    void poll(); // the timer calls it; tests may too

signals:
    void progressed(const hexmap::ScanProgressSnapshot &snapshot);
    void finished(const QString &error, bool cancelled);

private:
    std::unique_ptr<ScanRun> m_run;
    std::unique_ptr<ScanRun> m_last;
    QTimer m_timer;
};

} // namespace hexmap

Q_DECLARE_METATYPE(hexmap::ScanProgressSnapshot)
