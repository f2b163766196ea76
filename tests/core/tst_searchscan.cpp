// SearchScan (find next / previous / all on the scan engine) against the reference model: unit and window
// boundaries, offset 0, the last offset, overlapping matches, wildcards, case folding, forward/backward/wrap, caps,
// ranges, holes, unsaved edits, a match near the caret found without reading the file, cancel, a cut file.
// Runs under ThreadSanitizer in CI (label "concurrency").
#include "core/piecetable.h"
#include "core/searchscan.h"
#include "coldfile.h"
#include "searchtesthelpers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace hexmap;
using namespace searchtest;

namespace {

struct Case {
    RefPattern ref;
    SearchPattern pattern;
};

Case makeCase(int kind)
{
    switch (kind) {
    case 0: return {RefPattern::exact({0x61}), *SearchPattern::fromHex("61")};
    case 1: return {RefPattern::exact({0x61, 0x61, 0x61}), *SearchPattern::fromHex("61 61 61")};
    case 2: return {RefPattern::exact({0x61, -1, -1, 0x42}), *SearchPattern::fromHex("61 ?? ?? 42")};
    case 3: return {textRef("aBbA", true, false), *SearchPattern::fromText("aBbA", TextEncoding::Utf8, true)};
    case 4: return {textRef("ab", false, true), *SearchPattern::fromText("ab", TextEncoding::Utf16Le, false)};
    default: {
        RefPattern r = RefPattern::exact({0x61, 0x62, 0x00, 0xFF, 0x41, 0x42, 0x61, 0x62, 0x00, 0xFF, 0x41, 0x42, 0x61});
        return {r, *SearchPattern::fromHex("61 62 00 FF 41 42 61 62 00 FF 41 42 61")};
    }
    }
}

bool writeAt(const QString &path, std::uint64_t offset, std::span<const std::byte> bytes)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return false;
    const auto n = ::pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    return ::close(fd) == 0 && n == static_cast<ssize_t>(bytes.size());
}

bool setSize(const QString &path, std::uint64_t size) // grows with a hole
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::ftruncate(fd, static_cast<off_t>(size)) == 0;
    return ::close(fd) == 0 && ok;
}

std::span<const std::byte> bytesOf(const char *text)
{
    return std::as_bytes(std::span(text, std::strlen(text)));
}

// What findNext must answer, from the ascending list of every match.
SearchHit expectedHit(const std::vector<std::uint64_t> &all, std::uint64_t from, SearchDirection direction, bool wrap)
{
    if (direction == SearchDirection::Forward) {
        auto it = std::lower_bound(all.begin(), all.end(), from);
        if (it != all.end())
            return {*it, false};
        return wrap && !all.empty() ? SearchHit{all.front(), true} : SearchHit{};
    }
    auto it = std::upper_bound(all.begin(), all.end(), from);
    if (it != all.begin())
        return {*std::prev(it), false};
    return wrap && !all.empty() ? SearchHit{all.back(), true} : SearchHit{};
}

} // namespace

class TestSearchScan : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void againstReference_data();
    void againstReference();
    void holesAndEditsAgainstReference_data();
    void holesAndEditsAgainstReference();
    void capKeepsTheFirstMatches();
    void invalidArguments();
    void nearMatchReadsLittle();
    void hugeSparseFileNextAndPrevious();
    void cancelledBeforeStart();
    void cancelMidScan_data();
    void cancelMidScan();
    void cutFileIsAnError();

private:
    ScanSource writeFile(const std::vector<std::byte> &data);
    void checkAll(const ScanSource &source, const SearchMatcher &matcher, const SearchScanOptions &options,
                  const std::vector<std::uint64_t> &expected, const std::vector<std::uint64_t> &froms);

    QTemporaryDir m_dir;
    int m_files = 0;
};

