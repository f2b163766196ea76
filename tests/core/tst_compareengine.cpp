// The compare engine (issue 17): runs against a byte-loop reference (comparereference.h) on random, sparse (holes
// on one or both sides), shifted (start offsets) and different-size inputs, with merge gaps, a cap, several
// threads and small units; holes on both sides not read; the same file; bad arguments; cancel; a file cut during
// the compare by another thread (many runs at random moments: an error naming the offset or a right answer).
#include "comparereference.h"
#include "core/comparekernel.h"
#include "core/compareengine.h"
#include "core/piecetable.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

using namespace hexmap;
using comparetest::randomBytes;
using comparetest::referenceRuns;
using comparetest::setSize;
using comparetest::writeSparse;

namespace {

QByteArray withChanges(QByteArray data, int changes, quint32 seed)
{
    QRandomGenerator g(seed);
    for (int i = 0; i < changes && !data.isEmpty(); ++i) {
        const qsizetype at = g.bounded(data.size());
        const qsizetype len = std::min<qsizetype>(1 + g.bounded(40), data.size() - at);
        for (qsizetype k = 0; k < len; ++k)
            data[at + k] = static_cast<char>(data[at + k] ^ (1 + g.bounded(255)));
    }
    return data;
}

Result<CompareResult> compareFiles(const QString &a, const QString &b, const CompareOptions &options)
{
    auto sa = ScanSource::open(a.toStdString());
    auto sb = ScanSource::open(b.toStdString());
    if (!sa)
        return sa.error();
    if (!sb)
        return sb.error();
    ScanProgress progress;
    auto result = CompareEngine::run(*sa, *sb, options, progress);
    if (!progress.snapshot().finished)
        return Error{make_error_code(Errc::InvalidArgument), "progress not finished"};
    return result;
}

QString describe(const std::vector<CompareRun> &runs)
{
    QStringList parts;
    for (std::size_t i = 0; i < std::min<std::size_t>(runs.size(), 8); ++i)
        parts << QStringLiteral("%1+%2").arg(runs[i].offset).arg(runs[i].length);
    return QStringLiteral("%1 runs: %2").arg(runs.size()).arg(parts.join(QLatin1Char(' ')));
}

} // namespace

class TestCompareEngine : public QObject {
    Q_OBJECT
private slots:
    void kernelFindsEveryPosition();
    void runsMatchReference_data();
    void runsMatchReference();
    void holesOnBothSidesAreNotRead();
    void capReturnsTheFirstRunsExactly_data();
    void capReturnsTheFirstRunsExactly();
    void capWithWaitingWorkersEnds();
    void unsavedEditsAreCompared_data();
    void unsavedEditsAreCompared();
    void feedGetsTheFinalRunsWhileItRuns_data() { capReturnsTheFirstRunsExactly_data(); }
    void feedGetsTheFinalRunsWhileItRuns();
    void sameFileIsEqualWithoutReading();
    void differentSizesCompareTheCommonPart();
    void badArguments();
    void cancelReturnsQuickly();
    void truncationBeforeTheCompareNamesTheOffset();
    void truncationDuringTheCompareNeverCrashes();
};

void TestCompareEngine::kernelFindsEveryPosition()
{
    // One differing byte at every position of buffers of 1..200 bytes, and a run of every length at every start:
    // the word loops' edges (first / last byte of a word, of a 64-byte step, the tail).
    for (std::size_t n = 1; n <= 200; n += (n < 80 ? 1 : 7)) {
        std::vector<std::byte> a(n, std::byte{0x11});
        for (std::size_t start = 0; start < n; ++start) {
            for (std::size_t len = 1; start + len <= n; len += (len < 20 ? 1 : 13)) {
                std::vector<std::byte> b = a;
                for (std::size_t k = start; k < start + len; ++k)
                    b[k] = std::byte{0x80}; // a high bit in the XOR: the zero-byte test must not be fooled
                std::vector<CompareRun> runs;
                QVERIFY(comparekernel::appendRuns(a.data(), b.data(), n, 1000, 0, SIZE_MAX, runs));
                QCOMPARE(runs.size(), std::size_t(1));
                QCOMPARE(runs[0].offset, 1000 + start);
                QCOMPARE(runs[0].length, std::uint64_t(len));
            }
        }
    }
}

