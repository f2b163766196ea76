// Crash safety and faults from outside, through the real hexmap-cli binary:
// - `hexmap-cli fill` killed with SIGKILL in the middle of a 2-thread fill over a 2 GiB file: bytes outside the
//   job's range are exactly as before, every byte inside is the old or the new value (never anything else), and
//   `hexmap-cli info` reopens the file;
// - the file truncated by another process while the fill's workers are paused (test hook, then SIGUSR1 to go
//   on): the fill stops with "FILE: the file was truncated on disk", exit code 1, and the file is not regrown.
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <vector>

namespace {

constexpr std::uint64_t kFileSize = std::uint64_t(2) << 30;    // 2 GiB: the size the issue asks for
constexpr std::uint64_t kJobOffset = 300'000'001;                // not page-aligned on purpose
constexpr std::uint64_t kJobLength = std::uint64_t(1500) << 20; // ends well before the end of the file
constexpr unsigned char kPattern[] = {0xDE, 0xAD, 0xBE, 0xEF, 0x17}; // period 5: never page-aligned
constexpr unsigned char kFill = 0xEE;

unsigned char oldByte(std::uint64_t offset) { return kPattern[offset % sizeof kPattern]; }

int runCli(const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(HEXMAP_CLI_PATH), args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
        return -1;
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

// Reads one byte with pread (no mapping: a fresh look at the page cache).
int byteAt(const QString &path, std::uint64_t offset)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    unsigned char b = 0;
    const ssize_t n = ::pread(fd, &b, 1, static_cast<off_t>(offset));
    ::close(fd);
    return n == 1 ? b : -1;
}

struct Verdict {
    QString problem;             // empty when the file is consistent
    std::uint64_t newBytes = 0;  // bytes inside the range that hold the fill value where the old one differed
};

Verdict verify(const QString &path)
{
    Verdict v;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot reopen %1").arg(path)};
    if (static_cast<std::uint64_t>(f.size()) != kFileSize)
        return {QStringLiteral("size changed to %1").arg(f.size())};
    std::vector<unsigned char> buffer(std::size_t(16) << 20);
    const std::uint64_t jobEnd = kJobOffset + kJobLength;
    for (std::uint64_t pos = 0; pos < kFileSize;) {
        const qint64 n = f.read(reinterpret_cast<char *>(buffer.data()), static_cast<qint64>(buffer.size()));
        if (n <= 0)
            return {QStringLiteral("short read at %1").arg(pos)};
        for (std::uint64_t i = 0; i < static_cast<std::uint64_t>(n); ++i) {
            const std::uint64_t at = pos + i;
            const unsigned char b = buffer[i];
            const unsigned char old = oldByte(at);
            if (b == old)
                continue;
            if (at >= kJobOffset && at < jobEnd && b == kFill) {
                ++v.newBytes;
                continue;
            }
            v.problem = QStringLiteral("byte %1 is 0x%2 (old 0x%3, %4 the job's range)")
                            .arg(at)
                            .arg(b, 2, 16, QLatin1Char('0'))
                            .arg(old, 2, 16, QLatin1Char('0'))
                            .arg(at >= kJobOffset && at < jobEnd ? QStringLiteral("inside") : QStringLiteral("outside"));
            return v;
        }
        pos += static_cast<std::uint64_t>(n);
    }
    return v;
}

} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void killDuringFill_data();
    void killDuringFill();
    void truncatedDuringFill();

private:
    QString m_file;
    QTemporaryDir m_dir;
};

void TestCrashSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("crash.bin"));
}

void TestCrashSafety::killDuringFill_data()
{
    QTest::addColumn<int>("pauseAfterChunks"); // 0: no hook, kill as soon as both workers have written
    QTest::newRow("killed while both workers write") << 0;
    QTest::newRow("killed while paused by the test hook after 3 chunks") << 3;
}

