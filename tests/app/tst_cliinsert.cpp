// hexmap-cli insert / delete / recover (issue 15), through the real binary:
// - end to end: inserts (hex, text, fill; at the start, the middle, the end, into an empty file) and deletes give
//   exactly the expected bytes, with --json fields; bad input exits 2 naming the value, file and journals untouched;
// - kill -9 at 20 chosen steps and points of a 1-byte insert into 64 MiB (every step journals its pre-image) and of a
//   100 KiB delete (steps shorter than the shift), through the test hook, then `info` or `recover`: the file equals
//   the expected bytes exactly; kills at random moments (when a random byte shows its new value); SIGINT mid-way
//   exits 130 and says the save is part-way, and `recover` completes it.
#include "core/writelock.h"
#include "processrunner.h"

#include <QtTest>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <random>
#include <vector>

using namespace hexmap::testing;

namespace {

constexpr std::uint64_t kSize = std::uint64_t(64) << 20;
constexpr unsigned char kPattern[] = {0xDE, 0xAD, 0xBE, 0xEF, 0x17}; // neighbours always differ
constexpr std::uint64_t kInsertAt = 4096;
constexpr unsigned char kInserted = 0x99;
constexpr std::uint64_t kDeleteAt = 4096;
constexpr std::uint64_t kDeleteLength = 100003; // not a multiple of the pattern: moved bytes differ from old ones

unsigned char oldByte(std::uint64_t i) { return kPattern[i % sizeof kPattern]; }

// The expected bytes after the operation: insert (1 byte at kInsertAt) or delete.
std::uint64_t expectedSize(bool insert) { return insert ? kSize + 1 : kSize - kDeleteLength; }
unsigned char expectedByte(bool insert, std::uint64_t i)
{
    if (insert)
        return i < kInsertAt ? oldByte(i) : (i == kInsertAt ? kInserted : oldByte(i - 1));
    return i < kDeleteAt ? oldByte(i) : oldByte(i + kDeleteLength);
}

bool writePatternFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray block(1 << 20, '\0');
    for (std::uint64_t pos = 0; pos < kSize; pos += std::uint64_t(block.size())) {
        for (int i = 0; i < block.size(); ++i)
            block[i] = char(oldByte(pos + std::uint64_t(i)));
        if (f.write(block) != block.size())
            return false;
    }
    return true;
}

// Empty when the file holds exactly the expected bytes, else the first problem.
QString verify(const QString &path, bool insert)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open %1").arg(path);
    if (std::uint64_t(f.size()) != expectedSize(insert))
        return QStringLiteral("size %1, expected %2").arg(f.size()).arg(expectedSize(insert));
    std::uint64_t pos = 0;
    while (!f.atEnd()) {
        const QByteArray block = f.read(4 << 20);
        for (int i = 0; i < block.size(); ++i, ++pos)
            if (static_cast<unsigned char>(block[i]) != expectedByte(insert, pos))
                return QStringLiteral("byte %1 is 0x%2, expected 0x%3")
                    .arg(pos).arg(static_cast<unsigned char>(block[i]), 2, 16, QLatin1Char('0'))
                    .arg(expectedByte(insert, pos), 2, 16, QLatin1Char('0'));
    }
    return {};
}

int byteAt(const QString &path, std::uint64_t offset)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    unsigned char b = 0;
    const ssize_t n = fd >= 0 ? ::pread(fd, &b, 1, off_t(offset)) : -1;
    if (fd >= 0)
        ::close(fd);
    return n == 1 ? b : -1;
}

QStringList shiftArguments(bool insert, const QString &path)
{
    if (insert)
        return {QStringLiteral("insert"), path, QStringLiteral("--offset"), QString::number(kInsertAt),
                QStringLiteral("--hex"), QStringLiteral("99"), QStringLiteral("--chunk"), QStringLiteral("1M"),
                QStringLiteral("--quiet")};
    return {QStringLiteral("delete"), path, QStringLiteral("--offset"), QString::number(kDeleteAt),
            QStringLiteral("--length"), QString::number(kDeleteLength), QStringLiteral("--chunk"),
            QStringLiteral("1M"), QStringLiteral("--quiet")};
}