void TestCompareEngine::runsMatchReference_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("changes");
    QTest::addColumn<qint64>("offsetA");
    QTest::addColumn<qint64>("offsetB");
    QTest::addColumn<qint64>("length"); // -1: the default
    QTest::addColumn<quint64>("gap");
    QTest::addColumn<unsigned>("threads");
    QTest::addColumn<qint64>("chunk");
    QTest::newRow("1 byte equal") << qint64(1) << 0 << qint64(0) << qint64(0) << qint64(-1) << quint64(0) << 1u << qint64(1 << 20);
    QTest::newRow("1 byte differs") << qint64(1) << 1 << qint64(0) << qint64(0) << qint64(-1) << quint64(0) << 2u << qint64(1 << 20);
    QTest::newRow("page-1") << qint64(4095) << 9 << qint64(0) << qint64(0) << qint64(-1) << quint64(0) << 2u << qint64(1000);
    QTest::newRow("page+1") << qint64(4097) << 9 << qint64(0) << qint64(0) << qint64(-1) << quint64(0) << 2u << qint64(4096);
    QTest::newRow("3 MiB, 1 thread") << qint64(3 << 20) + 7 << 300 << qint64(0) << qint64(0) << qint64(-1) << quint64(0) << 1u << qint64(1 << 20);
    QTest::newRow("3 MiB, 4 threads, small units") << qint64(3 << 20) + 7 << 300 << qint64(0) << qint64(0) << qint64(-1) << quint64(0) << 4u << qint64(4093);
    QTest::newRow("gap 16") << qint64(1 << 20) << 2000 << qint64(0) << qint64(0) << qint64(-1) << quint64(16) << 2u << qint64(999);
    QTest::newRow("gap 4096") << qint64(1 << 20) << 500 << qint64(0) << qint64(0) << qint64(-1) << quint64(4096) << 3u << qint64(5000);
    QTest::newRow("range") << qint64(1 << 20) << 500 << qint64(777) << qint64(777) << qint64(500000) << quint64(0) << 2u << qint64(65536);
    QTest::newRow("shifted +3") << qint64(1 << 20) << 200 << qint64(0) << qint64(3) << qint64(-1) << quint64(0) << 2u << qint64(65536);
    QTest::newRow("shifted -4099") << qint64(1 << 20) << 200 << qint64(4099) << qint64(0) << qint64(-1) << quint64(2) << 2u << qint64(8191);
    QTest::newRow("empty rest") << qint64(4096) << 5 << qint64(4096) << qint64(4096) << qint64(-1) << quint64(0) << 2u << qint64(4096);
}

void TestCompareEngine::runsMatchReference()
{
    QFETCH(qint64, size);
    QFETCH(int, changes);
    QFETCH(qint64, offsetA);
    QFETCH(qint64, offsetB);
    QFETCH(qint64, length);
    QFETCH(quint64, gap);
    QFETCH(unsigned, threads);
    QFETCH(qint64, chunk);
    QTemporaryDir dir;
    const QByteArray a = randomBytes(size, 7);
    // B: A's bytes shifted so that B[offsetB + i] == A[offsetA + i], then changed.
    QByteArray b = a;
    if (offsetB > offsetA)
        b.prepend(randomBytes(offsetB - offsetA, 8));
    else
        b.remove(0, offsetA - offsetB);
    b = withChanges(b, changes, 9);
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, a));
    QVERIFY(writeSparse(pb, b));
    CompareOptions options;
    options.offsetA = static_cast<std::uint64_t>(offsetA);
    options.offsetB = static_cast<std::uint64_t>(offsetB);
    if (length >= 0)
        options.length = static_cast<std::uint64_t>(length);
    options.mergeGap = gap;
    options.threads = threads;
    options.chunkSize = static_cast<std::size_t>(chunk);
    auto result = compareFiles(pa, pb, options);
    QVERIFY2(result, result.message().c_str());
    const qint64 common = length >= 0 ? length : std::min(a.size() - offsetA, b.size() - offsetB);
    QCOMPARE(result->length, std::uint64_t(common));
    const auto expected = referenceRuns(a, offsetA, b, offsetB, common, gap);
    QVERIFY2(result->runs == expected, qPrintable(describe(result->runs) + QStringLiteral(" expected ") + describe(expected)));
    QCOMPARE(result->capped, false);
    QCOMPARE(result->equal(), expected.empty() && (length >= 0 || a.size() - offsetA == b.size() - offsetB));
    if (changes > 0 && common > 0)
        QVERIFY(!expected.empty()); // the reference itself sees the changes: the comparison above means something
}

