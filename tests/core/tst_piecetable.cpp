// PieceTable: each operation at the start, middle and end of a document and across piece boundaries (original /
// memory / fill pieces, fills split at odd phases), typing that merges into one piece, undo/redo versions,
// isModified, mapOriginal, a 10 GiB fill, bad input. Snapshots and scale: tst_piecesnapshot; random sequences
// against a model: tst_piecetablemodel.
#include "piecetesthelpers.h"

#include <QtTest>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace hexmap;
using namespace piecetest;

namespace {

using Step = PieceTable::UndoStep;
const std::vector<std::byte> kFill3{std::byte{0xA1}, std::byte{0xA2}, std::byte{0xA3}};

std::vector<std::byte> bytesOf(std::size_t length, int first)
{
    std::vector<std::byte> out(length);
    for (std::size_t i = 0; i < length; ++i)
        out[i] = std::byte((first + int(i)) & 0xFF);
    return out;
}

// A 45-byte document of every piece kind over a 32-byte original:
// O[0,8) M(4) O[8,16) F(phase 0, 4) F(phase 2, 5) O[16,32)  — the second fill starts at an odd phase.
struct Mixed {
    std::vector<std::byte> original = originalBytes(32);
    PieceTable table{32};
    Model model{original};
    Mixed()
    {
        const auto m = bytesOf(4, 0x40);
        (void)table.insert(8, m);
        model.insert(8, m);
        (void)table.insertFill(20, kFill3, 10);
        model.insert(20, repeat(kFill3, 10));
        (void)table.erase(24, 1);
        model.erase(24, 1);
    }
};

} // namespace

class TestPieceTable : public QObject {
    Q_OBJECT

private slots:
    void mixedDocumentShape();
    void operationAt_data();
    void operationAt();
    void fillPhaseSurvivesSplits();
    void overwritePastEndAppends();
    void typingMergesIntoOnePiece();
    void overwriteTypingMerges();
    void undoRedoVersions();
    void extendLastStep();
    void isModifiedIsStructural();
    void cancelledEditsJoinAcrossLeaves();
    void mapOriginalFollowsEdits();
    void hugeFillIsOnePiece();
    void restoreOriginalIsOneStep();
    void badInput_data();
    void badInput();
};

void TestPieceTable::mixedDocumentShape()
{
    Mixed mixed;
    const SaveLayout layout = mixed.table.layout();
    QCOMPARE(layout.size(), std::size_t(6));
    QCOMPARE(int(layout[3].kind), int(SavePiece::Kind::Fill));
    QCOMPARE(layout[3].src, std::uint64_t(0));
    QCOMPARE(layout[3].length, std::uint64_t(4));
    QCOMPARE(int(layout[4].kind), int(SavePiece::Kind::Fill));
    QCOMPARE(layout[4].src, std::uint64_t(2)); // 5 % 3: the fill resumes at pattern[2]
    QCOMPARE(layout[4].dst, std::uint64_t(24));
    std::mt19937_64 rng(1);
    const std::string e = checkAll(mixed.table.current(), mixed.model, mixed.original, rng);
    QVERIFY2(e.empty(), e.c_str());
}

void TestPieceTable::operationAt_data()
{
    QTest::addColumn<int>("op"); // 0 insert, 1 insertFill, 2 erase, 3 overwrite, 4 overwriteFill
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    const char *names[] = {"insert", "insertFill", "erase", "overwrite", "overwriteFill"};
    // start, inside O, O|M, inside M, M|O, O|F, inside F, F|F (odd phase), inside the odd-phase F, F|O, inside O, end
    for (int op = 0; op < 5; ++op)
        for (int offset : {0, 5, 8, 10, 12, 20, 22, 24, 26, 29, 40, 45})
            for (int length : {1, 7, 45 - offset}) {
                if (length == 0 || (op == 2 && offset + length > 45))
                    continue;
                QTest::addRow("%s at %d length %d", names[op], offset, length) << op << offset << length;
            }
}

