// Drives the real `hexmap` binary: --version, --help, command-line errors, --screenshot, --demo.
#include "processrunner.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#ifndef HEXMAP_GUI_PATH
#error "tst_gui needs the hexmap GUI target"
#endif

class TestGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void version();
    void help();
    void commandLineErrors_data();
    void commandLineErrors();
    void unreadableFile();
    void screenshotOfASmallFile();
    void measureStartup();
    void demoIsCreatedOnceAndReused();

private:
    using Run = hexmap::testing::ProcessRun;
    Run run(const QStringList &arguments, const QString &workingDir = {}, int timeoutMs = 60000);
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};

void TestGui::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Settings and the demo file's cache directory go to the temporary directory, not the user's home.
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
}

TestGui::Run TestGui::run(const QStringList &arguments, const QString &workingDir, int timeoutMs)
{
    return hexmap::testing::runProcess(QStringLiteral(HEXMAP_GUI_PATH), arguments, m_env, timeoutMs, workingDir);
}

void TestGui::version()
{
    const Run r = run({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    const QRegularExpression pattern(QStringLiteral("^hexmap \\d+\\.\\d+\\.\\d+$"));
    QVERIFY2(pattern.match(r.out.trimmed()).hasMatch(), qPrintable(r.out));
}

void TestGui::help()
{
    const Run r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *option : {"--demo", "--screenshot", "--measure-startup", "--version", "file"})
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
}

void TestGui::commandLineErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("missing") << QStringList{"missing.bin"} << "hexmap: missing.bin: No such file or directory";
    QTest::newRow("directory") << QStringList{"."} << "hexmap: .: is a directory";
    // An empty file opens (tests/ui/tst_emptyfile): a missing file after it is still named before any window.
    QTest::newRow("empty, then missing") << QStringList{"empty.bin", "b"} << "hexmap: b: No such file or directory";
    QTest::newRow("unknown option") << QStringList{"--bogus"} << "hexmap: Unknown option 'bogus'.";
    QTest::newRow("files and --demo") << QStringList{"a", "--demo"} << "hexmap: give files, or --demo (see --help)";
    // Several files open one tab each; the first that cannot be opened is named, before any window.
    QTest::newRow("second of two files missing") << QStringList{"one.bin", "b"} << "hexmap: b: No such file or directory";
}

void TestGui::commandLineErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedError);
    QFile empty(m_dir.filePath(QStringLiteral("empty.bin")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QFile one(m_dir.filePath(QStringLiteral("one.bin")));
    QVERIFY(one.open(QIODevice::WriteOnly) && one.write("1", 1) == 1);
    one.close();
    const Run r = run(arguments, m_dir.path());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.trimmed(), expectedError);
}

void TestGui::unreadableFile()
{
    // Permission bits do not stop root, so under root the app runs as the unprivileged user "nobody" (65534).
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                  | QFile::ReadOther | QFile::ExeOther));
    QFile file(dir.filePath(QStringLiteral("unreadable.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("0123456789") == 10);
    file.close();
    QVERIFY(file.setPermissions(QFile::WriteOwner));

    QProcess process;
    process.setProcessEnvironment(m_env);
    process.setWorkingDirectory(dir.path());
    if (::geteuid() == 0) {
        process.setChildProcessModifier([] {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(97);
        });
    }
    process.start(QStringLiteral(HEXMAP_GUI_PATH), {QStringLiteral("unreadable.bin")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() != 97, "could not drop privileges to uid 65534");
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(QString::fromLocal8Bit(process.readAllStandardError()).trimmed(),
             QStringLiteral("hexmap: unreadable.bin: Permission denied"));
}

void TestGui::screenshotOfASmallFile()
{
    const QString file = m_dir.filePath(QStringLiteral("small.bin"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray("Hello, Hexmap!\n").repeated(100));
    out.close();
    const QString png = m_dir.filePath(QStringLiteral("shot.png"));
    const Run r = run({file, QStringLiteral("--screenshot"), png});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // tests/app suites link QtCore only: read the PNG signature and IHDR size by hand.
    QFile shot(png);
    QVERIFY(shot.open(QIODevice::ReadOnly));
    const QByteArray bytes = shot.readAll();
    QVERIFY(bytes.startsWith(QByteArray::fromHex("89504E470D0A1A0A")));
    QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
    const auto be32 = [&](int at) {
        return (quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16)
            | (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3]));
    };
    QVERIFY2(be32(16) >= 400 && be32(20) >= 300, qPrintable(QStringLiteral("%1x%2").arg(be32(16)).arg(be32(20))));
    // A blank window compresses to a few KiB; painted rows of hex text do not.
    QVERIFY2(bytes.size() > 20000, qPrintable(QString::number(bytes.size())));

    const Run bad = run({file, QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("no/such/dir/x.png"))});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains(QLatin1String("cannot write the screenshot")), qPrintable(bad.err));
}

void TestGui::measureStartup()
{
    const QString file = m_dir.filePath(QStringLiteral("measure.bin"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(out.resize(1 << 20));
    out.close();
    const Run r = run({file, QStringLiteral("--measure-startup")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QRegularExpression pattern(QStringLiteral("first-paint-ms: ([0-9.]+)\\npeak-rss-kib: ([0-9]+)"));
    const auto match = pattern.match(r.out);
    QVERIFY2(match.hasMatch(), qPrintable(r.out));
    QVERIFY(match.captured(1).toDouble() > 0);
    QVERIFY(match.captured(2).toLongLong() > 1000);
}

void TestGui::demoIsCreatedOnceAndReused()
{
    const QString demo = m_dir.filePath(QStringLiteral("cache/Hexmap/hexmap/demo.bin"));
    const QString png = m_dir.filePath(QStringLiteral("demo.png"));
    const Run first = run({QStringLiteral("--demo"), QStringLiteral("--screenshot"), png});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QFile file(demo);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(demo));
    QCOMPARE(file.size(), 256ll << 20);
    QVERIFY(file.read(16) == "HEXMAP DEMO FILE");
    QVERIFY(file.seek(0x400000));
    QCOMPARE(file.read(8), QByteArray::fromHex("DEADBEEFDEADBEEF"));
    const QDateTime created = QFileInfo(demo).lastModified();
    file.close();

    const Run second = run({QStringLiteral("--demo"), QStringLiteral("--screenshot"), png});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QCOMPARE(QFileInfo(demo).lastModified(), created); // reused, not rewritten
}

QTEST_GUILESS_MAIN(TestGui)
#include "tst_gui.moc"
