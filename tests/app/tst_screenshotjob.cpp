// Drives `hexmap --screenshot-job PATH` offscreen, with private config and cache directories: it writes a PNG
// taken while a 4-worker job is half done with every worker running (the line it prints says so), exits 0,
// and leaves the demo file byte for byte as `--demo` created it. Refuses a FILE argument and an unwritable PATH.
#include "processrunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#ifndef HEXMAP_GUI_PATH
#error "tst_screenshotjob needs the hexmap GUI target"
#endif

class TestScreenshotJob : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void screenshotHalfWayRestoresTheDemo();
    void refusesAMissingExtraFile();
    void unwritablePathFailsAndRestores();

private:
    using Run = hexmap::testing::ProcessRun;
    Run run(const QStringList &arguments);
    QByteArray demoHash() const;
    QString demoPath() const { return m_dir.filePath(QStringLiteral("cache/Hexmap/hexmap/demo.bin")); }

    QTemporaryDir m_dir;
    QByteArray m_original;
};

void TestScreenshotJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run created = run({QStringLiteral("--demo"), QStringLiteral("--list-actions")}); // creates the demo file
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    m_original = demoHash();
    QVERIFY(!m_original.isEmpty());
}

TestScreenshotJob::Run TestScreenshotJob::run(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return hexmap::testing::runProcess(QStringLiteral(HEXMAP_GUI_PATH), arguments, env);
}

QByteArray TestScreenshotJob::demoHash() const
{
    QFile f(demoPath());
    if (!f.open(QIODevice::ReadOnly) || f.size() != (256 << 20))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return {};
    return hash.result();
}

void TestScreenshotJob::screenshotHalfWayRestoresTheDemo()
{
    const QString png = m_dir.filePath(QStringLiteral("job.png"));
    const Run r = run({QStringLiteral("--screenshot-job"), png});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Half way exactly (the workers were held there), all four writing.
    QVERIFY2(r.out.contains(QStringLiteral(": job 50.0 % done, 4 of 4 workers running")), qPrintable(r.out));
    QFile f(png);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray head = f.read(24);
    QVERIFY(head.startsWith("\x89PNG\r\n\x1a\n"));
    QVERIFY(f.size() > 20 * 1024); // a real window, not a blank frame
    QCOMPARE(demoHash(), m_original);
}

void TestScreenshotJob::refusesAMissingExtraFile()
{
    // Files given beside --screenshot-job open in tabs of their own; one that cannot be opened is named and
    // nothing runs (no screenshot, the demo file untouched).
    const QString missing = m_dir.filePath(QStringLiteral("missing.bin"));
    const Run r = run({QStringLiteral("--screenshot-job"), m_dir.filePath(QStringLiteral("x.png")), missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(missing), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
    QCOMPARE(demoHash(), m_original);
}

void TestScreenshotJob::unwritablePathFailsAndRestores()
{
    const QString png = m_dir.filePath(QStringLiteral("missing/dir/job.png"));
    const Run r = run({QStringLiteral("--screenshot-job"), png});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(png + QStringLiteral(": cannot write the screenshot")), qPrintable(r.err));
    QCOMPARE(demoHash(), m_original);
}

QTEST_GUILESS_MAIN(TestScreenshotJob)
#include "tst_screenshotjob.moc"