ScanSource TestSearchScan::writeFile(const std::vector<std::byte> &data)
{
    const QString path = m_dir.filePath(QStringLiteral("f%1").arg(m_files++));
    if (!setSize(path, 0) || !writeAt(path, 0, data))
        qFatal("cannot write %s", qPrintable(path));
    auto source = ScanSource::open(path.toStdString());
    if (!source)
        qFatal("%s", source.message().c_str());
    return *source;
}

// findAll, then findNext from every `from` in both directions, with and without wrap, against `expected`.
void TestSearchScan::checkAll(const ScanSource &source, const SearchMatcher &matcher, const SearchScanOptions &options,
                              const std::vector<std::uint64_t> &expected, const std::vector<std::uint64_t> &froms)
{
    ScanProgress progress;
    auto all = SearchScan::findAll(source, matcher, options, progress);
    QVERIFY2(all.ok(), all.message().c_str());
    QCOMPARE(all->offsets, expected);
    QVERIFY(!all->capped);
    QVERIFY(progress.snapshot().finished);
    QCOMPARE(progress.snapshot().bytesDone, progress.snapshot().bytesTotal);
    for (std::uint64_t from : froms) {
        for (bool wrap : {false, true}) {
            for (SearchDirection d : {SearchDirection::Forward, SearchDirection::Backward}) {
                const SearchHit want = expectedHit(expected, from, d, wrap);
                auto hit = SearchScan::findNext(source, matcher, from, d, wrap, options, progress);
                QVERIFY2(hit.ok(), hit.message().c_str());
                const QByteArray what = QByteArray(d == SearchDirection::Forward ? "forward" : "backward") +
                                        " from " + QByteArray::number(qulonglong(from)) + (wrap ? " wrapping" : "");
                QVERIFY2(hit->offset == want.offset, what.constData());
                QVERIFY2(hit->wrapped == want.wrapped, what.constData());
                QVERIFY(progress.snapshot().finished);
            }
        }
    }
}

void TestSearchScan::againstReference_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<quint64>("chunk");
    QTest::addColumn<quint64>("window");
    QTest::addColumn<unsigned>("threads");
    const char *names[] = {"1 byte", "overlapping 616161", "wildcards 61????42", "ignore case", "utf16", "13 bytes"};
    for (int kind = 0; kind < 6; ++kind) {
        for (quint64 chunk : {1ull, 7ull, 61ull, 4096ull, 1ull << 20}) {
            for (unsigned threads : {1u, 3u}) {
                if (chunk == 1 && kind != 1 && kind != 5)
                    continue; // one-byte units are slow; keep them for the multi-byte overlap cases
                const quint64 window = chunk == 4096 ? 1 : chunk * 3; // backward windows cut across units
                QTest::addRow("%s chunk %llu threads %u", names[kind], static_cast<unsigned long long>(chunk),
                              threads)
                    << kind << chunk << window << threads;
            }
        }
    }
}