ProcessRun cli(const QStringList &args) { return runProcess(QStringLiteral(HEXMAP_CLI_PATH), args); }

} // namespace

class TestCliInsert : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void endToEnd_data();
    void endToEnd();
    void badInput_data();
    void badInput();
    void killAtStep_data();
    void killAtStep();
    void killAtRandomMoments();
    void sigintLeavesItPendingThenRecover();
    void recoveryWaitsForAnotherWriter();

private:
    bool journalsEmpty() const { return QDir(m_journals.path()).entryList(QDir::Files).isEmpty(); }
    QTemporaryDir m_dir;
    QTemporaryDir m_journals;
};

void TestCliInsert::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_journals.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path())); // inherited by hexmap-cli
}

void TestCliInsert::endToEnd_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QStringList>("args"); // after FILE
    QTest::addColumn<QByteArray>("after");
    const QByteArray hello("hello world");
    QTest::newRow("hex in the middle") << hello << QStringList{"insert", "--offset", "5", "--hex", "2C 20"} << QByteArray("hello,  world");
    QTest::newRow("text at the start") << hello << QStringList{"insert", "--offset", "0", "--text", ">> "} << QByteArray(">> hello world");
    QTest::newRow("append at the end") << hello << QStringList{"insert", "--offset", "11", "--text", "!"} << QByteArray("hello world!");
    QTest::newRow("negative offset") << hello << QStringList{"insert", "--offset", "-5", "--text", "big "} << QByteArray("hello big world");
    QTest::newRow("fill") << hello << QStringList{"insert", "--offset", "1", "--fill", "0x41", "--length", "3"} << QByteArray("hAAAello world");
    QTest::newRow("into an empty file") << QByteArray() << QStringList{"insert", "--offset", "0", "--hex", "0001"} << QByteArray("\x00\x01", 2);
    QTest::newRow("delete the middle") << hello << QStringList{"delete", "--offset", "2", "--length", "3"} << QByteArray("he world");
    QTest::newRow("delete the tail") << hello << QStringList{"delete", "--offset", "5", "--length", "6"} << QByteArray("hello");
    QTest::newRow("delete everything") << hello << QStringList{"delete", "--offset", "0", "--length", "11"} << QByteArray();
}

void TestCliInsert::endToEnd()
{
    QFETCH(QByteArray, before);
    QFETCH(QStringList, args);
    QFETCH(QByteArray, after);
    const QString path = m_dir.filePath(QStringLiteral("e2e.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(before), before.size());
    f.close();
    args.insert(1, path);
    args << QStringLiteral("--json");
    const ProcessRun r = cli(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("\"newSize\":%1").arg(after.size())), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("\"oldSize\":%1").arg(before.size())), qPrintable(r.out));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), after);
    QVERIFY(journalsEmpty());
}

