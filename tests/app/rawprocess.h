#pragma once

// A child process started with fork + execve, for the tests that QProcess cannot express: arguments passed as
// raw bytes (QProcess encodes a QStringList, so $'v\xff' would arrive as U+FFFD), an address-space limit
// (RLIMIT_AS) in the child, stdout redirected to a file (for outputs of hundreds of MB), output read step by step
// while the child runs (a pipe the test reads slowly paces the child), signals, and the child's peak memory
// (ru_maxrss from wait4).
// Thread: the test's thread only.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace hexmap::testing {

struct RawOptions {
    QList<QByteArray> env;            // extra "NAME=value" entries on top of the test's environment
    std::uint64_t addressSpace = 0;   // RLIMIT_AS in the child; 0 = unchanged
    QByteArray stdoutPath;            // non-empty: stdout goes to this file (truncated) instead of the pipe
};

struct RawResult {
    int exitCode = -1; // -1 when it did not exit normally
    int signal = 0;    // the signal that killed it, 0 when it exited
    bool timedOut = false;
    long maxRssKb = 0; // peak resident set size of the child
    QByteArray out;
    QByteArray err;
};

class RawProcess {
public:
    RawProcess() = default;
    RawProcess(const RawProcess &) = delete;
    RawProcess &operator=(const RawProcess &) = delete;
    ~RawProcess()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        closeFd(m_out);
        closeFd(m_err);
    }

    // Starts `program` with argv = program, args... Returns false when pipe/fork failed.
    bool start(const QByteArray &program, const QList<QByteArray> &args, const RawOptions &options = {})
    {
        std::vector<QByteArray> storage{program};
        storage.insert(storage.end(), args.begin(), args.end());
        std::vector<char *> argv;
        for (QByteArray &a : storage)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        QList<QByteArray> extra = options.env;
        std::vector<char *> envp;
        for (char **e = environ; *e; ++e)
            envp.push_back(*e);
        for (QByteArray &e : extra)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        int out[2];
        int err[2];
        if (::pipe2(out, O_CLOEXEC) != 0)
            return false;
        if (::pipe2(err, O_CLOEXEC) != 0)
            return false;
        int outFile = -1;
        if (!options.stdoutPath.isEmpty())
            outFile = ::open(options.stdoutPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        const pid_t pid = ::fork();
        if (pid < 0)
            return false;
        if (pid == 0) { // child: async-signal-safe calls only
            // The test's own handlers (QtTest's crash handler) must not run in the child before execve.
            for (int s : {SIGINT, SIGTERM, SIGHUP, SIGUSR1})
                ::signal(s, SIG_DFL);
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            ::dup2(outFile >= 0 ? outFile : out[1], STDOUT_FILENO);
            ::dup2(err[1], STDERR_FILENO);
            if (options.addressSpace) {
                const rlimit limit{options.addressSpace, options.addressSpace};
                ::setrlimit(RLIMIT_AS, &limit);
            }
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        if (outFile >= 0)
            ::close(outFile);
        ::close(out[1]);
        ::close(err[1]);
        m_out = out[0];
        m_err = err[0];
        m_pid = pid;
        return true;
    }

    pid_t pid() const { return m_pid; }
    const QByteArray &out() const { return m_result.out; }
    const QByteArray &err() const { return m_result.err; }
    void sendSignal(int signal) const
    {
        if (m_pid > 0)
            ::kill(m_pid, signal);
    }

    // Reads output until stdout holds at least `bytes` bytes (or the pipes close, or timeoutMs passes).
    bool waitForOut(qsizetype bytes, int timeoutMs) { return pump(timeoutMs, [&] { return out().size() >= bytes; }); }
    // Reads output until stderr contains `text`.
    bool waitForErr(const QByteArray &text, int timeoutMs)
    {
        return pump(timeoutMs, [&] { return err().contains(text); });
    }

    // Reads all output and reaps the child (killing it after timeoutMs).
    RawResult wait(int timeoutMs = 120000)
    {
        if (!pump(timeoutMs, [] { return false; }) && (m_out >= 0 || m_err >= 0)) {
            m_result.timedOut = true;
            ::kill(m_pid, SIGKILL);
            pump(5000, [] { return false; });
        }
        int status = 0;
        rusage usage{};
        if (m_pid > 0 && ::wait4(m_pid, &status, 0, &usage) == m_pid) {
            m_pid = -1;
            m_result.maxRssKb = usage.ru_maxrss;
            if (WIFEXITED(status))
                m_result.exitCode = WEXITSTATUS(status);
            else if (WIFSIGNALED(status))
                m_result.signal = WTERMSIG(status);
        }
        return m_result;
    }

private:
    static void closeFd(int &fd)
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }

    // Polls both pipes until done() or both are closed (false) or timeoutMs passes (false).
    template<typename Done>
    bool pump(int timeoutMs, Done done)
    {
        QElapsedTimer timer;
        timer.start();
        char buffer[65536];
        while (!done()) {
            if (m_out < 0 && m_err < 0)
                return false;
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0)
                return false;
            pollfd fds[2] = {{m_out, POLLIN, 0}, {m_err, POLLIN, 0}};
            const int ready = ::poll(fds, 2, static_cast<int>(left));
            if (ready < 0 && errno != EINTR)
                return false;
            for (int i = 0; i < 2 && ready > 0; ++i) {
                if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                int &fd = i == 0 ? m_out : m_err;
                const ssize_t n = ::read(fd, buffer, sizeof buffer);
                if (n > 0)
                    (i == 0 ? m_result.out : m_result.err).append(buffer, n);
                else if (n == 0 || errno != EINTR)
                    closeFd(fd);
            }
        }
        return true;
    }

    pid_t m_pid = -1;
    int m_out = -1;
    int m_err = -1;
    RawResult m_result;
};

// Runs to the end and returns what happened.
inline RawResult runRaw(const QByteArray &program, const QList<QByteArray> &args, const RawOptions &options = {},
                        int timeoutMs = 120000)
{
    RawProcess process;
    if (!process.start(program, args, options))
        return {};
    return process.wait(timeoutMs);
}

} // namespace hexmap::testing