void TestPieceTable::operationAt()
{
    QFETCH(int, op);
    QFETCH(int, offset);
    QFETCH(int, length);
    Mixed mixed;
    const auto data = bytesOf(std::size_t(length), 0x70);
    Status status;
    switch (op) {
    case 0: status = mixed.table.insert(offset, data); mixed.model.insert(offset, data); break;
    case 1: status = mixed.table.insertFill(offset, kFill3, length); mixed.model.insert(offset, repeat(kFill3, length)); break;
    case 2: status = mixed.table.erase(offset, length); mixed.model.erase(offset, length); break;
    case 3: status = mixed.table.overwrite(offset, data); mixed.model.overwrite(offset, data); break;
    default: status = mixed.table.overwriteFill(offset, kFill3, length); mixed.model.overwrite(offset, repeat(kFill3, length));
    }
    QVERIFY2(status.ok(), status.message().c_str());
    std::mt19937_64 rng(2);
    std::string e = checkAll(mixed.table.current(), mixed.model, mixed.original, rng);
    QVERIFY2(e.empty(), e.c_str());
    for (std::uint64_t a = 0; a <= mixed.model.size(); ++a) // every window of 1..9 bytes
        for (std::uint64_t n = 1; n <= 9 && a + n <= mixed.model.size(); ++n) {
            e = compareRange(mixed.table.current(), mixed.model, mixed.original, a, n);
            QVERIFY2(e.empty(), e.c_str());
        }
    QVERIFY(mixed.table.undo().ok()); // and back to the mixed document, the same version
    Mixed again;
    e = checkAll(mixed.table.current(), again.model, again.original, rng);
    QVERIFY2(e.empty(), e.c_str());
}

void TestPieceTable::fillPhaseSurvivesSplits()
{
    const std::vector<std::byte> p5 = bytesOf(5, 1);
    PieceTable table;
    Model model;
    QVERIFY(table.insertFill(0, p5, 23).ok());
    model.insert(0, repeat(p5, 23));
    QVERIFY(table.erase(3, 4).ok()); // F(0, 3) F(phase 7 % 5 = 2, 16)
    model.erase(3, 4);
    QVERIFY(table.insert(9, bytesOf(1, 0xEE)).ok()); // cuts the second fill at phase (2 + 6) % 5 = 3
    model.insert(9, bytesOf(1, 0xEE));
    const SaveLayout layout = table.layout();
    QCOMPARE(layout.size(), std::size_t(4));
    QCOMPARE(layout[1].src, std::uint64_t(2));
    QCOMPARE(layout[3].src, std::uint64_t(3));
    const std::vector<std::byte> none;
    std::mt19937_64 rng(3);
    const std::string e = checkAll(table.current(), model, none, rng, 50);
    QVERIFY2(e.empty(), e.c_str());
    // erasing the inserted byte joins the two fill pieces again (same pattern, phases continue)
    QVERIFY(table.erase(9, 1).ok());
    QCOMPARE(table.current().pieceCount(), std::size_t(2));
}

void TestPieceTable::overwritePastEndAppends()
{
    const auto original = originalBytes(4);
    PieceTable table(4);
    Model model(original);
    QVERIFY(table.overwrite(2, bytesOf(5, 0x10)).ok()); // 2 bytes replaced, 3 appended
    model.overwrite(2, bytesOf(5, 0x10));
    QCOMPARE(table.size(), std::uint64_t(7));
    QVERIFY(table.overwrite(7, bytesOf(2, 0x20)).ok()); // at the end: appends
    model.overwrite(7, bytesOf(2, 0x20));
    QVERIFY(table.overwriteFill(8, kFill3, 4).ok());
    model.overwrite(8, repeat(kFill3, 4));
    QCOMPARE(table.size(), std::uint64_t(12));
    std::mt19937_64 rng(4);
    const std::string e = checkAll(table.current(), model, original, rng);
    QVERIFY2(e.empty(), e.c_str());
    QVERIFY(!table.overwrite(13, bytesOf(1, 0)).ok());
}