void TestCompareEngine::holesOnBothSidesAreNotRead()
{
    // 256 MiB each, a few data blocks: on A only, on B only, on both (equal and not), and a difference at the
    // last byte. Runs against the reference; far fewer bytes read than compared.
    QTemporaryDir dir;
    const qint64 size = qint64(256) << 20;
    QByteArray a(size, '\0');
    QByteArray b(size, '\0');
    a.replace(1 << 20, 5, "hello");                  // A data, B hole: differs
    b.replace(9 << 20, 4, "\x01\x02\x03\x04");       // B data, A hole: differs
    a.replace(40 << 20, 6, "same!!");                // both data, equal
    b.replace(40 << 20, 6, "same!!");
    a.replace((100 << 20) + 4095, 2, "xy");          // both data across a block edge, one byte differs
    b.replace((100 << 20) + 4095, 2, "xz");
    b[size - 1] = 'E';                                // the last byte
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, a));
    QVERIFY(writeSparse(pb, b));
    auto sa = ScanSource::open(pa.toStdString());
    auto sb = ScanSource::open(pb.toStdString());
    QVERIFY(sa && sb);
    ScanProgress progress;
    auto result = CompareEngine::run(*sa, *sb, {}, progress);
    QVERIFY2(result, result.message().c_str());
    const auto expected = referenceRuns(a, 0, b, 0, size);
    QVERIFY2(result->runs == expected, qPrintable(describe(result->runs)));
    QCOMPARE(expected.size(), std::size_t(4));
    const ScanProgressSnapshot s = progress.snapshot();
    QCOMPARE(s.bytesDone, std::uint64_t(size));
    QVERIFY2(s.bytesRead < (16u << 20), qPrintable(QString::number(s.bytesRead))); // 2 x 256 MiB if holes were read
}

void TestCompareEngine::capReturnsTheFirstRunsExactly_data()
{
    QTest::addColumn<quint64>("maxRuns");
    QTest::addColumn<quint64>("gap");
    QTest::addColumn<unsigned>("threads");
    QTest::newRow("1") << quint64(1) << quint64(0) << 4u;
    QTest::newRow("7, gap 3") << quint64(7) << quint64(3) << 2u;
    QTest::newRow("100, 3 threads") << quint64(100) << quint64(0) << 3u;
    QTest::newRow("all but one") << quint64(0) << quint64(0) << 2u; // 0: the reference's count - 1
    QTest::newRow("exactly all") << quint64(UINT64_MAX) << quint64(0) << 2u; // the reference's count
}

void TestCompareEngine::capReturnsTheFirstRunsExactly()
{
    QFETCH(quint64, maxRuns);
    QFETCH(quint64, gap);
    QFETCH(unsigned, threads);
    QTemporaryDir dir;
    const QByteArray a = randomBytes(2 << 20, 11);
    const QByteArray b = withChanges(a, 400, 12);
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, a));
    QVERIFY(writeSparse(pb, b));
    const auto all = referenceRuns(a, 0, b, 0, a.size(), gap);
    QVERIFY(all.size() > 100);
    const bool exactlyAll = maxRuns == UINT64_MAX;
    if (maxRuns == 0)
        maxRuns = all.size() - 1;
    if (exactlyAll)
        maxRuns = all.size();
    CompareOptions options;
    options.maxRuns = maxRuns;
    options.mergeGap = gap;
    options.threads = threads;
    options.chunkSize = 3000; // runs cross unit edges
    auto result = compareFiles(pa, pb, options);
    QVERIFY2(result, result.message().c_str());
    const std::vector<CompareRun> first(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(maxRuns));
    QVERIFY2(result->runs == first, qPrintable(describe(result->runs) + QStringLiteral(" vs ") + describe(first)));
    QCOMPARE(result->capped, !exactlyAll);
    QVERIFY(!result->equal());
}

