// Issue 15, "another process truncating or replacing the file at random moments": many runs of `hexmap-cli insert`
// and `delete` on a 16 MiB file of seeded random content while another PROCESS (sh -c: truncate, mv, cat >>,
// racefault.h) truncates it to a random length, renames another file over it, or appends to it after a random delay.
// Each run, then `hexmap-cli recover FILE`:
// - the CLI exits within 60 s with 0, 1, 2 or 3, never by a signal (SIGBUS, ASan abort), and every failure names the
//   file; 2 only when the fault came first and made the offset or range invalid ("past the end"), the file as the
//   fault left it; recover exits 0 or 1, never by a signal, says something (naming the file when it exits 1), and
//   leaves a journal only when it exits 1 (refused);
// - exit 0: the file is exactly the new content N, the fault applied to N (it came after the save, or while the save
//   left no trace of it) or the save applied to what the fault made (the fault came before the CLI opened it);
// - exit 1/3: one of those, or the old content with the fault applied (refused before any byte changed), or, when
//   truncated or appended to mid-save, a mix: every byte below the truncation length (below the old size for an
//   append) is its old or its new value (never zeros, never another position's byte); a rename never mixes.
// HEXMAP_RACE_SEED=S repeats a failing run's draws (the seed is printed on every failure); HEXMAP_RACE_RUNS=K runs K
// times as many; HEXMAP_RACE_VERBOSE=1 prints every run. Journals go to a folder of the test (HEXMAP_JOURNAL_DIR);
// what recover leaves (refused) is deleted after each run, so an inode number reused by the next run's file never
// meets a stale journal.
#include "racefault.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <optional>
#include <vector>

using namespace hexmap::testing;

namespace {

constexpr qint64 kSize = qint64(16) << 20;

// One insert or delete and its command line.
struct ShiftOp {
    bool insert = true;
    qint64 offset = 0;
    qint64 length = 0;  // delete: bytes removed; insert with fill: bytes inserted
    QByteArray bytes;   // insert: the --hex bytes (empty: --fill)
    char fill = 0;
    QString chunk;      // --chunk

    QStringList arguments(const QString &file) const
    {
        QStringList a{insert ? QStringLiteral("insert") : QStringLiteral("delete"), file, QStringLiteral("--offset"),
                      QString::number(offset)};
        if (!insert)
            a << QStringLiteral("--length") << QString::number(length);
        else if (!bytes.isEmpty())
            a << QStringLiteral("--hex") << QString::fromLatin1(bytes.toHex());
        else
            a << QStringLiteral("--fill") << QString::number(quint8(fill)) << QStringLiteral("--length")
              << QString::number(length);
        return a << QStringLiteral("--chunk") << chunk << QStringLiteral("--quiet");
    }
    // The content after this operation, none when it is invalid for `x` (past its end).
    std::optional<QByteArray> applied(const QByteArray &x) const
    {
        if (offset > x.size() || (!insert && offset + length > x.size()))
            return std::nullopt;
        if (!insert)
            return x.left(offset) + x.mid(offset + length);
        return x.left(offset) + (bytes.isEmpty() ? QByteArray(length, fill) : bytes) + x.mid(offset);
    }
    QString describe() const { return arguments(QStringLiteral("FILE")).join(QLatin1Char(' ')); }
};

QList<QByteArray> encoded(const QStringList &arguments)
{
    QList<QByteArray> bytes;
    for (const QString &a : arguments)
        bytes << QFile::encodeName(a);
    return bytes;
}

ShiftOp drawOp(std::mt19937_64 &random, bool insert)
{
    auto uniform = [&](qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(random); };
    ShiftOp op;
    op.insert = insert;
    op.chunk = uniform(0, 1) ? QStringLiteral("4K") : QStringLiteral("64K");
    const bool small = uniform(0, 1); // small: steps overlap their sources (pre-images journalled)
    if (insert) {
        op.offset = uniform(0, kSize);
        if (small)
            op.bytes = randomBytes(random, uniform(1, 16));
        else
            op.length = uniform(64 << 10, 1 << 20), op.fill = char(uniform(0, 255));
    } else {
        op.length = small ? uniform(1, 4096) : uniform(64 << 10, 2 << 20);
        op.offset = uniform(0, kSize - op.length);
    }
    return op;
}

} // namespace

class TestShiftRace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void shiftWhileAnotherProcessChangesTheFile_data();
    void shiftWhileAnotherProcessChangesTheFile();