void TestPieceTable::typingMergesIntoOnePiece()
{
    PieceTable table;
    std::vector<std::byte> typed;
    for (std::size_t i = 0; i < 1000000; ++i) {
        const std::byte b{std::uint8_t(i * 7)};
        QVERIFY(table.insert(table.size(), std::span(&b, 1), Step::ExtendLast).ok());
        typed.push_back(b);
    }
    // one piece per 64 KiB chunk, not one per byte, and the buffers hold the bytes once
    QCOMPARE(table.current().pieceCount(), std::size_t(1000000 / 65536 + 1));
    QVERIFY(table.bufferBytes() <= 1000000 + 65536);
    QCOMPARE(table.undoCount(), std::size_t(1));
    std::vector<std::byte> out(typed.size());
    const std::vector<std::byte> none;
    QCOMPARE(*table.read(0, out, VectorReader{&none}), typed.size());
    QVERIFY(out == typed);
}

void TestPieceTable::overwriteTypingMerges()
{
    const auto original = originalBytes(100000);
    PieceTable table(100000);
    Model model(original);
    for (std::uint64_t i = 0; i < 50000; ++i) { // one undo step per byte, like typing over bytes in the hex column
        const auto b = bytesOf(1, int(i));
        QVERIFY(table.overwrite(1000 + i, b).ok());
        model.overwrite(1000 + i, b);
    }
    QCOMPARE(table.current().pieceCount(), std::size_t(3)); // O, M (50 000 bytes in one chunk), O
    QCOMPARE(table.undoCount(), std::size_t(50000));
    std::mt19937_64 rng(5);
    const std::string e = checkAll(table.current(), model, original, rng);
    QVERIFY2(e.empty(), e.c_str());
    while (table.canUndo())
        QVERIFY(table.undo().ok());
    QVERIFY(!table.isModified());
}

void TestPieceTable::undoRedoVersions()
{
    PieceTable table(100);
    std::vector<PieceSnapshot> versions{table.snapshot()};
    QVERIFY(table.insert(10, bytesOf(3, 1)).ok());
    versions.push_back(table.snapshot());
    QVERIFY(table.erase(50, 20).ok());
    versions.push_back(table.snapshot());
    QVERIFY(table.insertFill(0, kFill3, 1000).ok());
    versions.push_back(table.snapshot());
    for (int i = 2; i >= 0; --i) {
        QVERIFY(table.undo().ok());
        QVERIFY(table.current().isSameVersion(versions[std::size_t(i)]));
    }
    QVERIFY(!table.canUndo());
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(table.redo().ok());
        QVERIFY(table.current().isSameVersion(versions[std::size_t(i)]));
    }
    QVERIFY(!table.canRedo());
    QVERIFY(table.undo().ok());
    QVERIFY(table.undo().ok());
    QCOMPARE(table.redoCount(), std::size_t(2));
    QVERIFY(table.erase(0, 1).ok()); // an edit drops the redo steps
    QVERIFY(!table.canRedo());
    QCOMPARE(table.undoCount(), std::size_t(2));
}

void TestPieceTable::extendLastStep()
{
    PieceTable table(10);
    QVERIFY(table.insert(0, bytesOf(1, 1), Step::ExtendLast).ok()); // nothing to extend: a step of its own
    QCOMPARE(table.undoCount(), std::size_t(1));
    QVERIFY(table.insert(1, bytesOf(1, 2), Step::ExtendLast).ok());
    QVERIFY(table.erase(5, 2, Step::ExtendLast).ok());
    QCOMPARE(table.undoCount(), std::size_t(1));
    QCOMPARE(table.size(), std::uint64_t(10));
    QVERIFY(table.insert(0, bytesOf(1, 3)).ok());
    QVERIFY(table.undo().ok());
    QVERIFY(table.insert(0, bytesOf(1, 4), Step::ExtendLast).ok()); // after an undo: a new step, not into step 1
    QCOMPARE(table.undoCount(), std::size_t(2));
    QVERIFY(table.undo().ok());
    QCOMPARE(table.size(), std::uint64_t(10));
    QVERIFY(table.undo().ok());
    QVERIFY(!table.isModified());
}