void TestCompareEngine::capWithWaitingWorkersEnds()
{
    // Many workers on tiny units, so several wait for a slot of the window when the cap is reached: they must
    // stop waiting (the compare ends) and the first runs stay exact.
    QTemporaryDir dir;
    const QByteArray a = randomBytes(1 << 20, 51);
    const QByteArray b = withChanges(a, 3000, 52);
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, a));
    QVERIFY(writeSparse(pb, b));
    const auto all = referenceRuns(a, 0, b, 0, a.size());
    for (int round = 0; round < 30; ++round) {
        CompareOptions options;
        options.threads = 8;
        options.chunkSize = 64;
        options.maxRuns = 1 + static_cast<std::uint64_t>(round % 5);
        auto result = compareFiles(pa, pb, options);
        QVERIFY2(result, result.message().c_str());
        QVERIFY(result->capped);
        QVERIFY(result->runs == std::vector<CompareRun>(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(options.maxRuns)));
    }
}

void TestCompareEngine::unsavedEditsAreCompared_data()
{
    QTest::addColumn<qint64>("shift");   // B = shift random bytes, then A's (compared from offsetB = shift)
    QTest::addColumn<unsigned>("threads");
    QTest::addColumn<qint64>("chunk");
    QTest::addColumn<quint64>("gap");
    QTest::newRow("aligned, 1 thread") << qint64(0) << 1u << qint64(1 << 20) << quint64(0);
    QTest::newRow("aligned, small units") << qint64(0) << 3u << qint64(3000) << quint64(0);
    QTest::newRow("shifted 5, gap 8") << qint64(5) << 2u << qint64(4096) << quint64(8);
    QTest::newRow("shifted 4096") << qint64(4096) << 2u << qint64(65536) << quint64(0);
}

void TestCompareEngine::unsavedEditsAreCompared()
{
    // Both files are sparse (data, then a 3 MiB hole, then data, then a hole to the end); each side has unsaved
    // edits in data and in holes (also inside the stretch where both sides are holes, compared without reading
    // it), some undoing a change (equal again). The runs equal the reference on the edited bytes.
    QFETCH(qint64, shift);
    QFETCH(unsigned, threads);
    QFETCH(qint64, chunk);
    QFETCH(quint64, gap);
    QTemporaryDir dir;
    QByteArray a(8 << 20, '\0');
    a.replace(0, 1 << 20, randomBytes(1 << 20, 41));
    a.replace(4 << 20, 1 << 20, randomBytes(1 << 20, 42));
    QByteArray b = withChanges(QByteArray(a), 300, 43).prepend(QByteArray(shift, '\x11'));
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, a));
    QVERIFY(writeSparse(pb, b));
    // The documents: each file with unsaved overwrites (pieces over the file).
    PieceTable docA(std::uint64_t(a.size()));
    PieceTable docB(std::uint64_t(b.size()));
    PieceTable *editA = &docA, *editB = &docB;
    std::vector<std::pair<qint64, QByteArray>> runsB; // B's edits, to lay them over A for the same-file check
    QByteArray ea = a, eb = b; // the reference: the edits applied to copies
    QRandomGenerator g(44);
    const auto edit = [&](PieceTable &o, QByteArray &copy, qint64 at, QByteArray bytes) {
        QVERIFY(o.overwrite(std::uint64_t(at), std::as_bytes(std::span(bytes.constData(), std::size_t(bytes.size())))));
        copy.replace(at, bytes.size(), bytes);
        if (&o == &docB)
            runsB.emplace_back(at, bytes);
    };
    for (int i = 0; i < 60; ++i) { // anywhere: data and holes of each side
        const qint64 at = g.bounded(a.size() - 64);
        edit(*editA, ea, at, randomBytes(1 + g.bounded(40), quint32(100 + i)));
        edit(*editB, eb, shift + g.bounded(a.size() - 64), randomBytes(1 + g.bounded(40), quint32(200 + i)));
    }
    for (qint64 at : {qint64(2 << 20) + 5, qint64(6 << 20) + 4097, qint64(8 << 20) - 3}) // both sides holes
        edit(*editA, ea, at, QByteArray("\x01\x02\x03", 3));
    edit(*editB, eb, shift + (2 << 20) + 6, QByteArray("\x02", 1)); // equal to A's edit: no difference there
    edit(*editB, eb, shift + (7 << 20), QByteArray(5000, '\x05'));  // B only, inside the common hole
    for (qint64 at = 0; at < (1 << 20); at += 1 << 16) // undo some of B's changes: B equals A again there
        edit(*editB, eb, shift + at, ea.mid(at, 16));
    CompareOptions options;
    options.offsetB = std::uint64_t(shift);
    options.threads = threads;
    options.chunkSize = std::size_t(chunk);
    options.mergeGap = gap;
    options.documentA = docA.snapshot();
    options.documentB = docB.snapshot();
    auto result = compareFiles(pa, pb, options);
    QVERIFY2(result, result.message().c_str());
    const auto expected = referenceRuns(ea, 0, eb, shift, a.size(), gap);
    QVERIFY2(result->runs == expected, qPrintable(describe(result->runs) + QStringLiteral(" expected ") + describe(expected)));
    QVERIFY(referenceRuns(a, 0, b, shift, a.size(), gap) != expected); // the edits matter
    // The same file with edits on one side is compared, not "the same file".
    PieceTable overA(std::uint64_t(a.size())); // B's edits over file A (those inside it)
    QByteArray x = a;
    for (const auto &[at, bytes] : runsB) {
        const QByteArray part = bytes.left(std::max<qint64>(0, std::min<qint64>(bytes.size(), a.size() - at)));
        if (part.isEmpty())
            continue;
        QVERIFY(overA.overwrite(std::uint64_t(at), std::as_bytes(std::span(part.constData(), std::size_t(part.size())))));
        x.replace(at, part.size(), part);
    }
    CompareOptions same;
    same.documentB = overA.snapshot();
    auto self = compareFiles(pa, pa, same);
    QVERIFY2(self, self.message().c_str());
    QVERIFY(!self->sameFile);
    QCOMPARE(self->runs, referenceRuns(a, 0, x, 0, a.size()));
}

