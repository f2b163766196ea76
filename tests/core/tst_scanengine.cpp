// The scan engine and its consumers (issue 16): every hash, the statistics and the search against Python's
// hashlib/zlib/entropy (scanreference.h) on random, text, sparse and edited inputs, all consumers in one pass;
// holes skipped; a file cut during a scan; cancel; bad arguments.
#include "core/piecetable.h"
#include "core/hashconsumer.h"
#include "core/scanengine.h"
#include "core/searchconsumer.h"
#include "core/statsconsumer.h"
#include "scanreference.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace hexmap;

namespace {

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator g(seed);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = static_cast<char>(g.bounded(256));
    return b;
}

QByteArray textBytes(qsizetype n)
{
    static const QByteArray words = "the quick brown fox jumps over the lazy dog\nhexmap scans 0123456789 ";
    QByteArray b;
    while (b.size() < n)
        b += words;
    b.truncate(n);
    return b;
}

bool writeAt(const QString &path, qint64 offset, const QByteArray &bytes)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::pwrite(fd, bytes.constData(), static_cast<size_t>(bytes.size()), offset) == bytes.size();
    return ::close(fd) == 0 && ok;
}

// Creates the file when missing, then sets its size (growing makes a hole).
bool makeSize(const QString &path, qint64 size)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::ftruncate(fd, size) == 0;
    return ::close(fd) == 0 && ok;
}

// A consumer that calls `hook` once, on the first unit it sees (unordered, so on a worker).
class HookConsumer final : public ScanConsumer {
public:
    explicit HookConsumer(std::function<void()> hook) : m_hook(std::move(hook)) {}
    bool ordered() const override { return false; }
    void consume(std::uint64_t, std::span<const std::byte>, std::size_t) override { fire(); }
    void consumeZeros(std::uint64_t, std::uint64_t, std::uint64_t) override { fire(); }

private:
    void fire()
    {
        if (!m_fired.exchange(true))
            m_hook();
    }
    std::function<void()> m_hook;
    std::atomic<bool> m_fired{false};
};

} // namespace

class TestScanEngine : public QObject {
    Q_OBJECT
private slots:
    void everyConsumerMatchesPython_data();
    void everyConsumerMatchesPython();
    void holesAreNotRead();
    void matchAcrossHoleEdgeIsFound();
    void firstMatchStopsEarly();
    void truncationDuringScanNamesTheOffset();
    void truncationInsideAHoleIsAnError();
    void cancelReturnsQuickly();
    void cancelBeforeStart();
    void badArguments();
    void openErrors();
};

void TestScanEngine::everyConsumerMatchesPython_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("length"); // -1: to the end
    QTest::addColumn<unsigned>("threads");
    QTest::addColumn<qint64>("chunk");
    QTest::newRow("random, 3 threads, odd chunks") << "random" << qint64(0) << qint64(-1) << 3u << qint64(65537);
    QTest::newRow("random, sub-range, 1 thread") << "random" << qint64(4097) << qint64(250001) << 1u << qint64(1 << 20);
    QTest::newRow("text, 2 threads") << "text" << qint64(0) << qint64(-1) << 2u << qint64(100000);
    QTest::newRow("sparse, 2 threads") << "sparse" << qint64(0) << qint64(-1) << 2u << qint64(65536);
    QTest::newRow("sparse, range in holes") << "sparse" << qint64(100) << qint64(768 << 10) << 4u << qint64(32768);
    QTest::newRow("edited random") << "edited" << qint64(0) << qint64(-1) << 2u << qint64(65536);
    QTest::newRow("edited sparse") << "editedsparse" << qint64(0) << qint64(-1) << 3u << qint64(40000);
}

