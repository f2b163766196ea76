#include "app/cli/shiftrunner.h"

#include "app/cli/commandline.h"
#include "app/cli/devicegate.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"
#include "core/shiftsave.h"

#include <QJsonObject>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

namespace hexmap::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void onShiftSigint(int) { g_interrupted = 1; }

struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// HEXMAP_CLI_TEST_SHIFT_KILL / _STEP_DELAY_US (see the header).
ShiftHook testHook()
{
    const char *kill = std::getenv("HEXMAP_CLI_TEST_SHIFT_KILL");
    const char *delay = std::getenv("HEXMAP_CLI_TEST_SHIFT_STEP_DELAY_US");
    if (!kill && !delay)
        return {};
    std::uint64_t step = UINT64_MAX;
    ShiftPoint point = ShiftPoint::BeforeWrite;
    if (kill) {
        char *end = nullptr;
        step = std::strtoull(kill, &end, 10);
        const std::string name = end && *end == ':' ? std::string(end + 1) : std::string("before");
        if (name == "torn")
            point = ShiftPoint::TornWrite;
        else if (name == "after")
            point = ShiftPoint::AfterWrite;
        else if (name == "finish")
            point = ShiftPoint::BeforeFinish;
        else if (name == "truncate")
            point = ShiftPoint::BeforeTruncate;
    }
    const long delayUs = delay ? std::strtol(delay, nullptr, 10) : 0;
    return [step, point, delayUs](ShiftPoint p, std::uint64_t k) {
        if (p == ShiftPoint::BeforeWrite && delayUs > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(delayUs));
        if (p == point && k == step)
            ::raise(SIGKILL); // a crash: no clean-up, the journal stays as it is
        return ShiftHookAction::Continue;
    };
}

