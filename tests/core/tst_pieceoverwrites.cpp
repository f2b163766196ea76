// PieceSnapshot's views for Save and the map: isInPlace (a Save needs no moves), overwrites() (the edited bytes as
// runs for saveOverlay, taken from the pieces without reading the original) and editedRanges/editedBytes, on
// overwrite-only documents, fills, inserts, deletes, an insert and a delete that cancel out in size, and random
// overwrite sequences checked against a byte model.
#include "piecetesthelpers.h"

#include <QtTest>

#include <random>

using namespace hexmap;
using namespace piecetest;

class TestPieceOverwrites : public QObject {
    Q_OBJECT

private slots:
    void overwriteOnlyIsInPlace();
    void movesAreNotInPlace();
    void randomOverwritesMatchModel();
};

void TestPieceOverwrites::overwriteOnlyIsInPlace()
{
    PieceTable table(100);
    QVERIFY(table.current().isInPlace());
    QVERIFY(table.current().overwrites()->isEmpty());
    const std::vector<std::byte> ab{std::byte{0xA}, std::byte{0xB}};
    QVERIFY(table.overwrite(10, ab).ok());
    QVERIFY(table.overwrite(12, ab).ok()); // touches the first: one run
    const std::vector<std::byte> z{std::byte{0}};
    QVERIFY(table.overwriteFill(50, z, 5).ok());
    const PieceSnapshot &doc = table.current();
    QVERIFY(doc.isInPlace());
    const auto runs = doc.overwrites()->runs();
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[0].offset, std::uint64_t(10));
    QCOMPARE(runs[0].bytes, (std::vector<std::byte>{std::byte{0xA}, std::byte{0xB}, std::byte{0xA}, std::byte{0xB}}));
    QCOMPARE(runs[1].range(), (ByteRange{50, 5}));
    QCOMPARE(doc.editedRanges(), (std::vector<ByteRange>{{10, 4}, {50, 5}}));
    QCOMPARE(doc.editedBytes(), std::uint64_t(9));
}

void TestPieceOverwrites::movesAreNotInPlace()
{
    const std::vector<std::byte> one{std::byte{1}};
    PieceTable inserted(100);
    QVERIFY(inserted.insert(40, one).ok());
    QVERIFY(!inserted.current().isInPlace());
    QVERIFY(!inserted.current().overwrites());
    QCOMPARE(inserted.current().editedRanges(), (std::vector<ByteRange>{{40, 1}}));
    PieceTable appended(100); // nothing moves, but the size changes
    QVERIFY(appended.insert(100, one).ok());
    QVERIFY(!appended.current().isInPlace());
    PieceTable same(100); // the same size, but the bytes between the insert and the delete moved
    QVERIFY(same.insert(10, one).ok());
    QVERIFY(same.erase(50, 1).ok());
    QCOMPARE(same.size(), std::uint64_t(100));
    QVERIFY(!same.current().isInPlace());
    PieceTable tail(100); // deleting the last byte and putting a new one there: in place
    QVERIFY(tail.erase(99, 1).ok());
    QVERIFY(tail.insert(99, one).ok());
    QVERIFY(tail.current().isInPlace());
    QCOMPARE(tail.current().overwrites()->runs().size(), std::size_t(1));
}

void TestPieceOverwrites::randomOverwritesMatchModel()
{
    const auto original = originalBytes(4096);
    PieceTable table(4096);
    std::vector<std::byte> model = original;
    std::vector<bool> edited(4096, false);
    std::mt19937_64 rng(16);
    for (int i = 0; i < 500; ++i) {
        const std::uint64_t at = rng() % 4096;
        std::vector<std::byte> put(1 + rng() % std::min<std::uint64_t>(32, 4096 - at));
        for (auto &b : put)
            b = std::byte(rng());
        QVERIFY(table.overwrite(at, put).ok());
        for (std::size_t k = 0; k < put.size(); ++k) {
            model[at + k] = put[k];
            edited[at + k] = true;
        }
    }
    const auto overlay = table.current().overwrites();
    QVERIFY(overlay);
    std::vector<std::byte> applied = original;
    QCOMPARE(overlay->apply(0, applied), std::size_t(std::count(edited.begin(), edited.end(), true)));
    QCOMPARE(applied, model);
    QCOMPARE(table.current().editedBytes(), std::uint64_t(std::count(edited.begin(), edited.end(), true)));
}

QTEST_GUILESS_MAIN(TestPieceOverwrites)
#include "tst_pieceoverwrites.moc"
