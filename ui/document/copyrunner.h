#pragma once

#include "core/copyout.h"
#include "core/result.h"
#include "ui/common/taskthread.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace hexmap {

class Document;

// CopyRunner: runs one CopyOut (Save As / Export Selection) of a Document's bytes on a std::thread of its own and
// adapts it to Qt, as ShiftRunner does for insert/delete. The CopyOut holds its own descriptor of the file as opened,
// so the document may keep showing (not editing: the caller makes the window wait) while the copy runs.
// - The worker thread touches only the CopyOut (its progress and cancel are atomics) and an atomic finished flag. A
//   QTimer (~30 Hz) emits progressed() per tick and, once the copy ended, exactly one finished().
// Owned by its Document (QObject child): closing the document cancels the copy and joins (within one 64 MiB step),
// which leaves no file behind.
// Thread: GUI thread (the thread this object lives in) only.
class CopyRunner : public QObject {
    Q_OBJECT
public:
    explicit CopyRunner(Document *document);
    ~CopyRunner() override;

    // Starts the prepared copy. Fails (nothing started) when a copy runs already (Errc::RangeBusy) or no thread
    // can start.
    Status start(std::unique_ptr<CopyOut> copy);
    void cancel();
    bool isRunning() const { return m_run != nullptr; }

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    void poll(); // the timer calls it

signals:
    void progressed(const hexmap::CopyOutProgress &progress);
    // Exactly once per start(): CopyOut::run()'s status (Errc::Cancelled when cancelled) and its statistics.
    void finished(const hexmap::Status &status, const hexmap::CopyOutStats &stats);

private:
    std::unique_ptr<TaskThread<CopyOut>> m_run;
    QTimer m_timer;
};

} // namespace hexmap