void TestCliInsert::badInput_data()
{
    QTest::addColumn<QStringList>("args"); // after FILE
    QTest::addColumn<QString>("named");
    QTest::newRow("offset past the end") << QStringList{"insert", "--offset", "12", "--hex", "00"} << "--offset 12 is past the end of the file (11 bytes)";
    QTest::newRow("bad hex") << QStringList{"insert", "--offset", "1", "--hex", "0xZZ"} << "bad --hex";
    QTest::newRow("odd hex") << QStringList{"insert", "--offset", "1", "--hex", "ABC"} << "bad --hex";
    QTest::newRow("empty text") << QStringList{"insert", "--offset", "1", "--text", ""} << "zero length";
    QTest::newRow("zero fill length") << QStringList{"insert", "--offset", "1", "--fill", "1", "--length", "0"} << "bad --length '0'";
    QTest::newRow("negative fill length") << QStringList{"insert", "--offset", "1", "--fill", "1", "--length", "-4"} << "bad --length '-4'";
    QTest::newRow("bad fill byte") << QStringList{"insert", "--offset", "1", "--fill", "300", "--length", "2"} << "bad --fill";
    QTest::newRow("two sources") << QStringList{"insert", "--offset", "1", "--hex", "00", "--text", "a"} << "exactly one of";
    QTest::newRow("no offset") << QStringList{"insert", "--hex", "00"} << "missing --offset";
    QTest::newRow("delete zero length") << QStringList{"delete", "--offset", "1", "--length", "0"} << "zero length";
    QTest::newRow("delete past the end") << QStringList{"delete", "--offset", "5", "--length", "7"} << "past the end of the file (11 bytes): 7";
    QTest::newRow("delete offset past the end") << QStringList{"delete", "--offset", "12", "--length", "1"} << "12";
    QTest::newRow("delete without length") << QStringList{"delete", "--offset", "1"} << "give both --offset O and --length L";
    QTest::newRow("bad chunk") << QStringList{"delete", "--offset", "1", "--length", "1", "--chunk", "0"} << "bad --chunk '0'";
}

void TestCliInsert::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const QString path = m_dir.filePath(QStringLiteral("bad.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("hello world");
    f.close();
    args.insert(1, path);
    const ProcessRun r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(named), qPrintable(r.err));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("hello world"));
    QVERIFY(journalsEmpty());
}

void TestCliInsert::killAtStep_data()
{
    QTest::addColumn<bool>("insert");
    QTest::addColumn<QString>("kill"); // STEP:POINT for HEXMAP_CLI_TEST_SHIFT_KILL
    QTest::addColumn<bool>("recoverCommand");
    // insert: 64 steps of 1 MiB, last chunk first; each overlaps its source (pre-image journalled)
    const char *insertKills[] = {"0:before", "0:torn", "0:after", "1:torn", "7:before", "13:after", "21:torn",
                                 "32:before", "40:torn", "51:after", "62:torn", "63:before", "63:torn", "64:finish",
                                 "64:truncate"};
    for (const char *k : insertKills)
        QTest::addRow("insert, kill at %s", k) << true << QString::fromLatin1(k) << (k[1] == '3');
    // delete: steps of 100003 bytes, never overlapping their source (Done records only)
    const char *deleteKills[] = {"0:torn", "5:after", "300:before", "670:torn", "671:finish"};
    for (const char *k : deleteKills)
        QTest::addRow("delete, kill at %s", k) << false << QString::fromLatin1(k) << (k[0] == '3');
}

