// SearchEngine and SearchJob over a real mapped file, against the reference model: slice boundaries, offset 0,
// the last offset, overlapping matches, wildcards, case folding, forward/backward/wrap, caps, ranges, cancel.
// Runs under ThreadSanitizer in CI (label "concurrency").
#include "core/mappedfile.h"
#include "core/searchengine.h"
#include "core/searchjob.h"
#include "searchtesthelpers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

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

} // namespace

class TestSearchEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void againstReference_data();
    void againstReference();
    void capKeepsTheFirstMatches();
    void invalidArguments();
    void cancelFromCallbackStopsPromptly_data();
    void cancelFromCallbackStopsPromptly();
    void cancelledBeforeStart();
    void jobMatchesSynchronousRun();
    void jobCancel();

private:
    MappedFile writeFile(const std::vector<std::byte> &data);

    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestSearchEngine::initTestCase() { QVERIFY(m_dir.isValid()); }

MappedFile TestSearchEngine::writeFile(const std::vector<std::byte> &data)
{
    const std::string path = m_dir.filePath(QStringLiteral("f%1").arg(m_files++)).toStdString();
    auto file = MappedFile::create(path, data.size());
    if (!file || !file->writeAllAt(0, data))
        qFatal("cannot create %s", path.c_str());
    return *MappedFile::openReadOnly(path);
}

void TestSearchEngine::againstReference_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<quint64>("slice");
    QTest::addColumn<unsigned>("threads");
    const char *names[] = {"1 byte", "overlapping 616161", "wildcards 61????42", "ignore case", "utf16", "13 bytes"};
    for (int kind = 0; kind < 6; ++kind) {
        for (quint64 slice : {1ull, 7ull, 61ull, 4096ull, 1ull << 20}) {
            for (unsigned threads : {1u, 3u}) {
                if (slice == 1 && kind != 1 && kind != 5)
                    continue; // one-byte slices are slow; keep them for the multi-byte overlap cases
                QTest::addRow("%s slice %llu threads %u", names[kind], static_cast<unsigned long long>(slice), threads)
                    << kind << slice << threads;
            }
        }
    }
}

void TestSearchEngine::againstReference()
{
    QFETCH(int, kind);
    QFETCH(quint64, slice);
    QFETCH(unsigned, threads);
    const Case c = makeCase(kind);
    const std::uint64_t len = c.ref.pos.size();
    const std::size_t size = 6000;
    // Planted: offset 0, the last possible offset, straddling slice edges, and overlapping pairs.
    std::vector<std::uint64_t> plants{0, size - len, 2000, 2001, 3000, 3000 + len / 2};
    for (std::uint64_t edge = slice; edge < size && plants.size() < 40; edge += std::max<std::uint64_t>(slice, 500)) {
        for (std::uint64_t back = 1; back < len && back <= edge; ++back)
            plants.push_back(edge - back);
        plants.push_back(edge);
    }
    const auto data = makeData(size, c.ref, plants, static_cast<std::uint64_t>(kind) * 31 + slice);
    const MappedFile file = writeFile(data);

    for (const ByteRange range : {ByteRange{0, size}, ByteRange{37, 4000}, ByteRange{size - len, len}}) {
        const auto expected = c.ref.matches(data, range.offset, range.end());
        SearchOptions options;
        options.range = range;
        options.sliceSize = slice;
        options.threads = threads;
        auto engine = SearchEngine::create(file, c.pattern, options);
        QVERIFY2(engine.ok(), engine.message().c_str());
        SearchProgress progress;
        auto all = engine->findAll(&progress);
        QVERIFY2(all.ok(), all.message().c_str());
        QVERIFY(all->offsets == expected);
        QVERIFY(!all->capped);
        QCOMPARE(progress.snapshot().bytesScanned, progress.snapshot().bytesTotal);
        QCOMPARE(progress.snapshot().matchesFound, static_cast<std::uint64_t>(expected.size()));

        std::vector<std::uint64_t> froms{0, range.offset, range.end() - 1, range.end(), size + 10};
        for (std::uint64_t p : plants)
            froms.insert(froms.end(), {p - 1, p, p + 1});
        for (std::uint64_t from : froms) {
            for (bool wrap : {false, true}) {
                // Forward: first match >= from; wrapping: else the first one of the range.
                std::optional<std::uint64_t> fwd;
                bool fwdWrapped = false;
                auto it = std::lower_bound(expected.begin(), expected.end(), from);
                if (it != expected.end())
                    fwd = *it;
                else if (wrap && !expected.empty())
                    fwd = expected.front(), fwdWrapped = true;
                // Backward: last match <= from; wrapping: else the last one of the range.
                std::optional<std::uint64_t> bwd;
                bool bwdWrapped = false;
                auto jt = std::upper_bound(expected.begin(), expected.end(), from);
                if (jt != expected.begin())
                    bwd = *std::prev(jt);
                else if (wrap && !expected.empty())
                    bwd = expected.back(), bwdWrapped = true;

                auto f = engine->findNext(from, SearchDirection::Forward, wrap);
                QVERIFY2(f.ok(), f.message().c_str());
                QCOMPARE(f->offset, fwd);
                QCOMPARE(f->wrapped, fwdWrapped);
                auto b = engine->findNext(from, SearchDirection::Backward, wrap);
                QVERIFY2(b.ok(), b.message().c_str());
                QCOMPARE(b->offset, bwd);
                QCOMPARE(b->wrapped, bwdWrapped);
            }
        }
    }
}