void TestPieceTable::isModifiedIsStructural()
{
    PieceTable table(10);
    QVERIFY(!table.isModified());
    QVERIFY(table.insert(4, bytesOf(3, 1)).ok());
    QVERIFY(table.isModified());
    QVERIFY(table.erase(4, 3).ok()); // the original's two halves join again
    QVERIFY(!table.isModified());
    QCOMPARE(table.current().pieceCount(), std::size_t(1));
    const auto same = originalBytes(10);
    QVERIFY(table.overwrite(2, std::span(same).subspan(2, 1)).ok()); // same value, but a memory piece
    QVERIFY(table.isModified());
    PieceTable empty;
    QVERIFY(!empty.isModified());
    QVERIFY(empty.insert(0, bytesOf(2, 1)).ok());
    QVERIFY(empty.isModified());
    QVERIFY(empty.erase(0, 2).ok());
    QVERIFY(!empty.isModified());
}

void TestPieceTable::cancelledEditsJoinAcrossLeaves()
{
    // 300 scattered inserts make a tree of several levels; erasing every inserted byte again must give back the
    // original as one piece, even where an insert sat at a leaf boundary.
    const auto original = originalBytes(1 << 20);
    PieceTable table(1 << 20);
    std::mt19937_64 rng(8);
    for (int i = 0; i < 300; ++i)
        QVERIFY(table.insert(rng() % (table.size() + 1), bytesOf(1 + rng() % 3, i)).ok());
    QVERIFY(table.current().height() >= 3);
    const auto slices = table.current().slices(0, table.size());
    for (auto it = slices.rbegin(); it != slices.rend(); ++it) // from the end, so offsets before stay valid
        if (it->piece.kind == Piece::Kind::Memory)
            QVERIFY(table.erase(it->offset, it->piece.length).ok());
    QCOMPARE(table.size(), std::uint64_t(1 << 20));
    QCOMPARE(table.current().pieceCount(), std::size_t(1));
    QVERIFY(!table.isModified());
}

void TestPieceTable::mapOriginalFollowsEdits()
{
    PieceTable table(10);
    QVERIFY(table.erase(2, 3).ok());
    for (std::uint64_t o : {2, 3, 4})
        QVERIFY(!table.mapOriginal(o));
    QCOMPARE(table.mapOriginal(1), std::optional<std::uint64_t>(1));
    QCOMPARE(table.mapOriginal(5), std::optional<std::uint64_t>(2));
    QVERIFY(table.insert(0, bytesOf(4, 1)).ok());
    QCOMPARE(table.mapOriginal(0), std::optional<std::uint64_t>(4));
    QCOMPARE(table.mapOriginal(9), std::optional<std::uint64_t>(10));
    QVERIFY(!table.mapOriginal(10));
    QVERIFY(!table.isOriginal(0));
    QVERIFY(table.isOriginal(4));
    QCOMPARE(table.current().originalOffsetAt(6), std::optional<std::uint64_t>(5));
}

void TestPieceTable::hugeFillIsOnePiece()
{
    const auto original = originalBytes(4096);
    PieceTable table(4096);
    const std::uint64_t tenGiB = 10ull << 30;
    QVERIFY(table.insertFill(2048, std::vector<std::byte>{std::byte{0}}, tenGiB).ok());
    QCOMPARE(table.size(), 4096 + tenGiB);
    QCOMPARE(table.current().pieceCount(), std::size_t(3));
    QCOMPARE(table.bufferBytes(), std::uint64_t(0));
    std::vector<std::byte> row(16, std::byte{0xEE});
    QCOMPARE(*table.read(2048 + tenGiB - 8, row, VectorReader{&original}), std::size_t(16));
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(row[std::size_t(i)], std::byte{0});
        QCOMPARE(row[std::size_t(8 + i)], original[std::size_t(2048 + i)]);
    }
    QCOMPARE(table.mapOriginal(2048), std::optional<std::uint64_t>(2048 + tenGiB));
}