void TestCliInsert::killAtStep()
{
    QFETCH(bool, insert);
    QFETCH(QString, kill);
    QFETCH(bool, recoverCommand);
    const QString path = m_dir.filePath(QStringLiteral("kill.bin"));
    QVERIFY(writePatternFile(path));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEXMAP_CLI_TEST_SHIFT_KILL"), kill);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEXMAP_CLI_PATH), shiftArguments(insert, path));
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit); // killed by its hook at that step
    QVERIFY(!journalsEmpty());
    const ProcessRun r = recoverCommand ? cli({QStringLiteral("recover"), path}) : cli({QStringLiteral("info"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2((r.out + r.err).contains(QStringLiteral("Completed an interrupted insert/delete save of")),
             qPrintable(r.out + r.err));
    const QString problem = verify(path, insert);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(journalsEmpty());
}

void TestCliInsert::killAtRandomMoments()
{
    std::mt19937_64 rng(20261207);
    const QString path = m_dir.filePath(QStringLiteral("random.bin"));
    int killed = 0;
    for (int run = 0; run < 8; ++run) {
        const bool insert = run % 2 == 0;
        QVERIFY(writePatternFile(path));
        // A byte whose new value differs from its old one, somewhere in the moved part: kill once it shows.
        const std::uint64_t watch = (insert ? kInsertAt + 1 : kDeleteAt) + rng() % (kSize - kDeleteLength - 8192);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // 64 steps of 1 MiB (insert) or 671 of 100003 bytes (delete): about 0.7 s or 1.3 s in all, so that the
        // 50 ms polls below catch most runs before they finish.
        env.insert(QStringLiteral("HEXMAP_CLI_TEST_SHIFT_STEP_DELAY_US"), insert ? QStringLiteral("10000") : QStringLiteral("2000"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HEXMAP_CLI_PATH), shiftArguments(insert, path));
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(byteAt(path, watch) == expectedByte(insert, watch) || p.state() != QProcess::Running,
                                 60000);
        if (p.state() == QProcess::Running) {
            ::kill(pid_t(p.processId()), SIGKILL);
            ++killed;
        }
        QVERIFY(p.waitForFinished(60000));
        const ProcessRun r = cli({QStringLiteral("dump"), path, QStringLiteral("--length"), QStringLiteral("16")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString problem = verify(path, insert);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("run %1 (watching byte %2): %3").arg(run).arg(watch).arg(problem)));
        QVERIFY(journalsEmpty());
    }
    qInfo("%d of 8 runs were killed mid-way", killed);
    QVERIFY2(killed >= 4, qPrintable(QStringLiteral("only %1 of 8 runs were killed before they finished").arg(killed)));
}

void TestCliInsert::sigintLeavesItPendingThenRecover()
{
    const QString path = m_dir.filePath(QStringLiteral("sigint.bin"));
    QVERIFY(writePatternFile(path));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEXMAP_CLI_TEST_SHIFT_STEP_DELAY_US"), QStringLiteral("20000"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEXMAP_CLI_PATH), shiftArguments(true, path));
    QVERIFY(p.waitForStarted());
    // The last MiB moves first: wait until its last byte shows the shifted value, then interrupt.
    QTRY_VERIFY_WITH_TIMEOUT(byteAt(path, kSize) == expectedByte(true, kSize), 60000);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("cancelled part-way")) && err.contains(QStringLiteral("hexmap-cli recover")),
             qPrintable(err));
    QVERIFY(!journalsEmpty());
    const ProcessRun r = cli({QStringLiteral("recover"), path, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("\"outcome\":\"completed\"")) && r.out.contains(QStringLiteral("\"insertDelete\":true")),
             qPrintable(r.out));
    const QString problem = verify(path, true);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const ProcessRun again = cli({QStringLiteral("recover"), path});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QStringLiteral("No interrupted save")), qPrintable(again.out));
}

void TestCliInsert::recoveryWaitsForAnotherWriter()
{
    // A crashed insert, while another process (this test) holds the file's write lock, as an editor window or a
    // job would: no command completes the save under it (the file would change size under that writer).
    const QString path = m_dir.filePath(QStringLiteral("locked.bin"));
    QVERIFY(writePatternFile(path));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEXMAP_CLI_TEST_SHIFT_KILL"), QStringLiteral("10:torn"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEXMAP_CLI_PATH), shiftArguments(true, path));
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
        QVERIFY(fd >= 0);
        auto lock = hexmap::WriteLock::acquire(fd, path.toStdString());
        QVERIFY(lock.ok());
        const ProcessRun busy = cli({QStringLiteral("recover"), path});
        QCOMPARE(busy.exitCode, 75);
        QVERIFY2(busy.err.contains(QStringLiteral("Another Hexmap process")), qPrintable(busy.err));
        QVERIFY(!journalsEmpty());
        ::close(fd);
    } // the writer goes
    const ProcessRun r = cli({QStringLiteral("recover"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString problem = verify(path, true);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestCliInsert)
#include "tst_cliinsert.moc"