void TestSearchEngine::capKeepsTheFirstMatches()
{
    const Case c = makeCase(0);
    const auto data = makeData(50000, c.ref, {}, 7);
    const auto expected = c.ref.matches(data, 0, data.size());
    QVERIFY(expected.size() > 1000);
    const MappedFile file = writeFile(data);
    for (unsigned threads : {1u, 2u, 4u}) {
        for (std::uint64_t cap : {std::uint64_t{1}, std::uint64_t{999}, std::uint64_t{expected.size()}}) {
            SearchOptions options;
            options.threads = threads;
            options.sliceSize = 333;
            options.maxMatches = cap;
            auto all = SearchEngine::create(file, c.pattern, options)->findAll();
            QVERIFY(all.ok());
            QCOMPARE(all->capped, cap < expected.size());
            QVERIFY(std::equal(all->offsets.begin(), all->offsets.end(), expected.begin()));
            QCOMPARE(all->offsets.size(), static_cast<std::size_t>(cap));
        }
    }
}

void TestSearchEngine::invalidArguments()
{
    const MappedFile file = writeFile(std::vector<std::byte>(100));
    const SearchPattern p = *SearchPattern::fromHex("00");
    SearchOptions options;
    options.range = ByteRange{50, 51};
    QCOMPARE(SearchEngine::create(file, p, options).code(), make_error_code(Errc::OutOfBounds));
    options.range = ByteRange{50, 50};
    QVERIFY(SearchEngine::create(file, p, options).ok());
    options.sliceSize = 0;
    QCOMPARE(SearchEngine::create(file, p, options).code(), make_error_code(Errc::InvalidArgument));
    options.sliceSize = UINT64_MAX; // one slice, no overflow
    auto huge = SearchEngine::create(file, p, options)->findAll();
    QVERIFY(huge.ok());
    QCOMPARE(huge->offsets.size(), std::size_t{50});
    options.sliceSize = 10;
    options.maxMatches = 0;
    QCOMPARE(SearchEngine::create(file, p, options).code(), make_error_code(Errc::InvalidArgument));
    QCOMPARE(SearchEngine::create(file, SearchPattern{}, {}).code(), make_error_code(Errc::InvalidArgument));
    // A pattern longer than the range finds nothing, without error.
    options = {};
    options.range = ByteRange{10, 3};
    auto hit = SearchEngine::create(file, *SearchPattern::fromHex("00 00 00 00"), options)->findNext(0, SearchDirection::Forward, true);
    QVERIFY(hit.ok());
    QVERIFY(!hit->offset);
}

void TestSearchEngine::cancelFromCallbackStopsPromptly_data()
{
    QTest::addColumn<unsigned>("threads");
    QTest::newRow("1 thread") << 1u;
    QTest::newRow("2 threads") << 2u;
    QTest::newRow("4 threads") << 4u;
}

