// Issue 13 row 3 at the CLI: `hexmap-cli fill FILE 0x5A --threads N` while another process (this test) cuts FILE
// with truncate(2) after a random delay. Afterwards FILE has exactly the size the cut set (before the fix, 2 and 4
// threads regrew it to near a worker's position), and the CLI either says the file was truncated (exit 1) or
// finished before the cut (exit 0). On a disk filesystem (/var/tmp when it exists): tmpfs takes another path.
#include "processrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <thread>

namespace {

constexpr qint64 kSize = 256ll << 20;

QString diskTempRoot()
{
    return QDir(QStringLiteral("/var/tmp")).exists() && ::access("/var/tmp", W_OK) == 0
        ? QStringLiteral("/var/tmp/hexmap-clirace-XXXXXX")
        : QDir::tempPath() + QStringLiteral("/hexmap-clirace-XXXXXX");
}

int runCli(const QStringList &args, QString *err = nullptr)
{
    const hexmap::testing::ProcessRun run = hexmap::testing::runProcess(QStringLiteral(HEXMAP_CLI_PATH), args);
    if (err)
        *err = run.err;
    return run.exitCode;
}

} // namespace

class TestCliTruncateRace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString())); }
    void fillWhileCut_data();
    void fillWhileCut();

private:
    QTemporaryDir m_dir{diskTempRoot()};
};

void TestCliTruncateRace::fillWhileCut_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("4 threads") << 4;
}

void TestCliTruncateRace::fillWhileCut()
{
    QFETCH(int, threads);
    const QString file = m_dir.filePath(QStringLiteral("cut.bin"));
    const QStringList fill = {QStringLiteral("fill"), file, QStringLiteral("0x5A"), QStringLiteral("--threads"),
                              QString::number(threads), QStringLiteral("--quiet")};
    QString err;
    // One uncut run: how long a fill takes here (the cuts land inside it), and that it succeeds.
    QCOMPARE(runCli({QStringLiteral("create"), file, QStringLiteral("256M"), QStringLiteral("--force")}, &err), 0);
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(runCli(fill, &err) == 0, qPrintable(err));
    const qint64 fillMs = std::max<qint64>(timer.elapsed(), 1);

    std::mt19937_64 random(static_cast<std::uint64_t>(threads) * 7919u);
    int cutInside = 0;
    const int runs = 4;
    for (int run = 0; run < runs; ++run) {
        QCOMPARE(runCli({QStringLiteral("create"), file, QStringLiteral("256M"), QStringLiteral("--force")}, &err), 0);
        const qint64 cut = std::uniform_int_distribution<qint64>(1, kSize - 1)(random);
        const auto delayUs = std::uniform_int_distribution<qint64>(fillMs * 50, fillMs * 600)(random);
        QProcess p;
        p.start(QStringLiteral(HEXMAP_CLI_PATH), fill);
        QVERIFY(p.waitForStarted());
        std::this_thread::sleep_for(std::chrono::microseconds(delayUs));
        QCOMPARE(::truncate(QFile::encodeName(file).constData(), cut), 0);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        const QByteArray stderrText = p.readAllStandardError();
        const qint64 sizeAfter = QFileInfo(file).size();
        const QByteArray where = QStringLiteral("run %1: cut to %2 after %3 us; exit %4, size afterwards %5: %6")
                                     .arg(run).arg(cut).arg(delayUs).arg(p.exitCode()).arg(sizeAfter)
                                     .arg(QString::fromLocal8Bit(stderrText)).toUtf8();
        QVERIFY2(sizeAfter == cut, where.constData());
        if (p.exitCode() == 1) {
            ++cutInside;
            QVERIFY2(stderrText.contains("hexmap-cli fill: " + QFile::encodeName(file)
                                         + ": the file was truncated on disk"), where.constData());
        } else {
            QVERIFY2(p.exitCode() == 0, where.constData());
        }
    }
    qInfo("%d of %d cuts landed inside the fill (%lld ms uncut)", cutInside, runs, static_cast<long long>(fillMs));
}

QTEST_GUILESS_MAIN(TestCliTruncateRace)
#include "tst_clitruncaterace.moc"
