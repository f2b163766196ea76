// The scan engine over a document (ScanOptions::document / SearchScanOptions::document, a PieceSnapshot over a file):
// random documents (a dense file and a sparse one with real holes, edited by random inserts, fills, erases and
// overwrites) are searched (matches across piece borders, inside inserted bytes and fills, zeros in holes and in zero
// fills), hashed with every algorithm and counted (histogram, entropy per block), each result checked against the
// same consumer run over the materialised document (a std::vector). A 1 TiB sparse file with a few edits is
// scanned without reading its holes; a file cut under its document fails with Errc::FileTruncated.
#include "core/hashconsumer.h"
#include "core/scanengine.h"
#include "core/searchconsumer.h"
#include "core/searchscan.h"
#include "core/statsconsumer.h"
#include "documenttesthelpers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <unistd.h>

using namespace hexmap;

namespace {

SearchMatcher matcher(const char *hex)
{
    auto pattern = SearchPattern::fromHex(hex);
    if (!pattern)
        qFatal("pattern %s: %s", hex, pattern.message().c_str());
    return SearchMatcher(std::move(*pattern));
}

// Every match of `hex` in bytes [range) of the model, by the same consumer over the vector in one call.
std::vector<std::uint64_t> reference(const char *hex, const std::vector<std::byte> &bytes, ByteRange range)
{
    SearchConsumer consumer(matcher(hex), SearchConsumer::Mode::All, 1u << 26);
    consumer.consume(range.offset, std::span(bytes).subspan(std::size_t(range.offset), std::size_t(range.size)),
                     std::size_t(range.size));
    return consumer.takeAll();
}

// Counts what the engine delivers: owned bytes in data units and in zero units (holes, zero fills).
class CountingConsumer : public ScanConsumer {
public:
    bool ordered() const override { return false; }
    void consume(std::uint64_t, std::span<const std::byte>, std::size_t owned) override { data += owned; }
    void consumeZeros(std::uint64_t, std::uint64_t owned, std::uint64_t) override { zeros += owned; }
    std::atomic<std::uint64_t> data{0};
    std::atomic<std::uint64_t> zeros{0};
};

const char *const kPatterns[] = {
    "DE AD BE EF 42",          // the marker: in the file, inserted, in fills, across piece borders
    "00 00 00 00 00 00 00 00", // zeros: in holes, zero fills and zero runs of data
    "00 00 DE AD",             // from zeros into data
    "EF ?? ?? 00",             // a wildcard
};

} // namespace

class TestDocumentScan : public QObject {
    Q_OBJECT
private slots:
    void searchesTheDocument_data();
    void searchesTheDocument();
    void hashesAndStatsMatchTheModel_data();
    void hashesAndStatsMatchTheModel();
    void terabyteSparseDocumentSkipsItsHoles();
    void fileCutUnderTheDocumentFails();

private:
    QTemporaryDir m_dir;
};

void TestDocumentScan::searchesTheDocument_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 5; ++seed) {
        QTest::addRow("dense-%llu", seed) << QStringLiteral("dense") << seed;
        QTest::addRow("sparse-%llu", seed) << QStringLiteral("sparse") << seed + 100;
    }
}

void TestDocumentScan::searchesTheDocument()
{
    QFETCH(QString, kind);
    QFETCH(quint64, seed);
    std::string error;
    const auto doc = doctest::makeDocument(m_dir.filePath(QStringLiteral("search-%1").arg(seed)).toStdString(), kind,
                                           seed, 40, &error);
    QVERIFY2(error.empty(), error.c_str());
    auto source = ScanSource::open(doc.path);
    QVERIFY2(source, source.message().c_str());
    std::mt19937_64 rng(seed);
    for (const char *hex : kPatterns) {
        SearchScanOptions options;
        options.document = doc.snapshot();
        options.threads = unsigned(1 + rng() % 3);
        options.chunkSize = rng() % 2 ? 4096 : 65536;
        options.maxMatches = 1u << 24;
        options.firstWindow = 5000;
        const ByteRange whole{0, doc.model.size()};
        const auto expected = reference(hex, doc.bytes(), whole);
        QVERIFY2(!expected.empty(), hex); // every pattern occurs: the test means something
        ScanProgress progress;
        auto all = SearchScan::findAll(*source, matcher(hex), options, progress);
        QVERIFY2(all, all.message().c_str());
        QVERIFY2(all->offsets == expected, qPrintable(QStringLiteral("%1: %2 matches, expected %3")
                                                          .arg(QLatin1String(hex))
                                                          .arg(all->offsets.size())
                                                          .arg(expected.size())));
        QCOMPARE(progress.snapshot().bytesDone, whole.size);
        // A sub-range: matches wholly inside it.
        const std::uint64_t from = rng() % doc.model.size();
        const ByteRange part{from, rng() % (doc.model.size() - from + 1)};
        options.range = part;
        auto inside = SearchScan::findAll(*source, matcher(hex), options, progress);
        QVERIFY2(inside, inside.message().c_str());
        QVERIFY(inside->offsets == reference(hex, doc.bytes(), part));
        options.range.reset();
        // Next and previous from random places, without wrapping.
        for (int i = 0; i < 6; ++i) {
            const std::uint64_t at = rng() % doc.model.size();
            const auto next = std::lower_bound(expected.begin(), expected.end(), at);
            auto hit = SearchScan::findNext(*source, matcher(hex), at, SearchDirection::Forward, false, options, progress);
            QVERIFY2(hit, hit.message().c_str());
            QCOMPARE(hit->offset, next == expected.end() ? std::optional<std::uint64_t>() : *next);
            const auto previous = std::upper_bound(expected.begin(), expected.end(), at);
            hit = SearchScan::findNext(*source, matcher(hex), at, SearchDirection::Backward, false, options, progress);
            QVERIFY2(hit, hit.message().c_str());
            QCOMPARE(hit->offset, previous == expected.begin() ? std::optional<std::uint64_t>() : *(previous - 1));
        }
    }
}

