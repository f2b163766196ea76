#pragma once

#include "core/result.h"

#include <atomic>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

namespace hexmap {

// TaskThread<T>: runs one task's `Status T::run()` on a std::thread of its own, for the GUI's runners (ShiftRunner,
// CopyRunner) that poll it from a QTimer. The worker touches only the task (whose progress and cancel are atomics),
// the status and the finished flag, which it sets with a release store after writing the status; the owner reads
// the status only after isFinished() (acquire) saw it, through join(). Destroying a TaskThread cancels the task
// (T::cancel()) and joins, so a window closing mid-run waits for the task's current step.
// Thread: the owner's thread (the GUI thread); the task runs on the TaskThread's thread.
template <typename T>
class TaskThread {
public:
    explicit TaskThread(std::unique_ptr<T> task) : m_task(std::move(task)) {}
    TaskThread(const TaskThread &) = delete;
    TaskThread &operator=(const TaskThread &) = delete;
    ~TaskThread()
    {
        if (m_thread.joinable()) {
            m_task->cancel();
            m_thread.join();
        }
    }

    // Starts run() on a new thread. Fails (nothing started) when no thread can be created; `what` names the task
    // in the error ("copy: no thread").
    Status start(const std::string &what)
    {
        try {
            m_thread = std::thread([this] {
                m_status = m_task->run();
                m_finished.store(true, std::memory_order_release);
            });
        } catch (const std::system_error &e) {
            return Error{e.code(), what + ": no thread"};
        }
        return {};
    }
    T &task() { return *m_task; }
    const T &task() const { return *m_task; }
    bool isFinished() const { return m_finished.load(std::memory_order_acquire); }
    // After isFinished(): joins the thread and returns what run() returned.
    Status join()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_status;
    }

private:
    std::unique_ptr<T> m_task;
    Status m_status;
    std::atomic<bool> m_finished{false};
    std::thread m_thread;
};

} // namespace hexmap