void TestCompareEngine::feedGetsTheFinalRunsWhileItRuns()
{
    // A thread takes from the feed while the compare runs (as the compare window's timer does): what it took,
    // in order, is a prefix of the result's runs, never past the cap, and lacks at most the last run.
    QFETCH(quint64, maxRuns);
    QFETCH(quint64, gap);
    QFETCH(unsigned, threads);
    QTemporaryDir dir;
    const QByteArray a = randomBytes(2 << 20, 13);
    const QByteArray b = withChanges(a, 400, 14);
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, a));
    QVERIFY(writeSparse(pb, b));
    const auto all = referenceRuns(a, 0, b, 0, a.size(), gap);
    if (maxRuns == 0)
        maxRuns = all.size() - 1;
    if (maxRuns == UINT64_MAX)
        maxRuns = all.size();
    auto sa = ScanSource::open(pa.toStdString());
    auto sb = ScanSource::open(pb.toStdString());
    QVERIFY(sa && sb);
    CompareOptions options;
    options.maxRuns = maxRuns;
    options.mergeGap = gap;
    options.threads = threads;
    options.chunkSize = 3000; // runs cross unit edges: the last run of a unit may still grow
    ScanProgress progress;
    CompareRunFeed feed;
    std::vector<CompareRun> taken;
    std::atomic<bool> done{false};
    std::thread taker([&] {
        while (!done.load()) {
            auto more = feed.take();
            taken.insert(taken.end(), more.begin(), more.end());
            std::this_thread::yield();
        }
    });
    auto result = CompareEngine::run(*sa, *sb, options, progress, &feed);
    done.store(true);
    taker.join();
    auto rest = feed.take();
    taken.insert(taken.end(), rest.begin(), rest.end());
    QVERIFY2(result, result.message().c_str());
    QVERIFY(taken.size() <= result->runs.size());
    QVERIFY(taken.size() + 1 >= result->runs.size());
    QVERIFY2(std::equal(taken.begin(), taken.end(), result->runs.begin()),
             qPrintable(describe(taken) + QStringLiteral(" vs ") + describe(result->runs)));
}

