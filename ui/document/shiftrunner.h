#pragma once

#include "core/result.h"
#include "core/savelayout.h"
#include "core/shiftsave.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <memory>

namespace hexmap {

class Document;

// ShiftRunner: runs one in-place insert/delete save (core ShiftSave) of a Document's file on a std::thread of its
// own and adapts it to Qt, the way SearchWatcher runs a search. The lead's decision for this step (issue 15, GUI
// part 1): until the piece table reaches the GUI, Edit > Insert Bytes… / Delete Range… write the file at once, like
// the fill/zero/pattern jobs: confirmed first, not undoable, crash-safe through ShiftSave's journal, with progress
// and cancel. The later piece-table Save reuses this runner.
// - start() opens its own read-write descriptor of the document's path (the document's read-write mapping already
//   holds the file's WriteLock, exactly as `hexmap-cli insert` holds it through its mapping), passes the identity
//   the document opened (ShiftSave refuses a file changed since) and stops the FileWatcher (the file's size and
//   mtime change under the mapping: that is our own write, not another program's).
// - The worker thread touches only the ShiftSave object and an atomic finished flag. A QTimer (~30 Hz) polls
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
    // runs already (Errc::Busy), no file is open or editing is off (Errc::InvalidArgument), the path cannot be
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
    struct Run;
    Document *m_document;
    std::unique_ptr<Run> m_run;
    std::uint64_t m_oldSize = 0;
    std::uint64_t m_newSize = 0;
    QTimer m_timer;
};

} // namespace hexmap