private:
    QString check(const ShiftOp &op, const Fault &fault, const RawResult &cli, const RawResult &recover,
                  const QByteArray &after, QString *kind) const;

    QTemporaryDir m_dir{raceTempRoot()};
    QTemporaryDir m_journals{raceTempRoot()};
    QByteArray m_old;
    QByteArray m_replacement;
    QByteArray m_appended;
};

void TestShiftRace::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    QVERIFY2(m_journals.isValid(), qPrintable(m_journals.errorString()));
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path())); // inherited by hexmap-cli
    std::mt19937_64 random(20261207);
    m_old = randomBytes(random, kSize);
    m_replacement = randomBytes(random, kSize / 2 + 12345);
    m_appended = randomBytes(random, 70000);
}

void TestShiftRace::shiftWhileAnotherProcessChangesTheFile_data()
{
    QTest::addColumn<bool>("insert");
    QTest::newRow("insert") << true;
    QTest::newRow("delete") << false;
}

QString TestShiftRace::check(const ShiftOp &op, const Fault &fault, const RawResult &cli, const RawResult &recover,
                             const QByteArray &after, QString *kind) const
{
    const QByteArray expected = *op.applied(m_old);
    const QByteArray faultedOld = fault.applied(m_old, m_replacement, m_appended);
    const std::optional<QByteArray> savedFaulted = op.applied(faultedOld);
    const QString file = m_dir.filePath(QStringLiteral("race.bin"));
    if (cli.exitCode != 0 && !cli.err.contains(QFile::encodeName(file)))
        return QStringLiteral("the CLI's message does not name the file");
    if (recover.exitCode == 1 && !(recover.out + recover.err).contains(QFile::encodeName(file)))
        return QStringLiteral("recover's message does not name the file");
    if (cli.exitCode == 2) {
        *kind = QStringLiteral("refused: the fault came first and made the range invalid");
        if (savedFaulted || !cli.err.contains("past the end"))
            return QStringLiteral("exit 2 without a fault that made the range invalid");
        return after == faultedOld ? QString() : QStringLiteral("exit 2 but the file changed");
    }
    if (after == expected)
        return *kind = QStringLiteral("new content"), QString();
    if (after == fault.applied(expected, m_replacement, m_appended))
        return *kind = QStringLiteral("fault after the save"), QString();
    if (savedFaulted && after == *savedFaulted)
        return *kind = QStringLiteral("fault before the open"), QString();
    if (cli.exitCode == 0)
        return QStringLiteral("exit 0 but the file is neither the new content nor what the fault made of it "
                              "(first difference from the new content at %1)").arg(firstDifference(after, expected));
    if (after == faultedOld)
        return *kind = QStringLiteral("refused, unchanged"), QString();
    if (fault.kind == Fault::Replace)
        return QStringLiteral("the file is neither the replacement nor the save applied to it");
    // Mid-save truncation or append, reported: each byte the other process did not remove is old or new.
    *kind = QStringLiteral("reported mix");
    const qint64 bound = std::min<qint64>(after.size(), fault.kind == Fault::Truncate ? fault.length : kSize);
    for (qint64 i = 0; i < bound; ++i) {
        const bool isOld = after[i] == m_old[i];
        const bool isNew = i < expected.size() && after[i] == expected[i];
        if (!isOld && !isNew)
            return QStringLiteral("byte %1 (below %2, not touched by the other process) is 0x%3: neither old (0x%4) "
                                  "nor new (0x%5)")
                .arg(i).arg(bound).arg(quint8(after[i]), 2, 16, QLatin1Char('0'))
                .arg(quint8(m_old[i]), 2, 16, QLatin1Char('0'))
                .arg(i < expected.size() ? quint8(expected[i]) : 0, 2, 16, QLatin1Char('0'));
    }
    return {};
}

