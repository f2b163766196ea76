#include "ui/document/shiftrunner.h"

#include "core/errors.h"
#include "ui/document/document.h"
#include "ui/document/filewatcher.h"

#include <cerrno>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace hexmap {

// What the save thread runs: the ShiftSave (its progress and cancel are atomics) over a read-write descriptor of its
// own, closed once the thread is done (TaskThread joins before the task is destroyed).
struct ShiftRunner::Task {
    int fd = -1;
    std::unique_ptr<ShiftSave> save;

    ~Task()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Status run() { return save->run(); }
    void cancel() { save->cancel(); }
};

ShiftRunner::ShiftRunner(Document *document) : QObject(document), m_document(document)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &ShiftRunner::poll);
}

ShiftRunner::~ShiftRunner() = default; // TaskThread's destructor cancels and joins

Status ShiftRunner::start(SaveLayout layout, ShiftSaveOptions options)
{
    if (m_run)
        return Error{make_error_code(Errc::RangeBusy), "a save is running on this file"};
    if (!m_document->isOpen() || !m_document->isWritable())
        return Error{make_error_code(Errc::InvalidArgument), "editing is not enabled"};
    const MappedFile &file = m_document->file();
    const std::string path = file.path();
    auto task = std::make_unique<Task>();
    task->fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC); // ShiftSave writes with pwrite; the mapping holds the lock
    if (task->fd < 0)
        return Error::fromErrno(errno, path);
    m_oldSize = file.identity().size;
    task->save = std::make_unique<ShiftSave>(task->fd, path, file.identity(), std::move(layout), std::move(options));
    auto run = std::make_unique<TaskThread<Task>>(std::move(task));
    if (Status started = run->start("save"); !started)
        return started;
    m_document->watcher()->watch(nullptr); // our own size/mtime change; Document::reload watches again
    m_run = std::move(run);
    m_timer.start();
    return {};
}

void ShiftRunner::cancel()
{
    if (m_run)
        m_run->task().cancel();
}

ShiftProgress ShiftRunner::progress() const
{
    return m_run ? m_run->task().save->progress() : ShiftProgress{};
}

void ShiftRunner::poll()
{
    if (!m_run)
        return;
    if (!m_run->isFinished()) {
        emit progressed(m_run->task().save->progress());
        return;
    }
    m_timer.stop();
    auto run = std::move(m_run); // released before emitting: a slot may start another save
    const Status status = run->join();
    const ShiftSave &save = *run->task().save;
    const ShiftProgress last = save.progress();
    const ShiftOutcome outcome = save.outcome();
    m_newSize = save.newSize();
    run.reset();
    emit progressed(last);
    emit finished(status, outcome, last);
}

} // namespace hexmap