void TestCompareEngine::sameFileIsEqualWithoutReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("one"));
    QVERIFY(writeSparse(path, randomBytes(1 << 20, 3)));
    QVERIFY(QFile::link(path, dir.filePath(QStringLiteral("link"))));
    auto sa = ScanSource::open(path.toStdString());
    auto sb = ScanSource::open(dir.filePath(QStringLiteral("link")).toStdString());
    QVERIFY(sa && sb);
    ScanProgress progress;
    auto same = CompareEngine::run(*sa, *sb, {}, progress);
    QVERIFY(same);
    QVERIFY(same->sameFile);
    QVERIFY(same->equal());
    QCOMPARE(progress.snapshot().bytesRead, std::uint64_t(0));
    QVERIFY(progress.snapshot().finished);
    // The same file at two offsets is a real compare.
    CompareOptions shifted;
    shifted.offsetB = 1;
    auto other = CompareEngine::run(*sa, *sb, shifted, progress);
    QVERIFY(other);
    QVERIFY(!other->sameFile);
    QVERIFY(!other->equal());
    QVERIFY(progress.snapshot().bytesRead > 0);
}

void TestCompareEngine::differentSizesCompareTheCommonPart()
{
    QTemporaryDir dir;
    const QByteArray a = randomBytes(100000, 5);
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, a));
    QVERIFY(writeSparse(pb, a.left(60000)));
    auto result = compareFiles(pa, pb, {});
    QVERIFY(result);
    QCOMPARE(result->length, std::uint64_t(60000));
    QVERIFY(result->runs.empty());
    QVERIFY(result->sizesDiffer());
    QVERIFY(!result->equal());
    QCOMPARE(result->sizeA, std::uint64_t(100000));
    QCOMPARE(result->sizeB, std::uint64_t(60000));
    // A given length inside both compares exactly that: equal.
    CompareOptions options;
    options.length = 60000;
    auto given = compareFiles(pa, pb, options);
    QVERIFY(given);
    QVERIFY(given->equal());
}

void TestCompareEngine::badArguments()
{
    QTemporaryDir dir;
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, "abcdef"));
    QVERIFY(writeSparse(pb, "abcdefgh"));
    CompareOptions noRuns;
    noRuns.maxRuns = 0;
    QCOMPARE(compareFiles(pa, pb, noRuns).code(), make_error_code(Errc::InvalidArgument));
    CompareOptions noChunk;
    noChunk.chunkSize = 0;
    QCOMPARE(compareFiles(pa, pb, noChunk).code(), make_error_code(Errc::InvalidArgument));
    CompareOptions pastA;
    pastA.offsetA = 7;
    auto r = compareFiles(pa, pb, pastA);
    QVERIFY2(r.code() == make_error_code(Errc::OutOfBounds), r.message().c_str());
    QVERIFY2(r.message().find("offset 7") != std::string::npos && r.message().find("/a") != std::string::npos,
             r.message().c_str());
    CompareOptions longer;
    longer.offsetB = 2;
    longer.length = 7; // past the end of A (6 bytes)
    r = compareFiles(pa, pb, longer);
    QCOMPARE(r.code(), make_error_code(Errc::OutOfBounds));
    QVERIFY2(r.message().find("length 7") != std::string::npos, r.message().c_str());
    CompareOptions pastB;
    pastB.length = 7;
    r = compareFiles(pb, pa, pastB);
    QVERIFY2(r.message().find("/a") != std::string::npos, r.message().c_str());
    CompareOptions atEnd; // a start exactly at the end is the empty rest, not an error
    atEnd.offsetA = 6;
    atEnd.offsetB = 8;
    auto empty = compareFiles(pa, pb, atEnd);
    QVERIFY(empty);
    QVERIFY(empty->equal());
    ScanProgress progress;
    QCOMPARE(CompareEngine::run(ScanSource(), ScanSource(), {}, progress).code(),
             make_error_code(Errc::InvalidArgument));
}

void TestCompareEngine::cancelReturnsQuickly()
{
    QTemporaryDir dir;
    const QByteArray data = randomBytes(32 << 20, 21);
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, data));
    QVERIFY(writeSparse(pb, data));
    auto sa = ScanSource::open(pa.toStdString());
    auto sb = ScanSource::open(pb.toStdString());
    QVERIFY(sa && sb);
    CompareOptions options;
    options.chunkSize = 16; // 2 M units: many seconds, so the cancel lands inside
    ScanProgress progress;
    Result<CompareResult> result = Error{make_error_code(Errc::InvalidArgument), "not run"};
    std::thread worker([&] { result = CompareEngine::run(*sa, *sb, options, progress); });
    QTRY_VERIFY(progress.snapshot().bytesDone > 0);
    const auto asked = std::chrono::steady_clock::now();
    progress.requestCancel();
    QTRY_VERIFY_WITH_TIMEOUT(progress.snapshot().finished, 5000);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - asked);
    worker.join();
    QCOMPARE(result.code(), make_error_code(Errc::Cancelled));
    QVERIFY(progress.snapshot().bytesDone < progress.snapshot().bytesTotal);
    // The contract is 100 ms; the bound leaves room for sanitizer builds on a loaded CI machine.
    QVERIFY2(ms.count() < 1000, qPrintable(QString::number(ms.count())));
}