void TestSearchEngine::cancelFromCallbackStopsPromptly()
{
    QFETCH(unsigned, threads);
    const MappedFile file = writeFile(std::vector<std::byte>(1 << 20));
    SearchProgress progress;
    SearchOptions options;
    options.threads = threads;
    options.sliceSize = 1024; // 1024 slices
    options.onSliceDone = [&progress](const SearchProgressSnapshot &) { progress.requestCancel(); };
    auto engine = SearchEngine::create(file, *SearchPattern::fromHex("01 02"), options);
    auto all = engine->findAll(&progress);
    QCOMPARE(all.code(), make_error_code(Errc::Cancelled));
    // Each worker finishes at most the slice it holds when the flag is raised.
    QVERIFY2(progress.snapshot().slicesDone >= 1 && progress.snapshot().slicesDone <= threads,
             QByteArray::number(qulonglong(progress.snapshot().slicesDone)).constData());
    auto next = engine->findNext(0, SearchDirection::Backward, true, &progress);
    QCOMPARE(next.code(), make_error_code(Errc::Cancelled));
}

void TestSearchEngine::cancelledBeforeStart()
{
    const MappedFile file = writeFile(std::vector<std::byte>(4096));
    SearchProgress progress;
    progress.requestCancel();
    auto engine = SearchEngine::create(file, *SearchPattern::fromHex("00"), {});
    QCOMPARE(engine->findAll(&progress).code(), make_error_code(Errc::Cancelled));
    QCOMPARE(progress.snapshot().slicesDone, std::uint64_t{0});
    progress.clearCancel();
    auto all = engine->findAll(&progress);
    QVERIFY(all.ok());
    QCOMPARE(all->offsets.size(), std::size_t{4096});
}

void TestSearchEngine::jobMatchesSynchronousRun()
{
    const Case c = makeCase(2);
    const auto data = makeData(100000, c.ref, {0, 99996}, 3);
    const MappedFile file = writeFile(data);
    SearchOptions options;
    options.threads = 2;
    options.sliceSize = 4096;
    auto engine = SearchEngine::create(file, c.pattern, options);
    auto job = SearchJob::startFindAll(*engine);
    QTRY_VERIFY(job->isFinished());
    QCOMPARE(job->progress().bytesScanned, job->progress().bytesTotal);
    QVERIFY(!job->takeHit());
    auto matches = job->takeMatches();
    QVERIFY(matches && matches->ok());
    QVERIFY((*matches)->offsets == c.ref.matches(data, 0, data.size()));
    QVERIFY(!job->takeMatches()); // taken once

    auto next = SearchJob::startFindNext(*engine, 99990, SearchDirection::Forward, false);
    auto hit = next->takeHit();
    QVERIFY(hit && hit->ok());
    QCOMPARE((*hit)->offset, std::optional<std::uint64_t>(99996));
}

void TestSearchEngine::jobCancel()
{
    const MappedFile file = writeFile(std::vector<std::byte>(1 << 20));
    std::atomic<bool> release{false};
    std::atomic<int> entered{0};
    SearchOptions options;
    options.threads = 2;
    options.sliceSize = 4096;
    // The first slices hold the workers until the test has cancelled: a handshake, not a sleep.
    options.onSliceDone = [&](const SearchProgressSnapshot &) {
        entered.fetch_add(1);
        while (!release.load())
            std::this_thread::yield();
    };
    auto job = SearchJob::startFindAll(*SearchEngine::create(file, *SearchPattern::fromHex("AB"), options));
    QTRY_VERIFY(entered.load() >= 1);
    job->cancel();
    QVERIFY(job->progress().cancelRequested);
    release.store(true);
    QTRY_VERIFY(job->isFinished());
    auto matches = job->takeMatches();
    QVERIFY(matches);
    QCOMPARE(matches->code(), make_error_code(Errc::Cancelled));
    QVERIFY(job->progress().slicesDone <= 2);
}

QTEST_GUILESS_MAIN(TestSearchEngine)
#include "tst_searchengine.moc"
