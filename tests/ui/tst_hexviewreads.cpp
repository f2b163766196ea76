// Runs under ThreadSanitizer in CI: the view paints one range of a mapping while another thread writes a
// disjoint range of the same mapping through a WriteRange. No race may be reported and the painted rows match.
#include "hexviewtesthelpers.h"

#include <QTemporaryDir>

#include <thread>

using namespace hexmap;
using namespace hexmap::testing;

class TestHexViewReads : public QObject
{
    Q_OBJECT
private slots:
    void paintsWhileAnotherThreadWritesElsewhere();
};

void TestHexViewReads::paintsWhileAnotherThreadWritesElsewhere()
{
    QTemporaryDir dir;
    const std::uint64_t page = MappedFile::pageSize();
    auto created = MappedFile::create(dir.filePath("rw.bin").toStdString(), 4 * page);
    QVERIFY(created);
    MappedFile file = created.value();
    // The view's rows: the first page, filled before the writer starts.
    QVERIFY(file.fill(ByteRange{0, page}, std::byte{0x41}));
    // The writer's range: the last two pages, handed out as a token.
    auto allocator = file.allocator(ByteRange{2 * page, 2 * page});
    QVERIFY(allocator);
    auto range = allocator.value().allocate(2 * page);
    QVERIFY(range);

    HexView view;
    view.resize(700, 300);
    view.show();
    view.setFile(file);
    std::thread writer([&file, token = std::move(*range)] {
        for (int round = 0; round < 50; ++round)
            (void)file.fill(token, std::byte(round));
    });
    const QString expected = QStringLiteral("00000000  41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41  AAAAAAAAAAAAAAAA");
    for (int i = 0; i < 20; ++i) {
        paint(view);
        QCOMPARE(hexmap::testing::paintedRowTexts(view).first(), expected);
    }
    writer.join();
    // After the join the writer's bytes are visible to this thread: its last round (49 = 0x31 = '1') shows.
    view.scrollToOffset(2 * page);
    paint(view);
    QCOMPARE(hexmap::testing::paintedRowTexts(view).first().mid(10, 5), QStringLiteral("31 31"));
    QVERIFY(hexmap::testing::paintedRowTexts(view).first().endsWith(QStringLiteral("1111111111111111")));
}

QTEST_MAIN(TestHexViewReads)
#include "tst_hexviewreads.moc"
