// Issue 15, Save As / export while another PROCESS changes the source: many runs of `hexmap-cli export FILE OUT` of a
// 32 MiB file of seeded random content while `sh -c` (racefault.h) truncates FILE to a random length, renames another
// file over it, or appends to it after a random delay. Each run:
// - the CLI exits within 60 s with 0 or 1, never by a signal;
// - exit 0: OUT is complete and equal to the source as the CLI opened it: the old content (the fault came after the
//   open: a renamed-over or appended file does not change what the open descriptor reads), or what the fault made
//   (the fault came first); never the old bytes with zeros where a truncation cut them;
// - exit 1: the message names the source and, for a truncation, the offset where it now ends; OUT does not exist and
//   no temporary file is left beside it.
// HEXMAP_RACE_SEED=S repeats a failing run's draws (printed on every failure); HEXMAP_RACE_RUNS=K runs K times as
// many.
#include "racefault.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace hexmap::testing;

namespace {

constexpr qint64 kSize = qint64(32) << 20;

} // namespace

class TestExportRace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exportWhileAnotherProcessChangesTheSource();

private:
    QTemporaryDir m_dir{raceTempRoot()};
    QByteArray m_old;
    QByteArray m_replacement;
    QByteArray m_appended;
};

void TestExportRace::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("out")));
    std::mt19937_64 random(20261208);
    m_old = randomBytes(random, kSize);
    m_replacement = randomBytes(random, kSize / 3 + 777);
    m_appended = randomBytes(random, 70000);
}

void TestExportRace::exportWhileAnotherProcessChangesTheSource()
{
    const std::uint64_t seed = raceSeed(0x5EED3);
    std::mt19937_64 random(seed);
    auto uniform = [&](qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(random); };
    const QString file = m_dir.filePath(QStringLiteral("source.bin"));
    const QDir outDir(m_dir.filePath(QStringLiteral("out")));
    const QString output = outDir.filePath(QStringLiteral("copy.bin"));
    const QByteArray cli = QByteArrayLiteral(HEXMAP_CLI_PATH);
    const QList<QByteArray> args{"export", QFile::encodeName(file), QFile::encodeName(output)};
    QElapsedTimer suite;
    suite.start();

    QVERIFY(writeWhole(file, m_old));
    QElapsedTimer timer;
    timer.start();
    const RawResult clean = runRaw(cli, args);
    const qint64 exportUs = std::max<qint64>(timer.nsecsElapsed() / 1000, 1000);
    QVERIFY2(clean.exitCode == 0, clean.err.constData());
    QVERIFY(readWhole(output) == m_old);

    QMap<QString, int> kinds;
    const int runs = raceRuns(40);
    for (int run = 0; run < runs; ++run) {
        Fault fault;
        fault.kind = Fault::Kind(uniform(0, 2));
        fault.length = uniform(0, kSize - 1);
        // Half the faults aim at the start-up and the copy, before the final fsync that takes most of the time.
        fault.delayUs = uniform(0, run % 2 ? exportUs / 2 : exportUs * 6 / 5);
        fault.replacement = m_dir.filePath(QStringLiteral("replacement.bin"));
        fault.appended = m_dir.filePath(QStringLiteral("appended.bin"));
        QVERIFY(QFile::remove(file));
        QVERIFY(writeWhole(file, m_old));
        QVERIFY(writeWhole(fault.replacement, m_replacement));
        QVERIFY(writeWhole(fault.appended, m_appended));
        QFile::remove(output);

        RawProcess exporter;
        RawProcess other;
        QVERIFY(exporter.start(cli, args));
        QVERIFY(fault.start(other, file));
        const RawResult exported = exporter.wait(60000);
        const RawResult faulted = other.wait(60000);
        const QStringList left = outDir.entryList(QDir::Files | QDir::Hidden | QDir::System);
        const QByteArray copy = readWhole(output);
        const QString where = QStringLiteral("seed %1 (HEXMAP_RACE_SEED=%1), run %2: %3 (exit %4); CLI exit %5 signal "
                                             "%6%7: %8; output folder holds [%9], the copy %10 bytes")
                                  .arg(seed).arg(run).arg(fault.describe()).arg(faulted.exitCode)
                                  .arg(exported.exitCode).arg(exported.signal)
                                  .arg(exported.timedOut ? QStringLiteral(" TIMED OUT") : QString())
                                  .arg(QString::fromLocal8Bit(exported.err.trimmed()), left.join(QLatin1Char(' ')))
                                  .arg(copy.size());
        QVERIFY2(!exported.timedOut && exported.signal == 0, qPrintable(where));
        QVERIFY2(faulted.exitCode == 0, qPrintable(where));
        QString kind;
        if (exported.exitCode == 0) {
            QVERIFY2(left == QStringList{QStringLiteral("copy.bin")}, qPrintable(where));
            if (copy == m_old)
                kind = QStringLiteral("the source as opened");
            else if (copy == fault.applied(m_old, m_replacement, m_appended))
                kind = QStringLiteral("what the fault made (it came before the open)");
            QVERIFY2(!kind.isEmpty(), qPrintable(where + QStringLiteral("\n  the copy differs from the old content at "
                                                                        "%1").arg(firstDifference(copy, m_old))));
        } else {
            QVERIFY2(exported.exitCode == 1, qPrintable(where));
            QVERIFY2(left.isEmpty(), qPrintable(where)); // no copy, no temporary file
            QVERIFY2(exported.err.contains(QFile::encodeName(file)), qPrintable(where));
            if (fault.kind == Fault::Truncate) {
                const QRegularExpression endsAt(QStringLiteral("ends at %1\\b").arg(fault.length));
                QVERIFY2(endsAt.match(QString::fromLocal8Bit(exported.err)).hasMatch(), qPrintable(where));
            }
            kind = QStringLiteral("refused");
        }
        ++kinds[kind + QStringLiteral(" (exit %1, %2)").arg(exported.exitCode)
                           .arg(fault.kind == Fault::Truncate ? "truncate" : fault.kind == Fault::Replace ? "rename"
                                                                                                           : "append")];
    }
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        qInfo("  %3d x %s", it.value(), qPrintable(it.key()));
    qInfo("seed %llu: %d runs in %lld ms (an undisturbed export took %lld us)", static_cast<unsigned long long>(seed),
          runs, static_cast<long long>(suite.elapsed()), static_cast<long long>(exportUs));
}

QTEST_GUILESS_MAIN(TestExportRace)
#include "tst_exportrace.moc"
