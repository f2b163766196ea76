#pragma once

#include "core/result.h"
#include "core/savelayout.h"
#include "core/shiftsave.h"
#include "ui/common/taskthread.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <memory>

namespace hexmap {

class Document;

// ShiftRunner: runs one in-place save of a document whose bytes were inserted or deleted (core ShiftSave) on a
// TaskThread of its own and adapts it to Qt, the way SearchWatcher runs a search. ShiftSaver (File > Save) uses it.
// - start() opens its own read-write descriptor of the document's path (the document's read-write mapping already
//   holds the file's WriteLock, exactly as `hexmap-cli insert` holds it through its mapping), passes the identity
//   the document opened (ShiftSave refuses a file changed since) and stops the FileWatcher (the file's size and
//   mtime change under the mapping: that is our own write, not another program's).
// - The worker thread touches only the ShiftSave object and the TaskThread's finished flag. A QTimer (~30 Hz) polls
//   ShiftSave::progress(), emits progressed() per tick and, once the run ended, exactly one finished().
// - The runner does not reload the document: the caller does (Document::reload maps the new size and re-arms the
//   watcher), then deletes or reuses the runner.
// Owned by its Document (QObject child). The destructor cancels and joins (within one step: 64 KiB by default);
// a save cancelled part-way is completed by its journal the next time the file is opened.
// Thread: GUI thread (the thread this object lives in) only.
class ShiftRunner : public QObject {
    Q_OBJECT
public:
    explicit ShiftRunner(Document *document);
    ~ShiftRunner() override;

    // Starts the save of `layout` over the document's file. Fails (nothing started, nothing written) when a save
    // runs already (Errc::RangeBusy), no file is open or editing is off (Errc::InvalidArgument), the path cannot be
    // opened read-write (errno, naming the path) or no thread can start.
    Status start(SaveLayout layout, ShiftSaveOptions options = {});
    void cancel(); // asks the save to stop; finished() follows on a later tick with the outcome
    bool isRunning() const { return m_run != nullptr; }
    ShiftProgress progress() const;
    std::uint64_t oldSize() const { return m_oldSize; }
    std::uint64_t newSize() const { return m_newSize; }

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Polls now (emits progressed, or finished when the run ended). The timer calls it.
    void poll();

signals:
    void progressed(const hexmap::ShiftProgress &progress);
    // Exactly once per start(). `status` is ShiftSave::run()'s (Errc::Cancelled when cancelled); `outcome` says
    // what the file is now: Saved (the new content), Unchanged, or Pending (completed on the next open).
    void finished(const hexmap::Status &status, hexmap::ShiftOutcome outcome, const hexmap::ShiftProgress &last);

private:
    struct Task;
    Document *m_document;
    std::unique_ptr<TaskThread<Task>> m_run;
    std::uint64_t m_oldSize = 0;
    std::uint64_t m_newSize = 0;
    QTimer m_timer;
};

} // namespace hexmap
