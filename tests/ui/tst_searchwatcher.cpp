// Tests for SearchWatcher: exactly one final signal per search, none for a replaced search, cancel mid-scan, unsaved
// edits seen. Runs under ThreadSanitizer in CI (label "concurrency").
#include "ui/document/searchwatcher.h"

#include "core/coldfile.h"
#include "core/piecetable.h"
#include "ui/hexviewtesthelpers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hexmap;
using namespace hexmap::testing;

class TestSearchWatcher : public QObject {
    Q_OBJECT
private slots:
    void findNextEmitsOnce();
    void findAllEmitsOnce();
    void replacedSearchIsSilent();
    void cancelReportsCancelled();
    void abandonIsSilent();
    void editsAreSeen();

private:
    SearchRequest request(const std::string &path, const QString &hex)
    {
        auto pattern = SearchPattern::fromHex(hex.toStdString());
        if (!pattern)
            qFatal("bad pattern");
        auto source = ScanSource::open(path);
        if (!source)
            qFatal("%s", source.message().c_str());
        return SearchRequest{*source, SearchMatcher(*pattern), {}};
    }
    std::string small() { return makeFile(m_dir.filePath(QStringLiteral("ramp.bin")), ramp(1024)).path(); }
    QTemporaryDir m_dir;
};

void TestSearchWatcher::findNextEmitsOnce()
{
    SearchWatcher watcher;
    QSignalSpy hits(&watcher, &SearchWatcher::foundHit);
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    QSignalSpy failed(&watcher, &SearchWatcher::failed);
    watcher.startFindNext(request(small(), QStringLiteral("10 11")), 20, SearchDirection::Forward, true);
    QVERIFY(watcher.isRunning());
    QCOMPARE(watcher.kind(), SearchWatcher::Kind::Next);
    QTRY_VERIFY(!watcher.isRunning());
    QCOMPARE(hits.count(), 1);
    const auto hit = hits.first().first().value<SearchHit>();
    QCOMPARE(hit.offset, std::optional<std::uint64_t>(256 + 16)); // after 20, the next 10 11 is in the 2nd ramp
    QCOMPARE(hit.wrapped, false);
    watcher.poll(); // nothing more
    QTest::qWait(100);
    QCOMPARE(hits.count(), 1);
    QCOMPARE(all.count(), 0);
    QCOMPARE(failed.count(), 0);
    // Backward from 20: the 10 11 at 16.
    watcher.startFindNext(request(small(), QStringLiteral("10 11")), 20, SearchDirection::Backward, false);
    QTRY_COMPARE(hits.count(), 2);
    QCOMPARE(hits.last().first().value<SearchHit>().offset, std::optional<std::uint64_t>(16));
}

void TestSearchWatcher::findAllEmitsOnce()
{
    SearchWatcher watcher;
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    QSignalSpy progressed(&watcher, &SearchWatcher::progressed);
    watcher.startFindAll(request(small(), QStringLiteral("FE FF")));
    QTRY_VERIFY(!watcher.isRunning());
    QCOMPARE(all.count(), 1);
    const auto matches = all.first().first().value<SearchMatches>();
    QCOMPARE(matches.offsets, (std::vector<std::uint64_t>{254, 510, 766, 1022}));
    QCOMPARE(matches.capped, false);
    // The last progress report, just before the result, is the finished scan's.
    QVERIFY(progressed.count() >= 1);
    const auto last = progressed.last().first().value<ScanProgressSnapshot>();
    QVERIFY(last.finished);
    QCOMPARE(last.bytesDone, std::uint64_t(1024));
    QCOMPARE(last.bytesTotal, std::uint64_t(1024));
}

void TestSearchWatcher::replacedSearchIsSilent()
{
    const std::string big = makeSparseFile(m_dir.filePath(QStringLiteral("sparse.bin")), 4ull << 30).path();
    SearchWatcher watcher;
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    QSignalSpy hits(&watcher, &SearchWatcher::foundHit);
    QSignalSpy failed(&watcher, &SearchWatcher::failed);
    watcher.startFindAll(request(big, QStringLiteral("DE AD")));
    watcher.startFindNext(request(big, QStringLiteral("00 00")), 0, SearchDirection::Forward, false);
    QTRY_VERIFY(!watcher.isRunning());
    QCOMPARE(hits.count(), 1);
    QCOMPARE(hits.first().first().value<SearchHit>().offset, std::optional<std::uint64_t>(0));
    QCOMPARE(all.count(), 0);
    QCOMPARE(failed.count(), 0);
}

// 256 MiB of real data, out of the page cache where the file system allows it. The cancel is asked for right after
// the start, before the event loop runs: the search thread cannot have read 256 MiB by then, so the cancel lands
// while it runs by construction. (Cancelling from the first progress report raced: on a fast file system the scan
// had read every byte before the first 1 ms tick.) The last report shows the scan stopped short of the end.
void TestSearchWatcher::cancelReportsCancelled()
{
    const QString path = m_dir.filePath(QStringLiteral("cold.bin"));
    QVERIFY(writeColdFile(path, 256u << 20));
    SearchWatcher watcher;
    watcher.setInterval(1);
    QSignalSpy failed(&watcher, &SearchWatcher::failed);
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    std::optional<ScanProgressSnapshot> last;
    connect(&watcher, &SearchWatcher::progressed, this, [&](const ScanProgressSnapshot &s) { last = s; });
    watcher.startFindAll(request(path.toStdString(), QStringLiteral("DE AD BE EF")));
    QVERIFY(watcher.isRunning());
    watcher.cancel();
    QTRY_VERIFY(!watcher.isRunning());
    QCOMPARE(all.count(), 0);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(1).toBool(), true);
    QVERIFY2(last.has_value(), "no final progress report");
    QVERIFY(last->bytesDone < last->bytesTotal);
}

void TestSearchWatcher::abandonIsSilent()
{
    SearchWatcher watcher;
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    QSignalSpy failed(&watcher, &SearchWatcher::failed);
    watcher.startFindAll(request(small(), QStringLiteral("FE FF")));
    watcher.abandon(); // even when the search already finished, nothing is reported
    QVERIFY(!watcher.isRunning());
    QCOMPARE(watcher.kind(), SearchWatcher::Kind::None);
    QTest::qWait(100);
    QCOMPARE(all.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TestSearchWatcher::editsAreSeen()
{
    SearchWatcher watcher;
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    SearchRequest r = request(small(), QStringLiteral("FE FF"));
    PieceTable edits(1024); // the document: the 1 KiB ramp with unsaved edits
    const std::byte planted[] = {std::byte{0xFE}, std::byte{0xFF}};
    const std::byte zero[] = {std::byte{0x00}};
    QVERIFY(edits.overwrite(100, planted));              // a new match
    QVERIFY(edits.overwrite(511, zero));                 // 510's FE FF is gone
    r.options.document = edits.snapshot();
    watcher.startFindAll(std::move(r));
    QTRY_COMPARE(all.count(), 1);
    QCOMPARE(all.first().first().value<SearchMatches>().offsets, (std::vector<std::uint64_t>{100, 254, 766, 1022}));
}

QTEST_MAIN(TestSearchWatcher)
#include "tst_searchwatcher.moc"
