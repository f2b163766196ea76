#include "app/cli/jobrunner.h"

#include "app/cli/commandline.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace hexmap::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
volatile std::sig_atomic_t g_resumeRequested = 0;

extern "C" void onSigint(int) { g_interrupted = 1; }
extern "C" void onSigusr1(int) { g_resumeRequested = 1; }

QString rate(double bytesPerSecond)
{
    return QStringLiteral("%1 MB/s").arg(bytesPerSecond / 1e6, 0, 'f', 1);
}

char stateLetter(WorkerState state)
{
    switch (state) {
    case WorkerState::Pending: return '-';
    case WorkerState::Running: return 'R';
    case WorkerState::Paused: return 'P';
    case WorkerState::Syncing: return 'S';
    case WorkerState::Done: return 'D';
    case WorkerState::Cancelled: return 'C';
    case WorkerState::Failed: return 'F';
    }
    return '?';
}

} // namespace

JobRunner::JobRunner(const CommandLine &cli, const QString &verb)
    : m_cli(cli), m_verb(verb), m_progress(!cli.quiet() && ::isatty(STDERR_FILENO))
{
}

std::optional<int> JobRunner::applyOptions(JobSpec &spec) const
{
    if (m_cli.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        const uint n = m_cli.value(QStringLiteral("threads")).toUInt(&ok);
        if (!ok || n == 0 || n > JobSpec::kMaxThreads)
            return m_cli.fail(ExitUsage, QStringLiteral("bad --threads '%1' (1 to %2)")
                                             .arg(m_cli.value(QStringLiteral("threads")))
                                             .arg(JobSpec::kMaxThreads));
        spec.threads = n;
    }
    if (m_cli.isSet(QStringLiteral("chunk"))) {
        auto chunk = parseSize(m_cli.value(QStringLiteral("chunk")).toStdString());
        if (!chunk || *chunk == 0)
            return m_cli.fail(ExitUsage, QStringLiteral("bad --chunk '%1' (a size above 0)")
                                             .arg(m_cli.value(QStringLiteral("chunk"))));
        spec.chunkSize = *chunk;
    }
    spec.syncWhenDone = m_cli.isSet(QStringLiteral("sync"));
    return std::nullopt;
}

int JobRunner::run(MappedFile file, const JobSpec &spec)
{
    // Know the file we opened: a file replaced, deleted or changed by another program since it was opened is
    // never written (the window is short for the CLI, but a job must not start on a file it did not check).
    if (file.isWritable()) {
        const auto change = file.checkIdentity();
        if (!change)
            return m_cli.fail(change.error());
        if (mustNotWriteSilently(*change))
            return m_cli.fail(ExitIoError, CommandLine::fromStd(file.path() + " " + describeFileChange(*change)
                                                                + " since it was opened; nothing was written"));
    }
    MappedFile ours = file; // the same mapping: after the job, its writes are ours (refreshIdentity)
    auto created = Job::create(std::move(file), spec);
    if (!created)
        return m_cli.fail(created.error());
    Job &job = *created.value();
    bool testHook = false;
    if (const char *hook = std::getenv("HEXMAP_CLI_TEST_PAUSE_AFTER_CHUNKS")) {
        job.pauseAfterChunks(std::strtoull(hook, nullptr, 10));
        testHook = true;
        struct sigaction resume {};
        resume.sa_handler = onSigusr1;
        sigemptyset(&resume.sa_mask);
        ::sigaction(SIGUSR1, &resume, nullptr);
    }
    struct sigaction action {};
    struct sigaction previous {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &previous);
    g_interrupted = 0;

    if (auto started = job.start(); !started) {
        job.wait();
        ::sigaction(SIGINT, &previous, nullptr);
        return m_cli.fail(started.error());
    }
    bool cancelled = false;
    bool announcedPause = false;
    while (!job.waitFor(std::chrono::milliseconds(100))) {
        if (g_interrupted && !cancelled) {
            job.cancel();
            cancelled = true;
        }
        if (testHook && g_resumeRequested) {
            g_resumeRequested = 0;
            job.resume();
        }
        const JobSnapshot s = job.snapshot();
        if (testHook && !announcedPause) {
            const bool allStopped = std::all_of(s.workers.begin(), s.workers.end(), [](const WorkerSnapshot &w) {
                return w.state == WorkerState::Paused || w.state == WorkerState::Done;
            });
            if (allStopped) {
                printErr(QStringLiteral("hexmap-cli: test hook: workers paused"));
                announcedPause = true;
            }
        }
        if (m_progress)
            showProgress(s, false);
    }
    ::sigaction(SIGINT, &previous, nullptr);
    if (const auto change = ours.checkIdentity(); change && *change == FileChange::Modified)
        (void)ours.refreshIdentity(); // our own writes changed the mtime (a cut or a replacement is not ours)
    const JobSnapshot s = job.snapshot();
    if (m_progress)
        showProgress(s, true);
    return report(s);
}