void TestSearchScan::againstReference()
{
    QFETCH(int, kind);
    QFETCH(quint64, chunk);
    QFETCH(quint64, window);
    QFETCH(unsigned, threads);
    const Case c = makeCase(kind);
    const std::uint64_t len = c.ref.pos.size();
    const std::size_t size = 6000;
    // Planted: offset 0, the last possible offset, straddling unit edges, and overlapping pairs.
    std::vector<std::uint64_t> plants{0, size - len, 2000, 2001, 3000, 3000 + len / 2};
    for (std::uint64_t edge = chunk; edge < size && plants.size() < 40; edge += std::max<std::uint64_t>(chunk, 500)) {
        for (std::uint64_t back = 1; back < len && back <= edge; ++back)
            plants.push_back(edge - back);
        plants.push_back(edge);
    }
    const auto data = makeData(size, c.ref, plants, static_cast<std::uint64_t>(kind) * 31 + chunk);
    const ScanSource source = writeFile(data);
    const SearchMatcher matcher(c.pattern);

    for (const ByteRange range : {ByteRange{0, size}, ByteRange{37, 4000}, ByteRange{size - len, len}}) {
        SearchScanOptions options;
        options.range = range;
        options.chunkSize = chunk;
        options.threads = threads;
        options.firstWindow = window;
        options.maxWindow = window * 64;
        std::vector<std::uint64_t> froms{0, range.offset, range.end() - 1, range.end(), size + 10};
        for (std::uint64_t p : plants)
            froms.insert(froms.end(), {p - 1, p, p + 1});
        checkAll(source, matcher, options, c.ref.matches(data, range.offset, range.end()), froms);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestSearchScan::holesAndEditsAgainstReference_data()
{
    QTest::addColumn<QString>("hex");
    QTest::newRow("absent from the holes") << QStringLiteral("61 ?? 62");
    QTest::newRow("ends where a hole ends") << QStringLiteral("00 00 61");
    QTest::newRow("zeros, inside the holes") << QStringLiteral("00 ?? 00 00 00 00 00 00 00 00 00 00 00 00");
}

// A 3 MiB file: data at [0, 5000) and [2 MiB, 2 MiB + 5000), holes between and after, unsaved edits in a hole, on a
// hole's edge and over data; every answer compared with the reference on the bytes as the view shows them.
void TestSearchScan::holesAndEditsAgainstReference()
{
    QFETCH(QString, hex);
    const std::uint64_t size = 3u << 20;
    const RefPattern a = RefPattern::exact({0x61, -1, 0x62});
    std::vector<std::byte> data(size);
    const auto head = makeData(5000, a, {0, 100, 4997}, 1);
    const auto tail = makeData(5000, a, {0, 2500}, 2);
    std::copy(head.begin(), head.end(), data.begin());
    std::copy(tail.begin(), tail.end(), data.begin() + (2 << 20));
    const QString path = m_dir.filePath(QStringLiteral("holes"));
    QVERIFY(setSize(path, size));
    QVERIFY(writeAt(path, 0, head));
    QVERIFY(writeAt(path, 2u << 20, tail));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);

    PieceTable edits(size); // unsaved overwrites of the document
    const std::pair<std::uint64_t, const char *> runs[] = {
        {1u << 20, "a?b"}, {(2u << 20) - 3, "a"}, {(2u << 20) - 1, "x"}, {40, "zzzzzz"}, {size - 3, "a-b"}};
    for (const auto &[offset, text] : runs) {
        QVERIFY(edits.overwrite(offset, bytesOf(text)));
        const auto b = bytesOf(text);
        std::copy(b.begin(), b.end(), data.begin() + static_cast<std::ptrdiff_t>(offset));
    }
    auto pattern = SearchPattern::fromHex(hex.toStdString());
    QVERIFY(pattern);
    RefPattern ref;
    for (std::size_t i = 0; i < pattern->size(); ++i)
        ref.pos.push_back({pattern->masks()[i] == std::byte{0} ? RefPos::Any : RefPos::Exact,
                           static_cast<std::uint8_t>(pattern->values()[i])});
    const auto expected = ref.matches(data, 0, size);
    const bool zeros = hex.startsWith(QStringLiteral("00 ??"));
    QVERIFY(zeros ? expected.size() > 1000000 : !expected.empty());

    SearchScanOptions options;
    options.document = edits.snapshot();
    options.threads = 2;
    options.chunkSize = 64u << 10;
    options.firstWindow = 1000;
    options.maxWindow = 300000;
    options.maxMatches = 4000000;
    std::vector<std::uint64_t> froms{0, 4999, 5000, 1u << 20, (1u << 20) + 1, (2u << 20) - 20, 2u << 20, size - 1};
    for (std::uint64_t e : expected) {
        if (froms.size() > 60)
            break;
        froms.insert(froms.end(), {e - 1, e, e + 1});
    }
    checkAll(*source, SearchMatcher(*pattern), options, expected, froms);
}

void TestSearchScan::capKeepsTheFirstMatches()
{
    const Case c = makeCase(0);
    const auto data = makeData(50000, c.ref, {}, 7);
    const auto expected = c.ref.matches(data, 0, data.size());
    QVERIFY(expected.size() > 1000);
    const ScanSource source = writeFile(data);
    for (unsigned threads : {1u, 2u, 4u}) {
        for (std::uint64_t cap : {std::uint64_t{1}, std::uint64_t{999}, std::uint64_t{expected.size()}}) {
            SearchScanOptions options;
            options.threads = threads;
            options.chunkSize = 333;
            options.maxMatches = cap;
            ScanProgress progress;
            auto all = SearchScan::findAll(source, SearchMatcher(c.pattern), options, progress);
            QVERIFY(all.ok());
            QCOMPARE(all->capped, cap < expected.size());
            QCOMPARE(all->offsets.size(), static_cast<std::size_t>(cap));
            QVERIFY(std::equal(all->offsets.begin(), all->offsets.end(), expected.begin()));
        }
    }
}

void TestSearchScan::invalidArguments()
{
    const ScanSource source = writeFile(std::vector<std::byte>(100));
    const SearchMatcher zero(*SearchPattern::fromHex("00"));
    ScanProgress progress;
    SearchScanOptions options;
    options.range = ByteRange{50, 51};
    QCOMPARE(SearchScan::findAll(source, zero, options, progress).code(), make_error_code(Errc::OutOfBounds));
    QCOMPARE(SearchScan::findNext(source, zero, 0, SearchDirection::Forward, true, options, progress).code(),
             make_error_code(Errc::OutOfBounds));
    options.range = ByteRange{50, 50};
    auto half = SearchScan::findAll(source, zero, options, progress);
    QVERIFY(half.ok());
    QCOMPARE(half->offsets.size(), std::size_t{50});
    for (auto bad : {&SearchScanOptions::maxMatches, &SearchScanOptions::firstWindow, &SearchScanOptions::maxWindow}) {
        SearchScanOptions o;
        o.*bad = 0;
        QCOMPARE(SearchScan::findAll(source, zero, o, progress).code(), make_error_code(Errc::InvalidArgument));
    }
    for (std::size_t chunk : {std::size_t{0}, SIZE_MAX}) { // no unit of 0 bytes, no buffer of SIZE_MAX bytes
        options = {};
        options.chunkSize = chunk;
        QCOMPARE(SearchScan::findAll(source, zero, options, progress).code(), make_error_code(Errc::InvalidArgument));
    }
    QCOMPARE(SearchScan::findAll(source, SearchMatcher(SearchPattern{}), {}, progress).code(),
             make_error_code(Errc::InvalidArgument));
    QCOMPARE(SearchScan::findAll(ScanSource{}, zero, {}, progress).code(), make_error_code(Errc::InvalidArgument));
    // A pattern longer than the range finds nothing, without error, in either direction.
    options = {};
    options.range = ByteRange{10, 3};
    const SearchMatcher four(*SearchPattern::fromHex("00 00 00 00"));
    for (SearchDirection d : {SearchDirection::Forward, SearchDirection::Backward}) {
        auto hit = SearchScan::findNext(source, four, 0, d, true, options, progress);
        QVERIFY(hit.ok());
        QVERIFY(!hit->offset);
    }
}

// Next / previous read outward from the caret and stop at the nearest match: in a 64 MiB file of random bytes, a
// match 4 KiB away is found after reading one unit (forward) or the first window (backward), not the file
// (bytesRead tells). One reader thread, so the bound does not depend on how the threads are scheduled.
void TestSearchScan::nearMatchReadsLittle()
{
    std::vector<std::byte> data(64u << 20);
    std::mt19937_64 rng(9);
    for (auto &b : data)
        b = static_cast<std::byte>(rng() % 250); // never 0xFA..0xFF: the needle cannot occur by chance
    const std::uint64_t middle = 32u << 20;
    const std::byte needle[] = {std::byte{0xFE}, std::byte{0xFF}, std::byte{0xFD}};
    for (std::uint64_t at : {std::uint64_t{10}, middle - 4096, middle + 4096, data.size() - 10})
        std::copy(std::begin(needle), std::end(needle), data.begin() + static_cast<std::ptrdiff_t>(at));
    const ScanSource source = writeFile(data);
    const SearchMatcher matcher(*SearchPattern::fromBytes(needle));
    SearchScanOptions options;
    options.threads = 1;
    ScanProgress progress;
    auto next = SearchScan::findNext(source, matcher, middle, SearchDirection::Forward, true, options, progress);
    QVERIFY2(next.ok(), next.message().c_str());
    QCOMPARE(next->offset, std::optional<std::uint64_t>(middle + 4096));
    QVERIFY2(progress.snapshot().bytesRead <= (1u << 20), qPrintable(QString::number(progress.snapshot().bytesRead)));
    auto previous = SearchScan::findNext(source, matcher, middle, SearchDirection::Backward, true, options, progress);
    QVERIFY2(previous.ok(), previous.message().c_str());
    QCOMPARE(previous->offset, std::optional<std::uint64_t>(middle - 4096));
    QVERIFY2(progress.snapshot().bytesRead <= (2u << 20), qPrintable(QString::number(progress.snapshot().bytesRead)));
    // Past the last match: the wrap finds the first one, reading little on both sides.
    auto wrapped = SearchScan::findNext(source, matcher, data.size() - 9, SearchDirection::Forward, true, options,
                                        progress);
    QVERIFY(wrapped.ok());
    QCOMPARE(wrapped->offset, std::optional<std::uint64_t>(10));
    QVERIFY(wrapped->wrapped);
    QVERIFY(progress.snapshot().bytesRead <= (2u << 20));
}

// 1 TiB, almost all hole: next and previous from the middle find the match beside the caret after a few MiB, and
// previous from the middle walks half a tebibyte of hole back to offset 100 without reading it. One thread (see
// nearMatchReadsLittle).
void TestSearchScan::hugeSparseFileNextAndPrevious()
{
    const QString path = m_dir.filePath(QStringLiteral("tebibyte"));
    const std::uint64_t size = 1ull << 40;
    const std::uint64_t middle = size / 2;
    QVERIFY(setSize(path, size));
    for (std::uint64_t at : {std::uint64_t{100}, middle + 1000, size - 100})
        QVERIFY(writeAt(path, at, bytesOf("NEEDLE")));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    const SearchMatcher matcher(*SearchPattern::fromText("NEEDLE", TextEncoding::Utf8, false));
    SearchScanOptions options;
    options.threads = 1;
    ScanProgress progress;
    auto next = SearchScan::findNext(*source, matcher, middle, SearchDirection::Forward, false, options, progress);
    QVERIFY(next.ok());
    QCOMPARE(next->offset, std::optional<std::uint64_t>(middle + 1000));
    QVERIFY(progress.snapshot().bytesDone < (64u << 20)); // stopped there: not the other half tebibyte
    auto previous = SearchScan::findNext(*source, matcher, middle + (3u << 20), SearchDirection::Backward, false,
                                         options, progress);
    QVERIFY(previous.ok());
    QCOMPARE(previous->offset, std::optional<std::uint64_t>(middle + 1000));
    QVERIFY(progress.snapshot().bytesDone < (64u << 20));
    auto far = SearchScan::findNext(*source, matcher, middle, SearchDirection::Backward, false, options, progress);
    QVERIFY(far.ok());
    QCOMPARE(far->offset, std::optional<std::uint64_t>(100));
    QVERIFY2(progress.snapshot().bytesRead < (64u << 20), qPrintable(QString::number(progress.snapshot().bytesRead)));
}

void TestSearchScan::cancelledBeforeStart()
{
    const ScanSource source = writeFile(std::vector<std::byte>(4096));
    const SearchMatcher matcher(*SearchPattern::fromHex("00"));
    ScanProgress progress;
    progress.requestCancel();
    QCOMPARE(SearchScan::findAll(source, matcher, {}, progress).code(), make_error_code(Errc::Cancelled));
    QVERIFY(progress.snapshot().finished);
    QCOMPARE(progress.snapshot().bytesRead, std::uint64_t{0});
    QCOMPARE(SearchScan::findNext(source, matcher, 0, SearchDirection::Backward, true, {}, progress).code(),
             make_error_code(Errc::Cancelled));
    QCOMPARE(progress.snapshot().bytesRead, std::uint64_t{0});
    progress.clearCancel();
    auto all = SearchScan::findAll(source, matcher, {}, progress);
    QVERIFY(all.ok());
    QCOMPARE(all->offsets.size(), std::size_t{4096});
}

void TestSearchScan::cancelMidScan_data()
{
    QTest::addColumn<unsigned>("threads");
    QTest::addColumn<bool>("backward");
    QTest::newRow("find all, 1 thread") << 1u << false;
    QTest::newRow("find all, 2 threads") << 2u << false;
    QTest::newRow("previous, 2 threads") << 2u << true;
}

// 64 MiB of real data, dropped from the page cache, in units of 64 KiB: an observer cancels as soon as the first
// unit is done (the scan is then provably under way: bytesDone > 0, not finished); the search stops with Cancelled
// before reading the rest.
void TestSearchScan::cancelMidScan()
{
    QFETCH(unsigned, threads);
    QFETCH(bool, backward);
    const QString path = m_dir.filePath(QStringLiteral("cold"));
    QVERIFY(hexmap::testing::writeColdFile(path, 64u << 20));
    auto opened = ScanSource::open(path.toStdString());
    QVERIFY(opened);
    const ScanSource source = *opened;
    const SearchMatcher matcher(*SearchPattern::fromHex("DE AD BE EF"));
    SearchScanOptions options;
    options.threads = threads;
    options.chunkSize = 64u << 10;
    ScanProgress progress;
    std::optional<Result<SearchHit>> hit;
    std::optional<Result<SearchMatches>> all;
    std::thread search([&] {
        if (backward)
            hit = SearchScan::findNext(source, matcher, source.size(), SearchDirection::Backward, false, options,
                                       progress);
        else
            all = SearchScan::findAll(source, matcher, options, progress);
    });
    ScanProgressSnapshot seen;
    do {
        seen = progress.snapshot();
    } while (seen.bytesDone == 0 && !seen.finished);
    progress.requestCancel();
    search.join();
    QVERIFY2(!seen.finished, "the scan ended before any unit was reported");
    QVERIFY(seen.bytesDone < seen.bytesTotal);
    const std::error_code code = backward ? hit->code() : all->code();
    QCOMPARE(code, make_error_code(Errc::Cancelled));
    const ScanProgressSnapshot end = progress.snapshot();
    QVERIFY(end.finished);
    QVERIFY2(end.bytesDone < end.bytesTotal, qPrintable(QString::number(end.bytesDone)));
}

void TestSearchScan::cutFileIsAnError()
{
    const QString path = m_dir.filePath(QStringLiteral("cut"));
    QVERIFY(setSize(path, 0));
    QVERIFY(writeAt(path, 0, std::vector<std::byte>(1u << 20, std::byte{1})));
    auto source = ScanSource::open(path.toStdString());
    QVERIFY(source);
    QVERIFY(setSize(path, 4096)); // cut after open: the source still believes 1 MiB
    ScanProgress progress;
    const SearchMatcher matcher(*SearchPattern::fromHex("02"));
    auto all = SearchScan::findAll(*source, matcher, {}, progress);
    QCOMPARE(all.code(), make_error_code(Errc::FileTruncated));
    QVERIFY2(all.message().find("offset 4096") != std::string::npos, all.message().c_str());
    auto next = SearchScan::findNext(*source, matcher, 0, SearchDirection::Backward, true, {}, progress);
    QCOMPARE(next.code(), make_error_code(Errc::FileTruncated));
}

QTEST_GUILESS_MAIN(TestSearchScan)
#include "tst_searchscan.moc"
