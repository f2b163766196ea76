#include "ui/document/shiftrunner.h"

#include "core/errors.h"
#include "ui/document/document.h"
#include "ui/document/filewatcher.h"

#include <atomic>
#include <cerrno>
#include <system_error>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace hexmap {

// The state shared with the save thread: the ShiftSave (its progress and cancel are atomics), the finished flag and
// the status the thread writes before its release store of `finished` (read by the GUI thread only after an
// acquire load saw it, or after join). The destructor cancels, joins and closes the descriptor.
struct ShiftRunner::Run {
    int fd = -1;
    std::unique_ptr<ShiftSave> save;
    Status status;
    std::atomic<bool> finished{false};
    std::thread thread;

    ~Run()
    {
        if (save)
            save->cancel();
        if (thread.joinable())
            thread.join();
        if (fd >= 0)
            ::close(fd);
    }
};

ShiftRunner::ShiftRunner(Document *document) : QObject(document), m_document(document)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &ShiftRunner::poll);
}

ShiftRunner::~ShiftRunner() = default; // Run's destructor cancels and joins

Status ShiftRunner::start(SaveLayout layout, ShiftSaveOptions options)
{
    if (m_run)
        return Error{make_error_code(Errc::RangeBusy), "an insert or delete is running on this file"};
    if (!m_document->isOpen() || !m_document->isWritable())
        return Error{make_error_code(Errc::InvalidArgument), "editing is not enabled"};
    const MappedFile &file = m_document->file();
    const std::string path = file.path();
    auto run = std::make_unique<Run>();
    run->fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC); // ShiftSave writes with pwrite; the mapping holds the lock
    if (run->fd < 0)
        return Error::fromErrno(errno, path);
    m_oldSize = file.identity().size;
    run->save = std::make_unique<ShiftSave>(run->fd, path, file.identity(), std::move(layout), std::move(options));
    Run *r = run.get();
    try {
        r->thread = std::thread([r] {
            r->status = r->save->run();
            r->finished.store(true, std::memory_order_release);
        });
    } catch (const std::system_error &e) {
        return Error{e.code(), "insert/delete: no thread"};
    }
    m_document->watcher()->watch(nullptr); // our own size/mtime change; Document::reload watches again
    m_run = std::move(run);
    m_timer.start();
    return {};
}

void ShiftRunner::cancel()
{
    if (m_run)
        m_run->save->cancel();
}

ShiftProgress ShiftRunner::progress() const
{
    return m_run ? m_run->save->progress() : ShiftProgress{};
}

void ShiftRunner::poll()
{
    if (!m_run)
        return;
    if (!m_run->finished.load(std::memory_order_acquire)) {
        emit progressed(m_run->save->progress());
        return;
    }
    m_timer.stop();
    std::unique_ptr<Run> run = std::move(m_run); // released before emitting: a slot may start another save
    run->thread.join();
    const ShiftProgress last = run->save->progress();
    const ShiftOutcome outcome = run->save->outcome();
    const Status status = run->status;
    m_newSize = run->save->newSize();
    run.reset();
    emit progressed(last);
    emit finished(status, outcome, last);
}

} // namespace hexmap