void TestCrashSafety::killDuringFill()
{
    QFETCH(int, pauseAfterChunks);
    // A fresh "before" state each row: the whole file holds the 5-byte pattern.
    QByteArray out;
    QCOMPARE(runCli({QStringLiteral("create"), m_file, QStringLiteral("2G"), QStringLiteral("--force")}, &out), 0);
    QVERIFY2(runCli({QStringLiteral("pattern"), m_file, QStringLiteral("DEADBEEF17"), QStringLiteral("--quiet")},
                    &out) == 0, out.constData());
    QCOMPARE(verify(m_file).newBytes, std::uint64_t(0));

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (pauseAfterChunks > 0)
        env.insert(QStringLiteral("HEXMAP_CLI_TEST_PAUSE_AFTER_CHUNKS"), QString::number(pauseAfterChunks));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEXMAP_CLI_PATH),
            {QStringLiteral("fill"), m_file, QStringLiteral("0xEE"), QStringLiteral("--offset"),
             QString::number(kJobOffset), QStringLiteral("--length"), QString::number(kJobLength),
             QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--chunk"), QStringLiteral("4M")});
    QVERIFY(p.waitForStarted());
    if (pauseAfterChunks > 0) {
        QByteArray err;
        while (!err.contains("workers paused") && p.state() == QProcess::Running) {
            p.waitForReadyRead(10000);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("workers paused"), err.constData());
    } else {
        // Worker 2 starts at the middle of the range: kill as soon as its first bytes are visible, so that both
        // workers are (very likely) inside a pwrite or between chunks, not finished.
        const std::uint64_t secondWorker = kJobOffset + kJobLength / 2 + 8192;
        QTRY_VERIFY_WITH_TIMEOUT(byteAt(m_file, secondWorker) == kFill || p.state() != QProcess::Running, 30000);
    }
    QVERIFY2(p.state() == QProcess::Running, "the fill finished before it could be killed");
    ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);

    const Verdict v = verify(m_file);
    QVERIFY2(v.problem.isEmpty(), qPrintable(v.problem));
    QVERIFY2(v.newBytes > 0, "nothing was written before the kill");
    QVERIFY2(v.newBytes < kJobLength, "the whole range was written: the kill came too late");
    if (pauseAfterChunks > 0) { // each of the 2 workers stops after 3 chunks of at most 4 MiB (page-aligned ends)
        QVERIFY2(v.newBytes <= std::uint64_t(2 * 3) << 22, qPrintable(QString::number(v.newBytes)));
        QVERIFY2(v.newBytes > std::uint64_t(2 * 2) << 22, qPrintable(QString::number(v.newBytes)));
    }
    qInfo("killed with %llu of %llu bytes written", static_cast<unsigned long long>(v.newBytes),
          static_cast<unsigned long long>(kJobLength));

    QCOMPARE(runCli({QStringLiteral("info"), m_file, QStringLiteral("--json")}, &out), 0);
    QVERIFY2(out.contains("\"size\":2147483648"), out.constData());
}

void TestCrashSafety::truncatedDuringFill()
{
    const QString file = m_dir.filePath(QStringLiteral("shrinks.bin"));
    QByteArray out;
    QCOMPARE(runCli({QStringLiteral("create"), file, QStringLiteral("64M"), QStringLiteral("--force")}, &out), 0);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEXMAP_CLI_TEST_PAUSE_AFTER_CHUNKS"), QStringLiteral("2"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEXMAP_CLI_PATH), {QStringLiteral("fill"), file, QStringLiteral("0xEE"),
                                              QStringLiteral("--threads"), QStringLiteral("2"),
                                              QStringLiteral("--chunk"), QStringLiteral("1M")});
    QVERIFY(p.waitForStarted());
    QByteArray err;
    while (!err.contains("workers paused") && p.state() == QProcess::Running) {
        p.waitForReadyRead(10000);
        err += p.readAllStandardError();
    }
    QVERIFY2(err.contains("workers paused"), err.constData());
    // Another process cuts the file to 8 MiB: the second worker (32..64 MiB) lost its whole range.
    QVERIFY(QFile::resize(file, 8 << 20));
    ::kill(static_cast<pid_t>(p.processId()), SIGUSR1);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    err += p.readAllStandardError();
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains("hexmap-cli fill: " + QFile::encodeName(file) + ": the file was truncated on disk"),
             err.constData());
    QCOMPARE(QFileInfo(file).size(), qint64(8) << 20); // not grown back by the job's writes
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