void showProgress(const ShiftProgress &p, bool final)
{
    QString line = QStringLiteral("\r\x1b[K");
    if (!final) {
        const double fraction = p.bytesTotal ? double(p.bytesDone) / double(p.bytesTotal) : 1.0;
        line = QStringLiteral("\r%1%  %2 / %3  step %4 of %5\x1b[K")
                   .arg(fraction * 100, 5, 'f', 1)
                   .arg(CommandLine::fromStd(formatSize(p.bytesDone)), CommandLine::fromStd(formatSize(p.bytesTotal)))
                   .arg(p.stepsDone)
                   .arg(p.stepCount);
    }
    const QByteArray bytes = line.toUtf8();
    (void)!::write(STDERR_FILENO, bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace

ShiftRunner::ShiftRunner(const CommandLine &cli, const QString &verb) : m_cli(cli), m_verb(verb) {}

void ShiftRunner::addOptions(CommandLine &cli)
{
    cli.addOption({QStringLiteral("chunk"),
                   QStringLiteral("Bytes moved per step, between progress records and cancel checks (default 64K; "
                                  "8M with --durable)."),
                   QStringLiteral("SIZE")});
    cli.addOption({QStringLiteral("durable"),
                   QStringLiteral("Also survive a power cut mid-way (syncs the file and the journal at every step: "
                                  "slower).")});
    cli.addOption({QStringLiteral("quiet"), QStringLiteral("No progress line on stderr.")});
}

int ShiftRunner::run(const LayoutBuilder &build)
{
    ShiftSaveOptions options;
    if (m_cli.isSet(QStringLiteral("chunk"))) {
        auto chunk = parseSize(toBytes(m_cli.value(QStringLiteral("chunk"))));
        if (!chunk || *chunk == 0 || *chunk > (std::uint64_t(256) << 20))
            return m_cli.fail(ExitUsage, QStringLiteral("bad --chunk '%1' (1 byte to 256M)")
                                             .arg(m_cli.value(QStringLiteral("chunk"))));
        options.chunkSize = *chunk;
    }
    options.durable = m_cli.isSet(QStringLiteral("durable"));
    if (options.durable && !m_cli.isSet(QStringLiteral("chunk")))
        options.chunkSize = std::uint64_t(8) << 20; // two fdatasyncs per step: fewer, larger steps
    options.hook = testHook();

    if (auto refused = devicegate::refuseResize(m_cli, m_cli.positionalBytes(0)))
        return *refused;
    int code = ExitOk;
    auto mapped = m_cli.openFile(m_cli.positionals().at(0), true, &code); // recovers a pending journal first
    if (!mapped)
        return code;
    const std::string path = mapped->path();
    const FileIdentity opened = mapped->identity();
    auto layout = build(opened.size, &code);
    if (!layout)
        return code;
    Fd fd{::open(path.c_str(), O_RDWR | O_CLOEXEC)}; // the save writes with pwrite; the mapping holds the lock
    if (fd.fd < 0)
        return m_cli.fail(Error::fromErrno(errno, path), QStringLiteral("cannot open"));

    ShiftSave save(fd.fd, path, opened, std::move(*layout), options);
    struct sigaction action {};
    struct sigaction previous {};
    action.sa_handler = onShiftSigint;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &previous);
    g_interrupted = 0;
    const bool progress = !m_cli.quiet() && ::isatty(STDERR_FILENO);
    const auto start = std::chrono::steady_clock::now();
    Status status;
    std::atomic<bool> finished{false};
    std::thread worker([&] {
        status = save.run();
        finished.store(true);
    });
    for (unsigned tick = 1; !finished.load(); ++tick) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (g_interrupted)
            save.cancel();
        if (progress && tick % 10 == 0)
            showProgress(save.progress(), false);
    }
    worker.join();
    ::sigaction(SIGINT, &previous, nullptr);
    if (progress)
        showProgress(save.progress(), true);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const ShiftProgress p = save.progress();

    if (!status) {
        if (status.code() == Errc::Cancelled) {
            const bool pending = save.outcome() == ShiftOutcome::Pending;
            const QString what = pending
                ? QStringLiteral("cancelled part-way (%1 of %2 bytes): %3 is mid-save; its journal completes it on the "
                                 "next hexmap-cli command or GUI open of the file (or run: hexmap-cli recover FILE)")
                      .arg(p.bytesDone).arg(p.bytesTotal).arg(CommandLine::fromStd(path))
                : QStringLiteral("cancelled before any byte moved: %1 is unchanged").arg(CommandLine::fromStd(path));
            return m_cli.fail(ExitCancelled, what);
        }
        QString what = CommandLine::fromStd(status.message());
        if (save.outcome() == ShiftOutcome::Unchanged)
            what += QStringLiteral(" (nothing was changed)");
        const int exitCode = status.code() == Errc::WriteLocked ? ExitLocked : CommandLine::exitCodeFor(status.code());
        return m_cli.fail(exitCode, what);
    }
    QJsonObject o;
    o.insert(QStringLiteral("file"), CommandLine::fromStd(path));
    o.insert(QStringLiteral("oldSize"), static_cast<qint64>(opened.size));
    o.insert(QStringLiteral("newSize"), static_cast<qint64>(save.newSize()));
    o.insert(QStringLiteral("bytesMovedOrWritten"), static_cast<qint64>(p.bytesDone));
    o.insert(QStringLiteral("steps"), static_cast<qint64>(p.stepCount));
    o.insert(QStringLiteral("seconds"), seconds);
    o.insert(QStringLiteral("durable"), options.durable);
    if (m_cli.json())
        m_cli.printJson(o);
    else
        printOut(QStringLiteral("%1: %2 is now %3 bytes (was %4); moved or wrote %5 in %6 s, synced")
                     .arg(m_verb, CommandLine::fromStd(path))
                     .arg(save.newSize())
                     .arg(opened.size)
                     .arg(CommandLine::fromStd(formatSize(p.bytesDone)))
                     .arg(seconds, 0, 'f', 3));
    return ExitOk;
}

} // namespace hexmap::cli
