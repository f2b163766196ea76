// Tests for SearchWatcher: exactly one final signal per search, none for a replaced search, cancel.
#include "ui/document/searchwatcher.h"

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

private:
    SearchEngine engine(const MappedFile &file, const QString &hex)
    {
        auto pattern = SearchPattern::fromHex(hex.toStdString());
        if (!pattern)
            qFatal("bad pattern");
        auto e = SearchEngine::create(file, pattern.value());
        if (!e)
            qFatal("%s", e.message().c_str());
        return std::move(e).value();
    }
    MappedFile small() { return makeFile(m_dir.filePath(QStringLiteral("ramp.bin")), ramp(1024)); }
    QTemporaryDir m_dir;
};

void TestSearchWatcher::findNextEmitsOnce()
{
    SearchWatcher watcher;
    QSignalSpy hits(&watcher, &SearchWatcher::foundHit);
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    QSignalSpy failed(&watcher, &SearchWatcher::failed);
    watcher.startFindNext(engine(small(), QStringLiteral("10 11")), 20, SearchDirection::Forward, true);
    QVERIFY(watcher.isRunning());
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
}

void TestSearchWatcher::findAllEmitsOnce()
{
    SearchWatcher watcher;
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    watcher.startFindAll(engine(small(), QStringLiteral("FE FF")));
    QTRY_VERIFY(!watcher.isRunning());
    QCOMPARE(all.count(), 1);
    const auto matches = all.first().first().value<SearchMatches>();
    QCOMPARE(matches.offsets, (std::vector<std::uint64_t>{254, 510, 766, 1022}));
    QCOMPARE(matches.capped, false);
}

void TestSearchWatcher::replacedSearchIsSilent()
{
    const MappedFile big = makeSparseFile(m_dir.filePath(QStringLiteral("sparse.bin")), 4ull << 30);
    SearchWatcher watcher;
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    QSignalSpy hits(&watcher, &SearchWatcher::foundHit);
    QSignalSpy failed(&watcher, &SearchWatcher::failed);
    watcher.startFindAll(engine(big, QStringLiteral("DE AD")));
    watcher.startFindNext(engine(big, QStringLiteral("00 00")), 0, SearchDirection::Forward, false);
    QTRY_VERIFY(!watcher.isRunning());
    QCOMPARE(hits.count(), 1);
    QCOMPARE(all.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TestSearchWatcher::cancelReportsCancelled()
{
    const MappedFile big = makeSparseFile(m_dir.filePath(QStringLiteral("sparse2.bin")), 8ull << 30);
    SearchWatcher watcher;
    QSignalSpy progressed(&watcher, &SearchWatcher::progressed);
    QSignalSpy failed(&watcher, &SearchWatcher::failed);
    watcher.startFindAll(engine(big, QStringLiteral("DE AD BE EF")));
    QTRY_VERIFY(progressed.count() >= 1);
    watcher.cancel();
    QTRY_VERIFY(!watcher.isRunning());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(1).toBool(), true);
}

void TestSearchWatcher::abandonIsSilent()
{
    SearchWatcher watcher;
    QSignalSpy all(&watcher, &SearchWatcher::foundAll);
    QSignalSpy failed(&watcher, &SearchWatcher::failed);
    watcher.startFindAll(engine(small(), QStringLiteral("FE FF")));
    watcher.abandon(); // even when the search already finished, nothing is reported
    QVERIFY(!watcher.isRunning());
    QTest::qWait(100);
    QCOMPARE(all.count(), 0);
    QCOMPARE(failed.count(), 0);
}

QTEST_MAIN(TestSearchWatcher)
#include "tst_searchwatcher.moc"
