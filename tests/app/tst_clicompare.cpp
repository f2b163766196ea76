// Drives the real `hexmap-cli compare` (issue 17): the runs against a byte-loop reference (random, sparse,
// shifted, ranges, different sizes), --json, --cmp against the real `cmp -l` (stdout, stderr, exit code), exit
// codes 0/1/2/3/130, bad input (the same file twice, a directory, a missing or unreadable file, ranges past
// either end, --max 0), and another process (this test) cutting B at random moments during the compare.
#include "../core/comparereference.h"
#include "processrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

using comparetest::randomBytes;
using comparetest::referenceRuns;
using comparetest::writeSparse;
using hexmap::testing::ProcessRun;

namespace {

QByteArray withChanges(QByteArray data, int changes, quint32 seed)
{
    QRandomGenerator g(seed);
    for (int i = 0; i < changes && !data.isEmpty(); ++i) {
        const qsizetype at = g.bounded(data.size());
        const qsizetype len = std::min<qsizetype>(1 + g.bounded(30), data.size() - at);
        for (qsizetype k = 0; k < len; ++k)
            data[at + k] = static_cast<char>(data[at + k] ^ (1 + g.bounded(255)));
    }
    return data;
}

QString linesOf(const std::vector<hexmap::CompareRun> &runs)
{
    QString out;
    for (const auto &r : runs)
        out += QStringLiteral("0x%1 %2\n").arg(r.offset, 0, 16).arg(r.length);
    return out;
}

ProcessRun compare(const QStringList &arguments, const QProcessEnvironment &env = {})
{
    return hexmap::testing::runProcess(QStringLiteral(HEXMAP_CLI_PATH),
                                       QStringList{QStringLiteral("compare")} + arguments, env);
}

QString diskTempRoot()
{
    return QDir(QStringLiteral("/var/tmp")).exists() && ::access("/var/tmp", W_OK) == 0
        ? QStringLiteral("/var/tmp/hexmap-clicompare-XXXXXX")
        : QDir::tempPath() + QStringLiteral("/hexmap-clicompare-XXXXXX");
}

bool waitUntilOpen(const QProcess &p, const QString &path)
{
    const QString fds = QStringLiteral("/proc/%1/fd").arg(p.processId());
    for (int i = 0; i < 2000; ++i) {
        const QStringList entries = QDir(fds).entryList(QDir::Files | QDir::System);
        for (const QString &e : entries) {
            if (QFileInfo(fds + QLatin1Char('/') + e).symLinkTarget() == path)
                return true;
        }
        QTest::qWait(5);
    }
    return false;
}

} // namespace

class TestCliCompare : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString())); }
    void runsMatchReference_data();
    void runsMatchReference();
    void json();
    void cmpMatchesRealCmp_data();
    void cmpMatchesRealCmp();
    void badInput_data();
    void badInput();
    void sameFileTwice();
    void unreadableAndMissing();
    void capStopsEarly();
    void ctrlCExits130();
    void cutDuringCompare();

private:
    QString file(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        if (!writeSparse(path, bytes))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    QTemporaryDir m_dir{diskTempRoot()};
};

void TestCliCompare::runsMatchReference_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<qint64>("offsetA");
    QTest::addColumn<qint64>("offsetB");
    QTest::addColumn<qint64>("length"); // -1: not given
    const QByteArray random = randomBytes(3 << 20, 1);
    QTest::newRow("equal") << random << random << qint64(0) << qint64(0) << qint64(-1);
    QTest::newRow("random changes") << random << withChanges(random, 500, 2) << qint64(0) << qint64(0) << qint64(-1);
    QByteArray sparse(16 << 20, '\0');
    sparse.replace(5 << 20, 3, "abc");
    QByteArray sparseB = sparse;
    sparseB.replace((12 << 20) + 1, 2, "zz"); // data where A has a hole
    sparseB[(5 << 20) + 1] = 'B';
    QTest::newRow("sparse") << sparse << sparseB << qint64(0) << qint64(0) << qint64(-1);
    const QByteArray inserted = random.left(1000) + QByteArray("INSERTED") + withChanges(random.mid(1000), 20, 3);
    QTest::newRow("shifted by an insert") << random << inserted << qint64(1000) << qint64(1008) << qint64(-1);
    QTest::newRow("range") << random << withChanges(random, 300, 4) << qint64(4097) << qint64(4097) << qint64(1 << 20);
    QTest::newRow("B shorter") << random << withChanges(random.left(100000), 10, 5) << qint64(0) << qint64(0) << qint64(-1);
    QByteArray tail = random;
    tail[tail.size() - 10] = static_cast<char>(tail[tail.size() - 10] ^ 1);
    QTest::newRow("negative offsets") << random << tail << qint64(-1000) << qint64(-1000) << qint64(-1);
}