void TestCompareEngine::truncationBeforeTheCompareNamesTheOffset()
{
    QTemporaryDir dir;
    const QByteArray data = randomBytes(4 << 20, 31);
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, data));
    QVERIFY(writeSparse(pb, data));
    auto sa = ScanSource::open(pa.toStdString());
    auto sb = ScanSource::open(pb.toStdString());
    QVERIFY(sa && sb);
    QVERIFY(setSize(pb, 1 << 20)); // cut after open: the sizes the engine knows are stale
    ScanProgress progress;
    auto result = CompareEngine::run(*sa, *sb, {}, progress);
    QCOMPARE(result.code(), make_error_code(Errc::FileTruncated));
    QVERIFY2(result.message().find("offset 1048576") != std::string::npos, result.message().c_str());
    QVERIFY2(result.message().find("/b") != std::string::npos, result.message().c_str());
    // Inside a hole: nothing is read there, the size tells.
    QByteArray sparse(64 << 20, '\0');
    sparse[0] = 'x';
    QVERIFY(writeSparse(pa, sparse));
    QVERIFY(writeSparse(pb, sparse));
    auto ha = ScanSource::open(pa.toStdString());
    auto hb = ScanSource::open(pb.toStdString());
    QVERIFY(ha && hb);
    QVERIFY(setSize(pa, 8192));
    auto hole = CompareEngine::run(*ha, *hb, {}, progress);
    QCOMPARE(hole.code(), make_error_code(Errc::FileTruncated));
    QVERIFY2(hole.message().find("offset 8192") != std::string::npos, hole.message().c_str());
}

void TestCompareEngine::truncationDuringTheCompareNeverCrashes()
{
    // Another thread cuts B at a random moment of each compare: the result is FileTruncated naming B, or (when
    // the cut came after the last check) the right runs. Never a crash or a hang.
    QTemporaryDir dir;
    const QByteArray a = randomBytes(8 << 20, 41);
    const QByteArray b = withChanges(a, 50, 42);
    const QString pa = dir.filePath(QStringLiteral("a")), pb = dir.filePath(QStringLiteral("b"));
    QVERIFY(writeSparse(pa, a));
    const auto expected = referenceRuns(a, 0, b, 0, a.size());
    std::mt19937 random(4242);
    int cut = 0;
    for (int round = 0; round < 30; ++round) {
        QVERIFY(writeSparse(pb, b));
        auto sa = ScanSource::open(pa.toStdString());
        auto sb = ScanSource::open(pb.toStdString());
        QVERIFY(sa && sb);
        CompareOptions options;
        options.threads = 1 + round % 3;
        options.chunkSize = 1 << 14;
        const auto delay = std::chrono::microseconds(random() % 20000);
        const qint64 newSize = static_cast<qint64>(random() % (8u << 20));
        std::thread cutter([&] {
            std::this_thread::sleep_for(delay);
            setSize(pb, newSize);
        });
        ScanProgress progress;
        auto result = CompareEngine::run(*sa, *sb, options, progress);
        cutter.join();
        QVERIFY(progress.snapshot().finished);
        if (result) {
            QVERIFY2(result->runs == expected, qPrintable(describe(result->runs)));
        } else {
            QCOMPARE(result.code(), make_error_code(Errc::FileTruncated));
            QVERIFY2(result.message().find("/b: the file ends at offset") != std::string::npos,
                     result.message().c_str());
            ++cut;
        }
    }
    QVERIFY2(cut > 0, "no cut landed inside a compare: the test proves nothing");
}

QTEST_GUILESS_MAIN(TestCompareEngine)
#include "tst_compareengine.moc"
