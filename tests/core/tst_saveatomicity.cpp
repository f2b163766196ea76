// Issue 13 row 9: kill -9 during a large Save (24 ranges of 1 MiB), at random moments across many runs; the next
// open (recoverSaveJournal, as the GUI and the CLI call it) must leave the file all-old or all-new, never mixed.
// Today's Save wrote range after range into the mapping: a kill left some ranges new and the others old.
// The Save runs in a forked child (a process of its own, like the GUI), killed with SIGKILL after a random delay
// spread over the measured length of an uninterrupted Save. Every comparison reads the file with pread.
// The file and its journal live on tmpfs (/dev/shm) when it has room: a kill -9 loses no page cache, so what is
// tested (the order of journal, commit, apply and delete) is the same as on a disk, and the syncs cost nothing,
// which keeps 30+ runs within seconds on a loaded CI machine. Elsewhere they fall back to the temporary folder.
#include "core/editoverlay.h"
#include "core/journalrecovery.h"
#include "core/mappedfile.h"
#include "core/overlaysaver.h"
#include "enginetesthelpers.h"

#include <QElapsedTimer>
#include <QtTest>

#include <csignal>
#include <cstring>
#include <memory>
#include <random>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hexmap;
using namespace enginetest;

class TestSaveAtomicity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedSaveIsAllOldOrAllNew();

private:
    // Runs a Save of m_overlay in a child; kills it after `delayUs` (no kill when negative). Returns the wall time
    // until the child ended, in microseconds, or -1 on failure to fork/wait.
    qint64 saveInChild(qint64 delayUs, bool *killed);
    bool resetFile();
    enum class State { Old, New, Mixed };
    State stateOfFile();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_journals;
    std::string m_path;
    EditOverlay m_overlay;
    std::vector<std::byte> m_old;
    std::vector<std::byte> m_new;
    static constexpr std::uint64_t kRanges = 24;
    static constexpr std::uint64_t kRangeSize = 1u << 20;
    static constexpr std::uint64_t kStride = 3u << 19;
    static constexpr std::uint64_t kSize = kRanges * kStride;
};

void TestSaveAtomicity::initTestCase()
{
    struct statvfs shm {};
    const bool onTmpfs = ::statvfs("/dev/shm", &shm) == 0 && std::uint64_t(shm.f_bavail) * shm.f_frsize > 4 * kSize;
    const QString base = onTmpfs ? QStringLiteral("/dev/shm/tst_saveatomicity-XXXXXX") : QString();
    m_dir = base.isEmpty() ? std::make_unique<QTemporaryDir>() : std::make_unique<QTemporaryDir>(base);
    m_journals = base.isEmpty() ? std::make_unique<QTemporaryDir>() : std::make_unique<QTemporaryDir>(base);
    QVERIFY(m_dir->isValid());
    QVERIFY(m_journals->isValid());
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals->path()));
    m_path = pathIn(*m_dir, "big.bin");
    m_old = patternBytes(0, kSize, 1);
    m_new = m_old;
    for (std::uint64_t i = 0; i < kRanges; ++i) {
        const std::uint64_t offset = i * kStride + 4096 * i + 1; // unaligned starts
        const auto bytes = patternBytes(offset, kRangeSize, 100 + i);
        QVERIFY(m_overlay.set(offset, bytes));
        std::copy(bytes.begin(), bytes.end(), m_new.begin() + std::ptrdiff_t(offset));
    }
    QCOMPARE(m_overlay.runCount(), std::size_t(kRanges));
    QFile file(QString::fromStdString(m_path));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(reinterpret_cast<const char *>(m_old.data()), qint64(kSize)), qint64(kSize));
}

bool TestSaveAtomicity::resetFile()
{
    const int fd = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = true;
    m_overlay.forEachRun([&](std::uint64_t offset, std::span<const std::byte> bytes) {
        ok = ok && ::pwrite(fd, m_old.data() + offset, bytes.size(), off_t(offset)) == ssize_t(bytes.size());
    });
    ::close(fd);
    return ok;
}