void TestDocumentScan::hashesAndStatsMatchTheModel_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("whole");
    for (quint64 seed = 1; seed <= 4; ++seed) {
        QTest::addRow("dense-%llu", seed) << QStringLiteral("dense") << seed << (seed % 2 == 1);
        QTest::addRow("sparse-%llu", seed) << QStringLiteral("sparse") << seed + 200 << (seed % 2 == 0);
    }
}

void TestDocumentScan::hashesAndStatsMatchTheModel()
{
    QFETCH(QString, kind);
    QFETCH(quint64, seed);
    QFETCH(bool, whole);
    std::string error;
    const auto doc = doctest::makeDocument(m_dir.filePath(QStringLiteral("hash-%1").arg(seed)).toStdString(), kind,
                                           seed, 30, &error);
    QVERIFY2(error.empty(), error.c_str());
    auto source = ScanSource::open(doc.path);
    QVERIFY2(source, source.message().c_str());
    std::mt19937_64 rng(seed);
    const std::uint64_t size = doc.model.size();
    const std::uint64_t from = whole ? 0 : rng() % (size / 2);
    const ByteRange range{from, whole ? size : size / 2 + rng() % (size / 2 - from + 1)};
    const std::uint64_t block = 4096 + rng() % 5000;

    std::vector<std::unique_ptr<HashConsumer>> hashes;
    std::vector<std::unique_ptr<HashConsumer>> referenceHashes;
    std::vector<ScanConsumer *> consumers;
    for (HashAlgorithm a : allHashAlgorithms()) {
        hashes.push_back(std::make_unique<HashConsumer>(a));
        consumers.push_back(hashes.back().get());
        referenceHashes.push_back(std::make_unique<HashConsumer>(a));
    }
    auto stats = StatsConsumer::create(range, block);
    auto referenceStats = StatsConsumer::create(range, block);
    QVERIFY(stats && referenceStats);
    consumers.push_back(stats->get());
    CountingConsumer counted;
    consumers.push_back(&counted);

    ScanOptions options;
    options.document = doc.snapshot();
    options.range = range;
    options.threads = unsigned(1 + rng() % 3);
    options.chunkSize = rng() % 2 ? 4096 : 65536;
    ScanProgress progress;
    const Status status = ScanEngine::run(*source, consumers, options, progress);
    QVERIFY2(status, status.message().c_str());
    QCOMPARE(progress.snapshot().bytesDone, range.size);
    QCOMPARE(counted.data + counted.zeros, range.size);

    // The same consumers over the materialised document.
    const auto bytes = std::span(doc.bytes()).subspan(std::size_t(range.offset), std::size_t(range.size));
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        referenceHashes[i]->consume(range.offset, bytes, bytes.size());
        auto got = hashes[i]->result();
        auto want = referenceHashes[i]->result();
        QVERIFY(got && want);
        QVERIFY2(*got == *want, hashName(hashes[i]->algorithm()));
    }
    (*referenceStats)->consume(range.offset, bytes, bytes.size());
    QVERIFY((*stats)->histogram() == (*referenceStats)->histogram());
    QCOMPARE((*stats)->blockCount(), (*referenceStats)->blockCount());
    for (std::uint64_t b = 0; b < (*stats)->blockCount(); ++b) {
        QCOMPARE((*stats)->entropy(b), (*referenceStats)->entropy(b));
        QCOMPARE((*stats)->byteClass(b), (*referenceStats)->byteClass(b));
    }
}