void TestScanEngine::everyConsumerMatchesPython()
{
    QFETCH(QString, kind);
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    QFETCH(unsigned, threads);
    QFETCH(qint64, chunk);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("f.bin"));
    const QByteArray pattern = QByteArray::fromHex("00006f78"); // zeros + "ox": hits in holes' edges and text
    std::vector<std::pair<qint64, QByteArray>> overwrites; // applied to the document once the file is written
    QJsonArray edits;
    const auto edit = [&](qint64 at, const QByteArray &bytes) {
        overwrites.emplace_back(at, bytes);
        edits.append(QJsonArray{at, QString::fromLatin1(bytes.toHex())});
    };
    if (kind == QLatin1String("random") || kind == QLatin1String("edited")) {
        QVERIFY(writeAt(path, 0, randomBytes(300007, 7)));
    } else if (kind == QLatin1String("text")) {
        QVERIFY(writeAt(path, 0, textBytes(250001) + QByteArray(3, '\0') + "ox"));
    } else { // sparse: holes at the start, in the middle and at the end
        QVERIFY(makeSize(path, 1 << 20));
        QVERIFY(writeAt(path, 128 << 10, randomBytes(80000, 9)));
        QVERIFY(writeAt(path, (512 << 10) + 5, "ox" + textBytes(70000)));
    }
    if (kind.startsWith(QLatin1String("edited"))) {
        edit(10, "ox");
        edit(65535, QByteArray::fromHex("00006f78"));         // across a chunk edge
        edit(200000, randomBytes(5000, 3));
        if (kind == QLatin1String("editedsparse")) { // inside a hole: must be read, not skipped
            edit(800 << 10, QByteArray(70000, '\xff'));
            edit((800 << 10) + 100000, QByteArray::fromHex("00006f"));
        }
    }
    if (length < 0)
        length = QFileInfo(path).size() - offset;

    auto source = ScanSource::open(path.toStdString());
    QVERIFY2(source, source.message().c_str());
    std::vector<std::unique_ptr<HashConsumer>> hashes;
    std::vector<ScanConsumer *> consumers;
    for (HashAlgorithm a : allHashAlgorithms()) {
        hashes.push_back(std::make_unique<HashConsumer>(a));
        consumers.push_back(hashes.back().get());
    }
    const std::uint64_t block = 4096;
    const ByteRange range{static_cast<std::uint64_t>(offset), static_cast<std::uint64_t>(length)};
    auto stats = StatsConsumer::create(range, block);
    QVERIFY(stats);
    consumers.push_back(stats->get());
    auto compiled = SearchPattern::fromHex(pattern.toHex().toStdString());
    QVERIFY(compiled);
    SearchConsumer search(SearchMatcher(*compiled), SearchConsumer::Mode::All);
    consumers.push_back(&search);

    ScanOptions options;
    options.range = range;
    options.threads = threads;
    options.chunkSize = static_cast<std::size_t>(chunk);
    if (!overwrites.empty()) { // the document: the file with these bytes overwritten (unsaved edits)
        PieceTable table(static_cast<std::uint64_t>(QFileInfo(path).size()));
        for (const auto &[at, bytes] : overwrites)
            QVERIFY(table.overwrite(static_cast<std::uint64_t>(at),
                                    std::as_bytes(std::span(bytes.constData(), std::size_t(bytes.size())))));
        options.document = table.snapshot();
    }
    ScanProgress progress;
    const Status status = ScanEngine::run(*source, consumers, options, progress);
    QVERIFY2(status, status.message().c_str());
    const ScanProgressSnapshot snap = progress.snapshot();
    QVERIFY(snap.finished);
    QCOMPARE(snap.bytesDone, range.size);

    QString error;
    const QJsonObject ref = scantest::reference(
        QJsonObject{{"path", path}, {"offset", offset}, {"length", length}, {"block", qint64(block)},
                    {"pattern", QString::fromLatin1(pattern.toHex())}, {"edits", edits}},
        &error);
    QVERIFY2(!ref.isEmpty(), qPrintable(error));
    for (auto &h : hashes) {
        auto value = h->result();
        QVERIFY2(value, value.message().c_str());
        QCOMPARE(QString::fromStdString(*value),
                 ref.value("hashes").toObject().value(QString::fromLatin1(hashName(h->algorithm()))).toString());
    }
    const QJsonArray histogram = ref.value("histogram").toArray();
    for (int b = 0; b < 256; ++b)
        QCOMPARE(qint64((*stats)->histogram()[b]), histogram.at(b).toInteger());
    const QJsonArray entropy = ref.value("entropy").toArray();
    QCOMPARE(qint64((*stats)->blockCount()), qint64(entropy.size()));
    const QString classes = ref.value("classes").toString();
    static const char letters[] = "ZFTHO";
    for (qsizetype i = 0; i < entropy.size(); ++i) {
        QVERIFY2(std::abs((*stats)->entropy(static_cast<std::uint64_t>(i)) - entropy.at(i).toDouble()) < 2e-4,
                 qPrintable(QStringLiteral("block %1: %2 vs %3").arg(i).arg((*stats)->entropy(i)).arg(entropy.at(i).toDouble())));
        QCOMPARE(QLatin1Char(letters[static_cast<int>((*stats)->byteClass(static_cast<std::uint64_t>(i)))]),
                 classes.at(i));
    }
    const auto found = search.takeAll();
    const QJsonArray matches = ref.value("matches").toArray();
    QCOMPARE(qsizetype(found.size()), matches.size());
    for (qsizetype i = 0; i < matches.size(); ++i)
        QCOMPARE(qint64(found[static_cast<std::size_t>(i)]), matches.at(i).toInteger());
    if (kind == QLatin1String("sparse") || kind == QLatin1String("text"))
        QVERIFY2(!matches.isEmpty(), "the pattern was chosen to occur");
}