TestSaveAtomicity::State TestSaveAtomicity::stateOfFile()
{
    // pread in 1 MiB pieces into a reused buffer (a fresh 72 MiB vector per run cost more than the Save).
    static std::vector<std::byte> buffer(1u << 20);
    const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return State::Mixed;
    bool old = true, fresh = true;
    for (std::uint64_t at = 0; at < kSize && (old || fresh);) {
        const ssize_t n = ::pread(fd, buffer.data(), std::min<std::uint64_t>(buffer.size(), kSize - at), off_t(at));
        if (n <= 0) {
            old = fresh = false;
            break;
        }
        old = old && std::memcmp(buffer.data(), m_old.data() + at, std::size_t(n)) == 0;
        fresh = fresh && std::memcmp(buffer.data(), m_new.data() + at, std::size_t(n)) == 0;
        at += std::uint64_t(n);
    }
    ::close(fd);
    return old ? State::Old : fresh ? State::New : State::Mixed;
}

qint64 TestSaveAtomicity::saveInChild(qint64 delayUs, bool *killed)
{
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = ::fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        auto file = MappedFile::openReadWrite(m_path);
        if (!file)
            ::_exit(2);
        ::_exit(saveOverlay(*file, m_overlay).ok() ? 0 : 3);
    }
    *killed = false;
    int status = 0;
    if (delayUs >= 0) {
        ::usleep(useconds_t(delayUs));
        if (::waitpid(pid, &status, WNOHANG) == 0) {
            ::kill(pid, SIGKILL);
            *killed = true;
        } else {
            return timer.nsecsElapsed() / 1000;
        }
    }
    if (::waitpid(pid, &status, 0) != pid)
        return -1;
    if (!*killed && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        return -1;
    return timer.nsecsElapsed() / 1000;
}

void TestSaveAtomicity::killedSaveIsAllOldOrAllNew()
{
    // One uninterrupted Save gives the time span to kill in.
    bool killed = false;
    const qint64 fullUs = saveInChild(-1, &killed);
    QVERIFY(fullUs > 0);
    QCOMPARE(stateOfFile(), State::New);
    QCOMPARE(recoverSaveJournal(m_path).outcome, JournalOutcome::None); // a finished Save leaves no journal

    std::mt19937 rng(20240613);
    std::uniform_int_distribution<qint64> delay(0, fullUs + fullUs / 5);
    int runs = 0, replayed = 0, discarded = 0, none = 0, killedRuns = 0;
    QElapsedTimer budget;
    budget.start();
    while (runs < 30 || (runs < 100 && budget.elapsed() < 10000)) {
        QVERIFY(resetFile()); // pwrite of the old bytes over every range, results checked
        const qint64 d = delay(rng);
        QVERIFY2(saveInChild(d, &killed) >= 0, "fork/wait failed or the Save failed");
        killedRuns += killed ? 1 : 0;
        const JournalRecovery recovery = recoverSaveJournal(m_path); // what the next open does
        QVERIFY2(recovery.outcome == JournalOutcome::None || recovery.outcome == JournalOutcome::Replayed
                     || recovery.outcome == JournalOutcome::Discarded,
                 recovery.message().c_str());
        const State state = stateOfFile();
        QVERIFY2(state != State::Mixed, qPrintable(QStringLiteral("run %1, killed after %2 us: mixed file (%3)")
                                                       .arg(runs).arg(d).arg(QString::fromStdString(recovery.message()))));
        if (recovery.outcome == JournalOutcome::Replayed)
            QCOMPARE(state, State::New);
        if (recovery.outcome == JournalOutcome::Discarded)
            QCOMPARE(state, State::Old);
        replayed += recovery.outcome == JournalOutcome::Replayed;
        discarded += recovery.outcome == JournalOutcome::Discarded;
        none += recovery.outcome == JournalOutcome::None;
        QVERIFY(QDir(m_journals->path()).entryList(QDir::Files).isEmpty());
        ++runs;
    }
    qInfo("%d runs (%d killed) over a %lld us Save: %d replayed, %d discarded, %d without a journal", runs,
          killedRuns, fullUs, replayed, discarded, none);
    QVERIFY(killedRuns > 0);
    QVERIFY(replayed + discarded > 0); // the kills did land inside Saves
}

QTEST_GUILESS_MAIN(TestSaveAtomicity)
#include "tst_saveatomicity.moc"