void TestCliCompare::runsMatchReference()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(qint64, offsetA);
    QFETCH(qint64, offsetB);
    QFETCH(qint64, length);
    const QString pa = file(QStringLiteral("a.bin"), a), pb = file(QStringLiteral("b.bin"), b);
    QStringList args{pa, pb, QStringLiteral("--offset-a"), QString::number(offsetA), QStringLiteral("--offset-b"),
                     QString::number(offsetB)};
    if (length >= 0)
        args << QStringLiteral("--length") << QString::number(length);
    if (offsetA < 0) { // "-1000" reads as an option: the = form passes it as a value
        args = QStringList{pa, pb, QStringLiteral("--offset-a=%1").arg(offsetA), QStringLiteral("--offset-b=%1").arg(offsetB)};
        offsetA += a.size();
        offsetB += b.size();
    }
    const ProcessRun run = compare(args);
    const qint64 common = length >= 0 ? length : std::min(a.size() - offsetA, b.size() - offsetB);
    const auto expected = referenceRuns(a, offsetA, b, offsetB, common);
    QCOMPARE(run.out, linesOf(expected));
    const bool sizesDiffer = length < 0 && a.size() - offsetA != b.size() - offsetB;
    QCOMPARE(run.exitCode, expected.empty() && !sizesDiffer ? 0 : 1);
    QCOMPARE(run.err.contains(QStringLiteral("the sizes differ")), sizesDiffer);
    if (QByteArray(QTest::currentDataTag()) != "equal")
        QVERIFY(!expected.empty() || sizesDiffer); // every row but "equal" has something to find
}

void TestCliCompare::json()
{
    const QByteArray a = randomBytes(200000, 7);
    QByteArray b = a.left(150000);
    b[10] = static_cast<char>(b[10] ^ 1);
    b[11] = static_cast<char>(b[11] ^ 1);
    b[149999] = static_cast<char>(b[149999] ^ 0x80);
    const ProcessRun run = compare({file(QStringLiteral("a.bin"), a), file(QStringLiteral("b.bin"), b),
                                    QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.out));
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("equal")).toBool(true), false);
    QCOMPARE(o.value(QStringLiteral("size_a")).toInteger(), 200000);
    QCOMPARE(o.value(QStringLiteral("size_b")).toInteger(), 150000);
    QCOMPARE(o.value(QStringLiteral("length")).toInteger(), 150000);
    const QJsonArray runs = o.value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toArray(), (QJsonArray{10, 2}));
    QCOMPARE(runs.at(1).toArray(), (QJsonArray{149999, 1}));
    QVERIFY(run.err.isEmpty()); // --json: the answer is the object

    const ProcessRun same = compare({file(QStringLiteral("c.bin"), a), file(QStringLiteral("d.bin"), a),
                                     QStringLiteral("--json")});
    QCOMPARE(same.exitCode, 0);
    const QJsonObject e = QJsonDocument::fromJson(same.out.toUtf8()).object();
    QCOMPARE(e.value(QStringLiteral("equal")).toBool(false), true);
    QCOMPARE(e.value(QStringLiteral("runs")).toArray().size(), 0);
}

void TestCliCompare::cmpMatchesRealCmp_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<QStringList>("ours");  // extra arguments of hexmap-cli compare --cmp
    QTest::addColumn<QStringList>("theirs"); // extra arguments of cmp -l
    const QByteArray random = randomBytes(300000, 11);
    QTest::newRow("equal") << random << random << QStringList() << QStringList();
    QTest::newRow("changes") << random << withChanges(random, 100, 12) << QStringList() << QStringList();
    QTest::newRow("B shorter") << random << withChanges(random.left(99999), 10, 13) << QStringList() << QStringList();
    QTest::newRow("A shorter") << withChanges(random.left(12), 1, 14) << random << QStringList() << QStringList();
    QTest::newRow("A empty") << QByteArray() << random.left(10) << QStringList() << QStringList();
    QTest::newRow("offsets") << random << withChanges(random.mid(7), 30, 15)
                             << QStringList{"--offset-a", "7"} << QStringList{"-i", "7:0"};
    QTest::newRow("length") << random << withChanges(random, 30, 16)
                            << QStringList{"--offset-a", "100", "--offset-b", "100", "--length", "5000"}
                            << QStringList{"-i", "100:100", "-n", "5000"};
}