void TestDocumentScan::terabyteSparseDocumentSkipsItsHoles()
{
    constexpr std::uint64_t GiB = 1ull << 30;
    const std::string path = m_dir.filePath(QStringLiteral("terabyte")).toStdString();
    std::vector<std::byte> island(4096, std::byte{0x11});
    std::copy(doctest::kMarker.begin(), doctest::kMarker.end(), island.begin() + 100);
    {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        QVERIFY(fd >= 0);
        const bool ok = ::ftruncate(fd, off_t(1024 * GiB)) == 0 &&
                        ::pwrite(fd, island.data(), island.size(), off_t(512 * GiB)) == ssize_t(island.size());
        QVERIFY(::close(fd) == 0 && ok);
    }
    PieceTable table(1024 * GiB);
    QVERIFY(table.insert(100 * GiB, doctest::kMarker));                                  // inserted bytes
    const std::byte zero{0};
    QVERIFY(table.insertFill(300 * GiB, std::span(&zero, 1), 10 * GiB));                 // a huge zero fill
    QVERIFY(table.erase(700 * GiB, GiB));                                                 // an erase
    QVERIFY(table.insertFill(900 * GiB, doctest::kMarker, doctest::kMarker.size() * 2)); // two markers, a fill
    const PieceSnapshot doc = table.snapshot();
    auto source = ScanSource::open(path);
    QVERIFY2(source, source.message().c_str());

    SearchScanOptions options;
    options.document = doc;
    ScanProgress progress;
    auto all = SearchScan::findAll(*source, matcher("DE AD BE EF 42"), options, progress);
    QVERIFY2(all, all.message().c_str());
    const std::uint64_t island0 = *doc.mapOriginal(512 * GiB); // moved by the insert and the fill before it
    QCOMPARE(island0, 512 * GiB + 5 + 10 * GiB);
    const std::uint64_t fillAt = 900 * GiB; // inserted last, at this document offset
    QCOMPARE(all->offsets,
             (std::vector<std::uint64_t>{100 * GiB, island0 + 100, fillAt, fillAt + doctest::kMarker.size()}));
    QCOMPARE(progress.snapshot().bytesDone, doc.size());
    QVERIFY2(progress.snapshot().bytesRead < (16u << 20), "the holes were read"); // 1 TiB + 9 GiB: a few KiB of data

    CountingConsumer counted;
    ScanConsumer *consumers[] = {&counted};
    ScanOptions scan;
    scan.document = doc;
    QVERIFY(ScanEngine::run(*source, consumers, scan, progress));
    QCOMPARE(counted.data + counted.zeros, doc.size());
    QVERIFY(counted.zeros > doc.size() - (16u << 20)); // the zero fill is a hole for the consumers too
}

void TestDocumentScan::fileCutUnderTheDocumentFails()
{
    std::string error;
    const auto doc = doctest::makeDocument(m_dir.filePath(QStringLiteral("cut")).toStdString(),
                                           QStringLiteral("dense"), 7, 20, &error);
    QVERIFY2(error.empty(), error.c_str());
    auto source = ScanSource::open(doc.path);
    QVERIFY(source);
    QVERIFY(::truncate(doc.path.c_str(), off_t(doc.file.size() / 2)) == 0); // after the source was opened
    SearchScanOptions options;
    options.document = doc.snapshot();
    ScanProgress progress;
    auto all = SearchScan::findAll(*source, matcher("DE AD"), options, progress);
    QVERIFY(!all);
    QCOMPARE(all.code(), make_error_code(Errc::FileTruncated));
    QVERIFY2(all.message().find(doc.path) != std::string::npos, all.message().c_str());
    // Opened after the cut: refused before reading.
    auto later = ScanSource::open(doc.path);
    QVERIFY(later);
    CountingConsumer counted;
    ScanConsumer *consumers[] = {&counted};
    ScanOptions scan;
    scan.document = doc.snapshot();
    const Status status = ScanEngine::run(*later, consumers, scan, progress);
    QCOMPARE(status.code(), make_error_code(Errc::FileTruncated));
    QVERIFY(progress.snapshot().finished); // ends once, also when refused
    QVERIFY2(status.message().find(std::to_string(doc.file.size() / 2)) != std::string::npos, status.message().c_str());
}

QTEST_GUILESS_MAIN(TestDocumentScan)
#include "tst_documentscan.moc"