void TestScanEngine::holesAreNotRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sparse"));
    QVERIFY(makeSize(path, qint64(8) << 30)); // 8 GiB, one small extent
    QVERIFY(writeAt(path, qint64(3) << 30, randomBytes(100000, 1)));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    auto stats = StatsConsumer::create({0, source->size()}, 1 << 20);
    QVERIFY(stats);
    ScanConsumer *consumers[] = {stats->get()};
    ScanProgress progress;
    QVERIFY(ScanEngine::run(*source, consumers, {}, progress));
    QVERIFY2(progress.snapshot().bytesRead < (4u << 20),
             qPrintable(QString::number(progress.snapshot().bytesRead))); // the extent, not 8 GiB
    QVERIFY((*stats)->histogram()[0] >= source->size() - 100000);
    std::uint64_t total = 0;
    for (auto c : (*stats)->histogram())
        total += c;
    QCOMPARE(total, source->size());
    QCOMPARE((*stats)->byteClass(0), ByteClass::Zero);
    QCOMPARE((*stats)->byteClass(3 << 10), ByteClass::Other); // 100000 random bytes then zeros in that MiB
}

void TestScanEngine::matchAcrossHoleEdgeIsFound()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edge"));
    QVERIFY(makeSize(path, 64 << 20));
    QVERIFY(writeAt(path, 32 << 20, "AB")); // the hole ends at 32 MiB: "00 00 41 42" starts 2 bytes before
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    auto pattern = SearchPattern::fromHex("00 00 41 42");
    QVERIFY(pattern);
    SearchConsumer first(SearchMatcher(*pattern), SearchConsumer::Mode::First);
    ScanConsumer *consumers[] = {&first};
    ScanProgress progress;
    QVERIFY(ScanEngine::run(*source, consumers, {}, progress));
    QCOMPARE(first.first(), std::optional<std::uint64_t>((32u << 20) - 2));
    // Zeros in a hole are found too, and a run of them counted in O(1) per hole.
    auto zeros = SearchPattern::fromHex("00 00 00");
    SearchConsumer all(SearchMatcher(*zeros), SearchConsumer::Mode::All, 1000);
    ScanConsumer *second[] = {&all};
    QVERIFY(ScanEngine::run(*source, second, {}, progress));
    const auto found = all.takeAll();
    QCOMPARE(found.size(), std::size_t(1000));
    QVERIFY(all.capped());
    QCOMPARE(found.front(), std::uint64_t(0));
    QCOMPARE(found.back(), std::uint64_t(999));
}

void TestScanEngine::firstMatchStopsEarly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r"));
    QByteArray bytes = randomBytes(16 << 20, 5);
    bytes.replace(1000, 8, "NEEDLE!!");
    QVERIFY(writeAt(path, 0, bytes));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    auto pattern = SearchPattern::fromText("NEEDLE!!", TextEncoding::Utf8, false);
    QVERIFY(pattern);
    SearchConsumer first(SearchMatcher(*pattern), SearchConsumer::Mode::First);
    ScanConsumer *consumers[] = {&first};
    ScanOptions options;
    options.threads = 2;
    options.chunkSize = 1 << 16;
    ScanProgress progress;
    QVERIFY(ScanEngine::run(*source, consumers, options, progress));
    QCOMPARE(first.first(), std::optional<std::uint64_t>(1000));
    QVERIFY(progress.snapshot().bytesDone < (1u << 20)); // stopped after a few units of 16 MiB
}

void TestScanEngine::truncationDuringScanNamesTheOffset()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut"));
    QVERIFY(writeAt(path, 0, randomBytes(8 << 20, 2)));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    HashConsumer sha(HashAlgorithm::Sha256);
    HookConsumer cut([&] { QVERIFY(makeSize(path, 1 << 20)); });
    ScanConsumer *consumers[] = {&cut, &sha};
    ScanOptions options;
    options.threads = 1;
    options.chunkSize = 1 << 16;
    ScanProgress progress;
    const Status status = ScanEngine::run(*source, consumers, options, progress);
    QVERIFY(!status);
    QCOMPARE(status.code(), make_error_code(Errc::FileTruncated));
    QVERIFY2(status.message().find("offset 1048576") != std::string::npos, status.message().c_str());
    QVERIFY(progress.snapshot().finished);
}