void TestPieceTable::badInput_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("named");
    QTest::newRow("insert past the end") << 0 << "offset 101";
    QTest::newRow("insert empty") << 1 << "length 0";
    QTest::newRow("fill pattern empty") << 2 << "pattern of 0 bytes";
    QTest::newRow("fill pattern too long") << 3 << "pattern of 4097 bytes";
    QTest::newRow("fill length 0") << 4 << "length 0 at offset 7";
    QTest::newRow("fill past the end") << 5 << "offset 200";
    QTest::newRow("fill overflows the size") << 6 << "18446744073709551615 bytes overflows";
    QTest::newRow("erase length 0") << 7 << "length 0 at offset 3";
    QTest::newRow("erase past the end") << 8 << "6 bytes at offset 95";
    QTest::newRow("erase offset past the end") << 9 << "offset 101";
    QTest::newRow("erase length overflows") << 10 << "18446744073709551615 bytes at offset 5";
    QTest::newRow("overwrite past the end") << 11 << "offset 101";
    QTest::newRow("overwrite empty") << 12 << "length 0 at offset 4";
    QTest::newRow("fill overwrite overflows") << 13 << "18446744073709551615 bytes overflows";
    QTest::newRow("insert overflows a huge document") << 14 << "2 bytes overflows the document size 18446744073709551614";
    QTest::newRow("undo with nothing to undo") << 15 << "nothing to undo";
    QTest::newRow("redo with nothing to redo") << 16 << "nothing to redo";
}

void TestPieceTable::badInput()
{
    QFETCH(int, op);
    QFETCH(QString, named);
    PieceTable table(100);
    if (op == 14)
        QVERIFY(table.insertFill(0, kFill3, UINT64_MAX - 101).ok()); // size UINT64_MAX - 1
    const PieceSnapshot before = table.snapshot();
    const std::size_t undoBefore = table.undoCount();
    const auto one = bytesOf(1, 9);
    const std::vector<std::byte> none;
    Status status;
    switch (op) {
    case 0: status = table.insert(101, one); break;
    case 1: status = table.insert(5, none); break;
    case 2: status = table.insertFill(5, none, 10); break;
    case 3: status = table.insertFill(5, bytesOf(4097, 0), 10); break;
    case 4: status = table.insertFill(7, kFill3, 0); break;
    case 5: status = table.insertFill(200, kFill3, 10); break;
    case 6: status = table.insertFill(5, kFill3, UINT64_MAX); break;
    case 7: status = table.erase(3, 0); break;
    case 8: status = table.erase(95, 6); break;
    case 9: status = table.erase(101, 1); break;
    case 10: status = table.erase(5, UINT64_MAX); break;
    case 11: status = table.overwrite(101, one); break;
    case 12: status = table.overwrite(4, none); break;
    case 13: status = table.overwriteFill(50, kFill3, UINT64_MAX); break;
    case 14: status = table.insert(0, bytesOf(2, 0)); break;
    case 15: status = table.undo(); break;
    default: status = table.redo(); break;
    }
    QVERIFY(!status.ok());
    QCOMPARE(status.code(), make_error_code(Errc::InvalidArgument));
    QVERIFY2(status.message().find(named.toStdString()) != std::string::npos, status.message().c_str());
    QVERIFY(table.current().isSameVersion(before)); // nothing changed
    QCOMPARE(table.undoCount(), undoBefore);
    QVERIFY(!table.canRedo());
}

void TestPieceTable::restoreOriginalIsOneStep()
{
    Mixed mixed;
    const PieceSnapshot edited = mixed.table.snapshot();
    const std::size_t steps = mixed.table.undoCount();
    QVERIFY(mixed.table.restoreOriginal().ok());
    QVERIFY(!mixed.table.isModified());
    QCOMPARE(mixed.table.size(), std::uint64_t(32));
    QCOMPARE(mixed.table.undoCount(), steps + 1);
    std::mt19937_64 rng(3);
    std::string e = checkAll(mixed.table.current(), Model{mixed.original}, mixed.original, rng);
    QVERIFY2(e.empty(), e.c_str());
    QVERIFY(!mixed.table.restoreOriginal().ok()); // nothing left to revert
    QVERIFY(mixed.table.undo().ok());
    QVERIFY(mixed.table.current().isSameVersion(edited));

    PieceTable grown(0); // an empty file that grew: reverting empties it again
    QVERIFY(grown.insert(0, bytesOf(3, 1)).ok());
    QVERIFY(grown.restoreOriginal().ok());
    QCOMPARE(grown.size(), std::uint64_t(0));
    QVERIFY(!grown.isModified());
}

QTEST_GUILESS_MAIN(TestPieceTable)
#include "tst_piecetable.moc"
