// hexmap-cli through the real binary: subcommands, bad input (exit codes, wording, files untouched), dump vs xxd,
// Ctrl+C.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(HEXMAP_CLI_PATH), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray sample(int size)
{
    QByteArray b(size, '\0');
    for (int i = 0; i < size; ++i)
        b[i] = char((i * 7 + 3) & 0xff);
    return b;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void versionAndHelp();
    void info();
    void emptyFile();
    void create();
    void writes_data();
    void writes();
    void badInput_data();
    void badInput();
    void dumpMatchesXxd_data();
    void dumpMatchesXxd();
    void ctrlCCancels();

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QTemporaryDir m_dir;
};

void TestCli::versionAndHelp()
{
    Run r = cli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("hexmap-cli "));
    r = cli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *c : {"info", "create", "fill", "zero", "pattern", "sync", "dump"}) {
        QVERIFY2(r.out.contains(c), c);
        const Run h = cli({QString::fromLatin1(c), QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY2(h.out.contains("Usage: hexmap-cli " + QByteArray(c)), h.out.constData());
    }
}

void TestCli::info()
{
    QVERIFY(writeFile(path("i.bin"), sample(5000)));
    Run r = cli({QStringLiteral("info"), path("i.bin"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("\"size\":5000"), r.out.constData());
    QVERIFY(r.out.contains("\"readOnly\":false"));
    QVERIFY(r.out.contains("\"pageSize\":"));
    r = cli({QStringLiteral("info"), path("i.bin")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("5000 bytes"));
}

// A zero-length file opens: info describes it, dump prints nothing (like xxd), search finds nothing (exit 1, like
// grep); write jobs refuse it with a usage error (badInput) and leave it empty.
void TestCli::emptyFile()
{
    QVERIFY(writeFile(path("e.bin"), {}));
    Run r = cli({QStringLiteral("info"), path("e.bin"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("\"size\":0"), r.out.constData());
    r = cli({QStringLiteral("info"), path("e.bin")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("size:       0 bytes"), r.out.constData());
    r = cli({QStringLiteral("dump"), path("e.bin")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    r = cli({QStringLiteral("dump"), path("e.bin"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("\"length\":0") && r.out.contains("\"hex\":\"\""), r.out.constData());
    r = cli({QStringLiteral("search"), path("e.bin"), QStringLiteral("--hex"), QStringLiteral("00")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QFileInfo(path("e.bin")).size(), qint64(0));
}

void TestCli::create()
{
    Run r = cli({QStringLiteral("create"), path("c.bin"), QStringLiteral("1M")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QFileInfo(path("c.bin")).size(), 1 << 20);
    QVERIFY(writeFile(path("c.bin"), "keep"));
    r = cli({QStringLiteral("create"), path("c.bin"), QStringLiteral("4K")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--force"), r.err.constData());
    QCOMPARE(readFile(path("c.bin")), QByteArray("keep"));
    r = cli({QStringLiteral("create"), path("c.bin"), QStringLiteral("0x1000"), QStringLiteral("--force")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readFile(path("c.bin")), QByteArray(4096, '\0'));
    r = cli({QStringLiteral("create"), path("c2.bin"), QStringLiteral("2KB"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("\"size\":2000"));
}

void TestCli::writes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("pattern"); // empty: zero
    QTest::newRow("fill all") << QStringList{"fill", "F", "0xAB"} << 0 << 20000 << QByteArray("\xAB");
    QTest::newRow("fill dec range") << QStringList{"fill", "F", "171", "--offset", "4095", "--length", "4098", "--threads", "2", "--chunk", "4K"} << 4095 << 4098 << QByteArray("\xAB");
    QTest::newRow("fill negative") << QStringList{"fill", "F", "0x01", "--offset", "-100"} << 19900 << 100 << QByteArray("\x01");
    QTest::newRow("zero") << QStringList{"zero", "F", "--offset", "0x10", "--length", "1K"} << 16 << 1024 << QByteArray();
    QTest::newRow("zero release") << QStringList{"zero", "F", "--release-space", "--offset", "3", "--length", "16000", "--sync"} << 3 << 16000 << QByteArray();
    QTest::newRow("pattern") << QStringList{"pattern", "F", "DE AD BE EF", "--offset", "1", "--length", "9999", "--threads", "3", "--chunk", "4096"} << 1 << 9999 << QByteArray("\xDE\xAD\xBE\xEF");
    QTest::newRow("pattern compact") << QStringList{"pattern", "F", "c0ffee", "--quiet"} << 0 << 20000 << QByteArray("\xC0\xFF\xEE");
    QTest::newRow("sync") << QStringList{"sync", "F"} << 0 << 0 << QByteArray("keep");
}

void TestCli::writes()
{
    QFETCH(QStringList, args);
    QFETCH(int, offset);
    QFETCH(int, length);
    QFETCH(QByteArray, pattern);
    QByteArray ref = sample(20000);
    QVERIFY(writeFile(path("w.bin"), ref));
    args.replace(1, path("w.bin"));
    Run r = cli(args + QStringList{QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("\"ok\":true"), r.out.constData());
    QVERIFY(r.err.isEmpty()); // stderr is not a terminal: no progress line
    if (pattern != "keep") {
        for (int i = 0; i < length; ++i)
            ref[offset + i] = pattern.isEmpty() ? '\0' : pattern[i % pattern.size()];
    }
    QCOMPARE(readFile(path("w.bin")), ref);
}

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("wording");
    QTest::newRow("no command") << QStringList{} << 2 << "missing command";
    QTest::newRow("unknown") << QStringList{"frobnicate"} << 2 << "unknown command 'frobnicate'";
    QTest::newRow("missing file arg") << QStringList{"fill"} << 2 << "missing argument";
    QTest::newRow("missing byte") << QStringList{"fill", "F"} << 2 << "missing argument";
    QTest::newRow("unknown option") << QStringList{"zero", "F", "--bogus"} << 2 << "bogus";
    QTest::newRow("bad byte") << QStringList{"fill", "F", "0x100"} << 2 << "malformed byte";
    QTest::newRow("bad byte text") << QStringList{"fill", "F", "AB"} << 2 << "malformed byte";
    QTest::newRow("bad hex") << QStringList{"pattern", "F", "DE AD B"} << 2 << "malformed hex pattern";
    QTest::newRow("bad offset") << QStringList{"fill", "F", "1", "--offset", "12Q"} << 2 << "malformed offset";
    QTest::newRow("bad length") << QStringList{"zero", "F", "--length", "0xZZ"} << 2 << "malformed offset or length";
    QTest::newRow("past end") << QStringList{"fill", "F", "1", "--offset", "19999", "--length", "2"} << 2 << "past the end";
    QTest::newRow("offset past end") << QStringList{"dump", "F", "--offset", "20001"} << 2 << "past the end";
    QTest::newRow("negative too far") << QStringList{"zero", "F", "--offset", "-20001"} << 2 << "past the end";
    QTest::newRow("zero length") << QStringList{"pattern", "F", "00", "--length", "0"} << 2 << "zero length";
    QTest::newRow("bad threads") << QStringList{"fill", "F", "1", "--threads", "x"} << 2 << "--threads";
    QTest::newRow("bad chunk") << QStringList{"fill", "F", "1", "--chunk", "0"} << 2 << "--chunk";
    QTest::newRow("bad size") << QStringList{"create", "NEW", "1.5K"} << 2 << "malformed size";
    QTest::newRow("zero size") << QStringList{"create", "NEW", "0"} << 2 << "greater than 0";
    QTest::newRow("missing file") << QStringList{"fill", "MISSING", "1"} << 1 << "No such file";
    QTest::newRow("directory") << QStringList{"zero", "DIR"} << 1 << "is a directory";
    QTest::newRow("read-only") << QStringList{"fill", "RO", "1"} << 1 << "read-only";
    QTest::newRow("read-only sync") << QStringList{"sync", "RO"} << 1 << "read-only";
    QTest::newRow("fill empty file") << QStringList{"fill", "EMPTY", "1"} << 2 << "empty (0 bytes)";
    QTest::newRow("zero empty file") << QStringList{"zero", "EMPTY"} << 2 << "empty (0 bytes)";
    QTest::newRow("sync empty file") << QStringList{"sync", "EMPTY"} << 2 << "empty (0 bytes)";
    QTest::newRow("dump past empty end") << QStringList{"dump", "EMPTY", "--offset", "1"} << 2 << "past the end";
}

void TestCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, wording);
    const QByteArray ref = sample(20000);
    QVERIFY(writeFile(path("b.bin"), ref));
    QVERIFY(writeFile(path("ro.bin"), ref));
    QVERIFY(QFile::setPermissions(path("ro.bin"), QFileDevice::ReadOwner));
    QVERIFY(writeFile(path("empty.bin"), {}));
    for (QString &a : args) {
        if (a == QLatin1String("F")) a = path("b.bin");
        else if (a == QLatin1String("NEW")) a = path("new.bin");
        else if (a == QLatin1String("MISSING")) a = path("missing.bin");
        else if (a == QLatin1String("DIR")) a = m_dir.path();
        else if (a == QLatin1String("RO")) a = path("ro.bin");
        else if (a == QLatin1String("EMPTY")) a = path("empty.bin");
    }
    const Run r = cli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.count('\n') == 1, r.err.constData()); // one line
    QVERIFY2(r.err.startsWith("hexmap-cli"), r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(wording), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(readFile(path("b.bin")), ref);
    QCOMPARE(readFile(path("ro.bin")), ref);
    QVERIFY(!QFile::exists(path("new.bin")));
    // --json adds one result object on stdout
    if (!args.isEmpty() && args.first() != QLatin1String("frobnicate")) {
        const Run j = cli(args + QStringList{QStringLiteral("--json")});
        QCOMPARE(j.exitCode, exitCode);
        if (args.size() > 1)
            QVERIFY2(j.out.contains("\"ok\":false"), j.out.constData());
    }
    QCOMPARE(readFile(path("ro.bin")), ref);
    QFile::setPermissions(path("ro.bin"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestCli::dumpMatchesXxd_data()
{
    QTest::addColumn<QString>("offset");
    QTest::addColumn<QString>("length");
    QTest::addColumn<qint64>("xxdOffset");
    QTest::addColumn<qint64>("xxdLength");
    QTest::newRow("start") << "0" << "16" << qint64(0) << qint64(16);
    QTest::newRow("odd") << "3" << "29" << qint64(3) << qint64(29);
    QTest::newRow("one byte") << "0x100" << "1" << qint64(256) << qint64(1);
    QTest::newRow("long") << "1K" << "5000" << qint64(1024) << qint64(5000);
    QTest::newRow("tail") << "-33" << "" << qint64(20000 - 33) << qint64(33);
    QTest::newRow("whole") << "" << "" << qint64(0) << qint64(20000);
}

void TestCli::dumpMatchesXxd()
{
    QFETCH(QString, offset);
    QFETCH(QString, length);
    QFETCH(qint64, xxdOffset);
    QFETCH(qint64, xxdLength);
    QVERIFY(writeFile(path("d.bin"), sample(20000)));
    QStringList args{QStringLiteral("dump"), path("d.bin")};
    if (!offset.isEmpty())
        args << QStringLiteral("--offset") << offset;
    if (!length.isEmpty())
        args << QStringLiteral("--length") << length;
    const Run r = cli(args);
    QCOMPARE(r.exitCode, 0);
    QProcess xxd;
    xxd.start(QStringLiteral("xxd"), {QStringLiteral("-s"), QString::number(xxdOffset), QStringLiteral("-l"),
                                      QString::number(xxdLength), path("d.bin")});
    QVERIFY(xxd.waitForFinished());
    QCOMPARE(xxd.exitCode(), 0);
    const QByteArray expected = xxd.readAllStandardOutput();
    QVERIFY(!expected.isEmpty());
    QCOMPARE(r.out, expected);
}

void TestCli::ctrlCCancels()
{
    // Deterministic: the pause hook stops each worker after 2 chunks and says so on stderr; then SIGINT.
    const int size = 64 << 20;
    Run c = cli({QStringLiteral("create"), path("big.bin"), QStringLiteral("64M")});
    QCOMPARE(c.exitCode, 0);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEXMAP_CLI_TEST_PAUSE_AFTER_CHUNKS"), QStringLiteral("2"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEXMAP_CLI_PATH), {QStringLiteral("fill"), path("big.bin"), QStringLiteral("0xEE"),
                                              QStringLiteral("--threads"), QStringLiteral("1"),
                                              QStringLiteral("--chunk"), QStringLiteral("1M"),
                                              QStringLiteral("--json")});
    QVERIFY(p.waitForStarted());
    QByteArray err;
    while (!err.contains("workers paused") && p.state() == QProcess::Running) {
        p.waitForReadyRead(10000);
        err += p.readAllStandardError();
    }
    QVERIFY2(err.contains("workers paused"), err.constData());
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    err += p.readAllStandardError();
    QVERIFY2(err.contains("cancelled: 2097152 of 67108864 bytes filled: [0, +2097152)"), err.constData());
    QVERIFY(p.readAllStandardOutput().contains("\"bytesDone\":2097152"));
    QByteArray expected(size, '\0');
    expected.fill('\xEE', 2 << 20);
    expected.resize(size);
    QVERIFY(readFile(path("big.bin")) == expected);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