void TestShiftRace::shiftWhileAnotherProcessChangesTheFile()
{
    QFETCH(bool, insert);
    const std::uint64_t seed = raceSeed(insert ? 0x5EED1 : 0x5EED2);
    std::mt19937_64 random(seed);
    auto uniform = [&](qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(random); };
    const QString file = m_dir.filePath(QStringLiteral("race.bin"));
    const QByteArray cli = QByteArrayLiteral(HEXMAP_CLI_PATH);
    QElapsedTimer suite;
    suite.start();

    // Three undisturbed saves: each must be right, and their median time is what the faults' delays are drawn in.
    std::vector<qint64> times;
    for (int probe = 0; probe < 3; ++probe) {
        const ShiftOp op = drawOp(random, insert);
        QVERIFY(QFile::remove(file) || probe == 0);
        QVERIFY(writeWhole(file, m_old));
        QElapsedTimer timer;
        timer.start();
        const RawResult clean = runRaw(cli, encoded(op.arguments(file)));
        times.push_back(std::max<qint64>(timer.nsecsElapsed() / 1000, 1000));
        QVERIFY2(clean.exitCode == 0, clean.err.constData());
        QVERIFY2(readWhole(file) == *op.applied(m_old), qPrintable(op.describe()));
    }
    std::sort(times.begin(), times.end());
    const qint64 saveUs = times[1];

    QMap<QString, int> kinds;
    const int runs = raceRuns(24);
    for (int run = 0; run < runs; ++run) {
        const ShiftOp op = drawOp(random, insert);
        Fault fault;
        fault.kind = Fault::Kind(uniform(0, 2));
        fault.length = uniform(0, kSize - 1);
        fault.delayUs = uniform(0, saveUs * 6 / 5);
        fault.replacement = m_dir.filePath(QStringLiteral("replacement.bin"));
        fault.appended = m_dir.filePath(QStringLiteral("appended.bin"));
        QVERIFY(QFile::remove(file));
        QVERIFY(writeWhole(file, m_old));
        QVERIFY(writeWhole(fault.replacement, m_replacement));
        QVERIFY(writeWhole(fault.appended, m_appended));

        RawProcess saver;
        RawProcess other;
        QVERIFY(saver.start(cli, encoded(op.arguments(file))));
        QVERIFY(fault.start(other, file));
        const RawResult saved = saver.wait(60000);
        const RawResult faulted = other.wait(60000);
        const RawResult recovered = runRaw(cli, {"recover", QFile::encodeName(file)}, {}, 60000);
        const QByteArray after = readWhole(file);
        const QStringList journals = QDir(m_journals.path()).entryList(QDir::Files);
        for (const QString &j : journals) // refused or orphaned by a rename: never let the next run meet it
            QFile::remove(m_journals.filePath(j));

        const QString where = QStringLiteral("seed %1 (HEXMAP_RACE_SEED=%1), run %2: %3; other process: %4 (exit %5); "
                                             "CLI exit %6 signal %7%8: %9; recover exit %10 signal %11: %12 %13; file "
                                             "now %14 bytes, %15 journals left")
                                  .arg(seed).arg(run).arg(op.describe(), fault.describe()).arg(faulted.exitCode)
                                  .arg(saved.exitCode).arg(saved.signal)
                                  .arg(saved.timedOut ? QStringLiteral(" TIMED OUT") : QString())
                                  .arg(QString::fromLocal8Bit(saved.err.trimmed()))
                                  .arg(recovered.exitCode).arg(recovered.signal)
                                  .arg(QString::fromLocal8Bit(recovered.out.trimmed()),
                                       QString::fromLocal8Bit(recovered.err.trimmed()))
                                  .arg(after.size()).arg(journals.size());
        QVERIFY2(!saved.timedOut && saved.signal == 0, qPrintable(where));
        QVERIFY2(saved.exitCode >= 0 && saved.exitCode <= 3, qPrintable(where));
        QVERIFY2(faulted.exitCode == 0, qPrintable(where));
        QVERIFY2(!recovered.timedOut && recovered.signal == 0, qPrintable(where));
        QVERIFY2(recovered.exitCode == 0 || recovered.exitCode == 1, qPrintable(where));
        QVERIFY2(!(recovered.out + recovered.err).trimmed().isEmpty(), qPrintable(where));
        QVERIFY2(recovered.exitCode == 1 || journals.isEmpty(), qPrintable(where)); // only a refused one stays
        QString kind;
        const QString problem = check(op, fault, saved, recovered, after, &kind);
        QVERIFY2(problem.isEmpty(), qPrintable(where + QStringLiteral("\n  ") + problem));
        ++kinds[kind + QStringLiteral(" (exit %1)").arg(saved.exitCode)];
        if (qEnvironmentVariableIsSet("HEXMAP_RACE_VERBOSE"))
            qInfo("%s: %s", qPrintable(kind), qPrintable(where));
    }
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        qInfo("  %3d x %s", it.value(), qPrintable(it.key()));
    qInfo("seed %llu: %d runs in %lld ms (undisturbed saves took a median %lld us)",
          static_cast<unsigned long long>(seed),
          runs, static_cast<long long>(suite.elapsed()), static_cast<long long>(saveUs));
}

QTEST_GUILESS_MAIN(TestShiftRace)
#include "tst_shiftrace.moc"
