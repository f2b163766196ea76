#include "app/cli/scanrunner.h"

#include "app/cli/commandline.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace hexmap::cli {
namespace {

// Ctrl+C cancels the running pass: ScanProgress::requestCancel() is a lock-free atomic store.
std::atomic<ScanProgress *> g_progress{nullptr};
static_assert(std::atomic<ScanProgress *>::is_always_lock_free);

void scanOnSigint(int)
{
    if (ScanProgress *p = g_progress.load())
        p->requestCancel();
}

// Installs scanOnSigint for its lifetime, restoring the previous action afterwards.
class SigintCancels {
public:
    explicit SigintCancels(ScanProgress &progress)
    {
        g_progress.store(&progress);
        struct sigaction action {};
        action.sa_handler = scanOnSigint;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &m_previous);
    }
    ~SigintCancels()
    {
        ::sigaction(SIGINT, &m_previous, nullptr);
        g_progress.store(nullptr);
    }
    SigintCancels(const SigintCancels &) = delete;
    SigintCancels &operator=(const SigintCancels &) = delete;

private:
    struct sigaction m_previous {};
};

// Prints the progress line on stderr (a terminal) every 500 ms until destroyed.
class ProgressLine {
public:
    ProgressLine(const ScanProgress &progress, bool enabled) : m_progress(progress)
    {
        if (enabled)
            m_thread = std::thread([this] { loop(); });
    }
    ~ProgressLine()
    {
        if (!m_thread.joinable())
            return;
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        m_thread.join();
        std::fputs("\r\033[K", stderr);
    }
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        while (!m_cv.wait_for(lock, std::chrono::milliseconds(500), [this] { return m_stop; })) {
            const ScanProgressSnapshot s = m_progress.snapshot();
            std::fprintf(stderr, "\rscanned %llu of %llu MiB (%.0f MB/s, ETA %.0f s)\033[K",
                         static_cast<unsigned long long>(s.bytesDone >> 20),
                         static_cast<unsigned long long>(s.bytesTotal >> 20), s.bytesPerSecond() / 1e6,
                         std::max(0.0, s.etaSeconds()));
            std::fflush(stderr);
        }
    }
    const ScanProgress &m_progress;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace

std::optional<ScanSource> ScanRunner::open(const QString &path, int *exitCode) const
{
    if (path.isEmpty()) {
        *exitCode = m_cli.fail(ExitUsage, QStringLiteral("empty file name"));
        return std::nullopt;
    }
    auto source = ScanSource::open(toBytes(path));
    if (!source) {
        *exitCode = m_cli.fail(m_ioExit, QStringLiteral("cannot open: ") + CommandLine::fromStd(source.message()));
        return std::nullopt;
    }
    return std::move(source).value();
}

int ScanRunner::fail(const Error &error) const
{
    const QString message = CommandLine::fromStd(error.message());
    if (error.code == Errc::Cancelled)
        return m_cli.fail(ExitCancelled, QStringLiteral("cancelled"));
    if (error.code == Errc::FileTruncated)
        return m_cli.fail(ExitReadFailed, message);
    if (error.code == Errc::OutOfBounds || error.code == Errc::InvalidArgument || error.code == Errc::TooLarge)
        return m_cli.fail(ExitUsage, message);
    return m_cli.fail(m_ioExit, message);
}

std::optional<int> ScanRunner::run(const ScanSource &source, std::span<ScanConsumer *const> consumers,
                                   const ScanOptions &options, bool quiet) const
{
    const Status status = runWithProgress(
        [&](ScanProgress &progress) { return ScanEngine::run(source, consumers, options, progress); }, quiet);
    if (!status)
        return fail(status.error());
    return std::nullopt;
}

Status ScanRunner::runWithProgress(const std::function<Status(ScanProgress &)> &body, bool quiet) const
{
    ScanProgress progress;
    SigintCancels sigint(progress);
    ProgressLine line(progress, !quiet && ::isatty(STDERR_FILENO) == 1);
    return body(progress);
}

std::optional<ByteRange> ScanRunner::range(const ScanSource &source, int *exitCode) const
{
    if (source.size() == 0 && !m_cli.isSet(QStringLiteral("offset")) && !m_cli.isSet(QStringLiteral("length")))
        return ByteRange{0, 0};
    return m_cli.range(source.size(), exitCode);
}

std::optional<unsigned> ScanRunner::threads(int *exitCode) const
{
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    if (!m_cli.isSet(QStringLiteral("threads")))
        return cores;
    const QString text = m_cli.value(QStringLiteral("threads"));
    auto n = parseSize(toBytes(text));
    if (!n || *n == 0 || *n > 64) {
        *exitCode = m_cli.fail(ExitUsage,
                               QStringLiteral("bad --threads value '%1': expected a whole number from 1 to 64").arg(text));
        return std::nullopt;
    }
    return static_cast<unsigned>(*n);
}

} // namespace hexmap::cli