void TestScanEngine::truncationInsideAHoleIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("holecut"));
    QVERIFY(makeSize(path, qint64(1) << 30));
    QVERIFY(writeAt(path, 0, "x"));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    auto stats = StatsConsumer::create({0, source->size()}, 1 << 20);
    QVERIFY(stats);
    HookConsumer cut([&] { QVERIFY(makeSize(path, 4096)); });
    ScanConsumer *consumers[] = {&cut, stats->get()};
    ScanOptions options;
    options.threads = 1;
    ScanProgress progress;
    const Status status = ScanEngine::run(*source, consumers, options, progress);
    QCOMPARE(status.code(), make_error_code(Errc::FileTruncated));
    QVERIFY2(status.message().find("offset 4096") != std::string::npos, status.message().c_str());
}

void TestScanEngine::cancelReturnsQuickly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big"));
    QVERIFY(makeSize(path, qint64(1) << 40)); // 1 TiB of hole: SHA-512 over its zeros would take minutes
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    HashConsumer sha(HashAlgorithm::Sha512);
    HashConsumer md5(HashAlgorithm::Md5);
    ScanConsumer *consumers[] = {&sha, &md5};
    ScanProgress progress;
    Status status;
    std::thread scan([&] { status = ScanEngine::run(*source, consumers, {}, progress); });
    QTRY_VERIFY(progress.snapshot().bytesDone > 0);
    const auto asked = std::chrono::steady_clock::now();
    progress.requestCancel();
    QTRY_VERIFY_WITH_TIMEOUT(progress.snapshot().finished, 5000);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - asked);
    scan.join();
    QCOMPARE(status.code(), make_error_code(Errc::Cancelled));
    // The contract is 100 ms; the bound leaves room for sanitizer builds on a loaded CI machine.
    QVERIFY2(ms.count() < 1000, qPrintable(QString::number(ms.count())));
}

void TestScanEngine::cancelBeforeStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("small"));
    QVERIFY(writeAt(path, 0, "abc"));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    HashConsumer crc(HashAlgorithm::Crc32);
    ScanConsumer *consumers[] = {&crc};
    ScanProgress progress;
    progress.requestCancel();
    QCOMPARE(ScanEngine::run(*source, consumers, {}, progress).code(), make_error_code(Errc::Cancelled));
    QVERIFY(progress.snapshot().finished);
}

void TestScanEngine::badArguments()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("small"));
    QVERIFY(writeAt(path, 0, "abcdef"));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    HashConsumer crc(HashAlgorithm::Crc32);
    ScanConsumer *consumers[] = {&crc};
    ScanProgress progress;
    ScanOptions past;
    past.range = ByteRange{4, 3};
    const Status outside = ScanEngine::run(*source, consumers, past, progress);
    QCOMPARE(outside.code(), make_error_code(Errc::OutOfBounds));
    QVERIFY(outside.message().find("4+3") != std::string::npos);
    QCOMPARE(ScanEngine::run(*source, {}, {}, progress).code(), make_error_code(Errc::InvalidArgument));
    ScanOptions zeroChunk;
    zeroChunk.chunkSize = 0;
    QCOMPARE(ScanEngine::run(*source, consumers, zeroChunk, progress).code(), make_error_code(Errc::InvalidArgument));
    QCOMPARE(StatsConsumer::create({0, 10}, 0).code(), make_error_code(Errc::InvalidArgument));
    QCOMPARE(StatsConsumer::create({0, std::uint64_t(1) << 50}, 4096).code(), make_error_code(Errc::TooLarge));
    auto unknown = parseHashAlgorithm("sha257");
    QCOMPARE(unknown.code(), make_error_code(Errc::InvalidArgument));
    QVERIFY(unknown.message().find("sha257") != std::string::npos);
    QVERIFY(unknown.message().find("blake2b-512") != std::string::npos);
    QCOMPARE(*parseHashAlgorithm("SHA256"), HashAlgorithm::Sha256);
}

void TestScanEngine::openErrors()
{
    QTemporaryDir dir;
    QCOMPARE(ScanSource::open(dir.path().toStdString()).code(), make_error_code(Errc::IsDirectory));
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    QCOMPARE(ScanSource::open(fifo.toStdString()).code(), make_error_code(Errc::NotRegularFile));
    auto missing = ScanSource::open(dir.filePath(QStringLiteral("missing")).toStdString());
    QCOMPARE(missing.code(), std::error_code(ENOENT, std::system_category()));
    QVERIFY(missing.message().find("missing") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestScanEngine)
#include "tst_scanengine.moc"