void JobRunner::showProgress(const JobSnapshot &s, bool final) const
{
    QString workers;
    for (const WorkerSnapshot &w : s.workers)
        workers += QLatin1Char(stateLetter(w.state));
    QString line = QStringLiteral("\r%1%  %2 / %3  %4")
                       .arg(s.fraction() * 100, 5, 'f', 1)
                       .arg(CommandLine::fromStd(formatSize(s.totalDone)),
                            CommandLine::fromStd(formatSize(s.totalBytes)), rate(s.bytesPerSecond));
    if (s.eta)
        line += QStringLiteral("  ETA %1 s").arg(std::chrono::duration<double>(*s.eta).count(), 0, 'f', 0);
    line += QStringLiteral("  [%1]\x1b[K").arg(workers);
    if (final)
        line = QStringLiteral("\r\x1b[K");
    const QByteArray bytes = line.toUtf8();
    (void)!::write(STDERR_FILENO, bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

int JobRunner::report(const JobSnapshot &s) const
{
    const double seconds = std::chrono::duration<double>(s.elapsed).count();
    QJsonObject o;
    o.insert(QStringLiteral("state"), QString::fromLatin1(stateName(s.state)));
    o.insert(QStringLiteral("offset"), static_cast<qint64>(s.range.offset));
    o.insert(QStringLiteral("length"), static_cast<qint64>(s.range.size));
    o.insert(QStringLiteral("bytesDone"), static_cast<qint64>(s.totalDone));
    o.insert(QStringLiteral("bytesSynced"), static_cast<qint64>(s.totalSynced));
    o.insert(QStringLiteral("seconds"), seconds);
    o.insert(QStringLiteral("bytesPerSecond"), s.bytesPerSecond);
    QJsonArray workers;
    QStringList written;
    for (const WorkerSnapshot &w : s.workers) {
        QJsonObject wo;
        wo.insert(QStringLiteral("offset"), static_cast<qint64>(w.range.offset));
        wo.insert(QStringLiteral("length"), static_cast<qint64>(w.range.size));
        wo.insert(QStringLiteral("bytesDone"), static_cast<qint64>(w.bytesDone));
        wo.insert(QStringLiteral("bytesSynced"), static_cast<qint64>(w.bytesSynced));
        wo.insert(QStringLiteral("state"), QString::fromLatin1(stateName(w.state)));
        workers.append(wo);
        if (w.bytesDone)
            written << QStringLiteral("[%1, +%2)").arg(w.range.offset).arg(w.bytesDone);
    }
    o.insert(QStringLiteral("workers"), workers);

    if (s.state == JobState::Failed)
        return m_cli.fail(ExitIoError, CommandLine::fromStd(s.message)
                                           + QStringLiteral(" (%1 bytes done before the error)").arg(s.totalDone));
    if (s.state == JobState::Cancelled) {
        printErr(QStringLiteral("hexmap-cli %1: cancelled: %2 of %3 bytes %4: %5")
                     .arg(m_cli.command())
                     .arg(s.totalDone)
                     .arg(s.totalBytes)
                     .arg(m_verb, written.isEmpty() ? QStringLiteral("none") : written.join(QLatin1Char(' '))));
        if (m_cli.json()) {
            o.insert(QStringLiteral("ok"), false);
            o.insert(QStringLiteral("command"), m_cli.command());
            o.insert(QStringLiteral("exitCode"), ExitCancelled);
            printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        }
        return ExitCancelled;
    }
    if (m_cli.json()) {
        m_cli.printJson(o);
    } else {
        printOut(QStringLiteral("%1 %2 bytes at offset %3 in %4 s (%5, %6 threads)%7")
                     .arg(m_verb)
                     .arg(s.totalDone)
                     .arg(s.range.offset)
                     .arg(seconds, 0, 'f', 3)
                     .arg(rate(s.bytesPerSecond))
                     .arg(s.workers.size())
                     .arg(s.totalSynced && m_verb != QLatin1String("synced") ? QStringLiteral(", synced")
                                                                              : QString()));
    }
    return ExitOk;
}

int JobRunner::runOnFileArgument(JobSpec spec)
{
    int code = ExitOk;
    auto file = m_cli.openFile(m_cli.positionals().at(0), true, &code);
    if (!file)
        return code;
    if (file->size() == 0) // a job never grows a file: there is no byte to work on
        return m_cli.fail(ExitUsage, QStringLiteral("%1: the file is empty (0 bytes): nothing to do")
                                         .arg(m_cli.positionals().at(0)));
    auto range = m_cli.range(file->size(), &code);
    if (!range)
        return code;
    spec.range = *range;
    return run(std::move(*file), spec);
}

} // namespace hexmap::cli