void TestCliCompare::cmpMatchesRealCmp()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(QStringList, ours);
    QFETCH(QStringList, theirs);
    const QString cmp = QStandardPaths::findExecutable(QStringLiteral("cmp"));
    QVERIFY2(!cmp.isEmpty(), "cmp (diffutils) is needed as the reference");
    // Relative names, as a script would pass them: both tools print them in the EOF line.
    file(QStringLiteral("a.bin"), a);
    file(QStringLiteral("b.bin"), b);
    const QStringList names{QStringLiteral("a.bin"), QStringLiteral("b.bin")};
    const ProcessRun real = hexmap::testing::runProcess(cmp, QStringList{QStringLiteral("-l")} + theirs + names, {},
                                                        120000, m_dir.path());
    const ProcessRun mine = hexmap::testing::runProcess(
        QStringLiteral(HEXMAP_CLI_PATH), QStringList{QStringLiteral("compare")} + names + ours + QStringList{"--cmp"},
        {}, 120000, m_dir.path());
    QCOMPARE(mine.out, real.out);
    QCOMPARE(mine.err, real.err);
    QCOMPARE(mine.exitCode, real.exitCode);
}

void TestCliCompare::badInput_data()
{
    QTest::addColumn<QStringList>("args"); // A and B are prepended
    QTest::addColumn<QString>("message");
    QTest::newRow("--max 0") << QStringList{"--max", "0"} << "bad --max value '0'";
    QTest::newRow("offset past A") << QStringList{"--offset-a", "101"} << "a.bin";
    QTest::newRow("offset past B") << QStringList{"--offset-b", "51"} << "b.bin";
    QTest::newRow("length past B") << QStringList{"--length", "51"} << "past the end";
    QTest::newRow("length past A shifted") << QStringList{"--offset-a", "60", "--length", "41"} << "past the end";
    QTest::newRow("length 0") << QStringList{"--length", "0"} << "bad --length value";
    QTest::newRow("--cmp and --json") << QStringList{"--cmp", "--json"} << "not both";
    QTest::newRow("bad number") << QStringList{"--offset-a", "12x"} << "bad --offset-a value '12x'";
}

void TestCliCompare::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString pa = file(QStringLiteral("a.bin"), randomBytes(100, 1));
    const QString pb = file(QStringLiteral("b.bin"), randomBytes(50, 2));
    const ProcessRun run = compare(QStringList{pa, pb} + args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    if (args.contains(QStringLiteral("--json"))) // the error as an object too
        QVERIFY2(run.out.contains(QStringLiteral("\"ok\":false")), qPrintable(run.out));
    else
        QVERIFY(run.out.isEmpty());
    // A directory on either side.
    const ProcessRun dir = compare({pa, m_dir.path()});
    QCOMPARE(dir.exitCode, 2);
    QVERIFY2(dir.err.contains(QStringLiteral("directory")), qPrintable(dir.err));
}

void TestCliCompare::sameFileTwice()
{
    const QString pa = file(QStringLiteral("same.bin"), randomBytes(5000, 3));
    const ProcessRun run = compare({pa, pa});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral("are the same file: equal")), qPrintable(run.err));
    // Through another name (a hard link) too.
    const QString link = m_dir.filePath(QStringLiteral("same-link.bin"));
    QFile::remove(link);
    QCOMPARE(::link(pa.toLocal8Bit().constData(), link.toLocal8Bit().constData()), 0);
    QCOMPARE(compare({pa, link}).exitCode, 0);
    // The same file against itself shifted by one byte is a real compare.
    const ProcessRun shifted = compare({pa, pa, QStringLiteral("--offset-b"), QStringLiteral("1")});
    QCOMPARE(shifted.exitCode, 1);
    QVERIFY(!shifted.out.isEmpty());
}

