#include "ui/window/filepositions.h"
#include "ui/window/recentfiles.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace hexmap;

class TestRecentFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void addMovesToFrontWithoutDuplicates();
    void capsAtMaxCount();
    void removeAndClear();
    void sharedThroughSettings();
    void positionsRoundTrip_data();
    void positionsRoundTrip();
    void positionsAreCapped();
};

void TestRecentFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recentfiles"));
}

void TestRecentFiles::init()
{
    QSettings().clear();
}

void TestRecentFiles::addMovesToFrontWithoutDuplicates()
{
    RecentFiles recent;
    QSignalSpy changed(&recent, &RecentFiles::changed);
    QVERIFY(recent.files().isEmpty());
    recent.add(QStringLiteral("/a"));
    recent.add(QStringLiteral("/b"));
    recent.add(QStringLiteral("/c"));
    QCOMPARE(recent.files(), (QStringList{"/c", "/b", "/a"}));
    recent.add(QStringLiteral("/a"));
    QCOMPARE(recent.files(), (QStringList{"/a", "/c", "/b"}));
    recent.add(QString()); // ignored
    QCOMPARE(recent.files().size(), 3);
    QCOMPARE(changed.count(), 4);
}

void TestRecentFiles::capsAtMaxCount()
{
    RecentFiles recent(nullptr, QStringLiteral("recent"), 3);
    for (int i = 0; i < 5; ++i)
        recent.add(QStringLiteral("/f%1").arg(i));
    QCOMPARE(recent.files(), (QStringList{"/f4", "/f3", "/f2"}));
    QCOMPARE(QSettings().value(QStringLiteral("recent")).toStringList().size(), 3);
}

void TestRecentFiles::removeAndClear()
{
    RecentFiles recent;
    recent.add(QStringLiteral("/a"));
    recent.add(QStringLiteral("/b"));
    QSignalSpy changed(&recent, &RecentFiles::changed);
    recent.remove(QStringLiteral("/missing"));
    QCOMPARE(changed.count(), 0);
    recent.remove(QStringLiteral("/a"));
    QCOMPARE(recent.files(), QStringList{"/b"});
    recent.clear();
    QVERIFY(recent.files().isEmpty());
    QVERIFY(!QSettings().contains(QStringLiteral("recentFiles")));
    QCOMPARE(changed.count(), 2);
}

void TestRecentFiles::sharedThroughSettings()
{
    {
        RecentFiles first;
        first.add(QStringLiteral("/x y/with spaces.bin"));
    }
    RecentFiles second;
    QCOMPARE(second.files(), QStringList{"/x y/with spaces.bin"});
}

void TestRecentFiles::positionsRoundTrip_data()
{
    QTest::addColumn<quint64>("offset");
    QTest::newRow("0") << 0ull;
    QTest::newRow("page") << 4096ull;
    QTest::newRow("1 TiB - 1") << (1ull << 40) - 1;
    QTest::newRow("max") << quint64(UINT64_MAX);
}

void TestRecentFiles::positionsRoundTrip()
{
    QFETCH(quint64, offset);
    {
        FilePositions positions;
        QVERIFY(!positions.offset(QStringLiteral("/data/a.bin")));
        positions.setOffset(QStringLiteral("/data/a.bin"), offset);
        positions.setOffset(QStringLiteral("/data/b.bin"), 7);
    }
    QSettings().sync();
    FilePositions positions;
    QCOMPARE(positions.offset(QStringLiteral("/data/a.bin")), std::optional<std::uint64_t>(offset));
    QCOMPARE(positions.offset(QStringLiteral("/data/b.bin")), std::optional<std::uint64_t>(7));
    positions.setOffset(QStringLiteral("/data/a.bin"), 5);
    QCOMPARE(positions.offset(QStringLiteral("/data/a.bin")), std::optional<std::uint64_t>(5));
    positions.clear();
    QVERIFY(!positions.offset(QStringLiteral("/data/b.bin")));
}

void TestRecentFiles::positionsAreCapped()
{
    FilePositions positions(QStringLiteral("positions"), 2);
    positions.setOffset(QStringLiteral("/1"), 1);
    positions.setOffset(QStringLiteral("/2"), 2);
    positions.setOffset(QStringLiteral("/1"), 11); // refreshes /1
    positions.setOffset(QStringLiteral("/3"), 3);  // drops the oldest: /2
    QCOMPARE(positions.offset(QStringLiteral("/1")), std::optional<std::uint64_t>(11));
    QVERIFY(!positions.offset(QStringLiteral("/2")));
    QCOMPARE(positions.offset(QStringLiteral("/3")), std::optional<std::uint64_t>(3));
}

QTEST_GUILESS_MAIN(TestRecentFiles)
#include "tst_recentfiles.moc"