void TestCliCompare::unreadableAndMissing()
{
    const QString pa = file(QStringLiteral("r.bin"), randomBytes(100, 4));
    const ProcessRun missing = compare({pa, m_dir.filePath(QStringLiteral("missing.bin"))});
    QCOMPARE(missing.exitCode, 3);
    QVERIFY2(missing.err.contains(QStringLiteral("missing.bin")), qPrintable(missing.err));
    const QString locked = file(QStringLiteral("locked.bin"), randomBytes(100, 5));
    QCOMPARE(::chmod(locked.toLocal8Bit().constData(), 0), 0);
    const ProcessRun run = compare({locked, pa});
    if (::geteuid() == 0) { // root reads a file without permission bits: then it is just a compare
        QCOMPARE(run.exitCode, 1);
    } else {
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("locked.bin")) && run.err.contains(QStringLiteral("ermission")),
                 qPrintable(run.err));
    }
}

void TestCliCompare::capStopsEarly()
{
    const QByteArray a = randomBytes(1 << 20, 8);
    const QByteArray b = withChanges(a, 300, 9);
    const auto all = referenceRuns(a, 0, b, 0, a.size());
    QVERIFY(all.size() > 10);
    const ProcessRun run = compare({file(QStringLiteral("a.bin"), a), file(QStringLiteral("b.bin"), b),
                                    QStringLiteral("--max"), QStringLiteral("10")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, linesOf(std::vector<hexmap::CompareRun>(all.begin(), all.begin() + 10)));
    QVERIFY2(run.err.contains(QStringLiteral("stopped after 10 runs")), qPrintable(run.err));
}

void TestCliCompare::ctrlCExits130()
{
    const QByteArray data = randomBytes(16 << 20, 10);
    const QString pa = file(QStringLiteral("long-a.bin"), data), pb = file(QStringLiteral("long-b.bin"), data);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEXMAP_CLI_TEST_COMPARE_CHUNK"), QStringLiteral("16")); // 1 M units: seconds
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEXMAP_CLI_PATH), {QStringLiteral("compare"), pa, pb});
    QVERIFY(p.waitForStarted());
    QVERIFY(waitUntilOpen(p, pb));
    QTest::qWait(100);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGINT), 0);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    // The contract is 100 ms; the bound leaves room for sanitizer builds on a loaded machine.
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("cancelled")));
}

void TestCliCompare::cutDuringCompare()
{
    // This process cuts B with truncate(2) at a random moment while the CLI compares (units of 1 KiB, so a
    // compare lasts long enough to be cut inside). Each run either says B was cut (exit 3, naming B and the
    // offset) or finished before the cut with the right answer. Never a crash or a hang.
    const QByteArray a = randomBytes(32 << 20, 20);
    const QByteArray b = withChanges(a, 40, 21);
    const QString pa = file(QStringLiteral("cut-a.bin"), a);
    const QString expected = linesOf(referenceRuns(a, 0, b, 0, a.size()));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEXMAP_CLI_TEST_COMPARE_CHUNK"), QStringLiteral("1024"));
    std::mt19937 random(77);
    int cutInside = 0;
    for (int round = 0; round < 12; ++round) {
        const QString pb = file(QStringLiteral("cut-b.bin"), b);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HEXMAP_CLI_PATH), {QStringLiteral("compare"), pa, pb, QStringLiteral("--quiet")});
        QVERIFY(p.waitForStarted());
        QVERIFY(waitUntilOpen(p, pb));
        QTest::qWait(static_cast<int>(random() % 200));
        const qint64 newSize = static_cast<qint64>(random() % (32u << 20));
        QCOMPARE(::truncate(pb.toLocal8Bit().constData(), newSize), 0);
        // waitForFinished() is false for a process that already ended (while qWait ran the event loop).
        QVERIFY(p.state() == QProcess::NotRunning || p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (p.exitCode() == 3) {
            QVERIFY2(err.contains(QStringLiteral("cut-b.bin: the file ends at offset")), qPrintable(err));
            ++cutInside;
        } else {
            QCOMPARE(p.exitCode(), 1);
            QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), expected);
        }
    }
    QVERIFY2(cutInside > 0, "no cut landed inside a compare: the test proves nothing");
}

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_clicompare.moc"
