// PieceSnapshot: a row without edits is one read of the original; snapshots keep reading their version after 1000
// more edits and undos, also on another thread while the table is edited (label "concurrency": ThreadSanitizer in
// CI); a 100 000-edit table over a 1 TiB original (tree height bound, rows read each original piece once, layout
// and tree invariants); erases and fills spanning thousands of pieces on a deep tree; node sizes as documented.
#include "core/piecetree.h"
#include "piecetesthelpers.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace hexmap;
using namespace piecetest;

namespace {

using Step = PieceTable::UndoStep;

std::vector<std::byte> bytesOf(std::size_t length, int first)
{
    std::vector<std::byte> out(length);
    for (std::size_t i = 0; i < length; ++i)
        out[i] = std::byte((first + int(i)) & 0xFF);
    return out;
}

std::uint8_t virtualByte(std::uint64_t offset)
{
    return std::uint8_t((offset * 2654435761u) >> 13);
}

} // namespace

class TestPieceSnapshot : public QObject {
    Q_OBJECT

private slots:
    void rowWithoutEditsIsOneRead();
    void snapshotKeepsOldBytes();
    void snapshotReadOnAnotherThread();
    void hundredThousandEdits();
    void largeEditsOnADeepTree();
    void nodeSize();
};

void TestPieceSnapshot::rowWithoutEditsIsOneRead()
{
    const auto original = originalBytes(1 << 20);
    PieceTable table(1 << 20);
    int calls = 0;
    std::vector<std::byte> row(16);
    QCOMPARE(*table.read(123457, row, VectorReader{&original, &calls}), std::size_t(16));
    QCOMPARE(calls, 1);
    QCOMPARE(table.current().height(), std::size_t(1));
    QVERIFY(std::equal(row.begin(), row.end(), original.begin() + 123457));
}

void TestPieceSnapshot::snapshotKeepsOldBytes()
{
    const auto original = originalBytes(4096);
    PieceTable table(4096);
    const PieceSnapshot before = table.snapshot();
    std::mt19937_64 rng(6);
    PieceSnapshot middle;
    Model middleModel;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t offset = rng() % (table.size() + 1);
        const auto data = bytesOf(1 + rng() % 8, int(i));
        if (i % 3 == 2 && table.canUndo()) {
            QVERIFY(table.undo().ok());
        } else if (i % 3 == 1 && offset < table.size()) {
            QVERIFY(table.erase(offset, 1).ok());
        } else {
            QVERIFY(table.insert(offset, data, i % 2 ? Step::ExtendLast : Step::New).ok());
        }
        if (i == 500) { // keep this version and its bytes as read now
            middle = table.snapshot();
            middleModel.bytes.resize(middle.size());
            QVERIFY(middle.read(0, middleModel.bytes, VectorReader{&original}).ok());
        }
    }
    QVERIFY(middle.size() > 0);
    QVERIFY(!middle.isSameVersion(table.current()));
    const Model untouched(original);
    std::string e = checkAll(before, untouched, original, rng);
    QVERIFY2(e.empty(), e.c_str());
    QVERIFY(!before.isModified());
    for (std::uint64_t a = 0; a < middle.size(); a += 97) {
        e = compareRange(middle, middleModel, original, a, 64);
        QVERIFY2(e.empty(), e.c_str());
    }
}

void TestPieceSnapshot::snapshotReadOnAnotherThread()
{
    // The reader holds a snapshot whose last piece lies in the current insert chunk, while this thread appends more
    // bytes to that same chunk (typing), undoes and redoes: the reader must keep seeing its version. Run under
    // ThreadSanitizer in CI (label "concurrency").
    const auto original = originalBytes(65536);
    PieceTable table(65536);
    for (int i = 0; i < 100; ++i)
        QVERIFY(table.insert(table.size(), bytesOf(1, i), Step::ExtendLast).ok());
    const PieceSnapshot shared = table.snapshot();
    std::vector<std::byte> expected(shared.size());
    QVERIFY(shared.read(0, expected, VectorReader{&original}).ok());
    std::atomic<bool> stop{false};
    std::atomic<int> mismatches{0};
    std::atomic<int> reads{0};
    std::thread reader([&] {
        std::vector<std::byte> out(expected.size());
        while (!stop.load() || reads.load() < 5) {
            const auto n = shared.read(0, out, VectorReader{&original});
            if (!n || *n != out.size() || out != expected)
                mismatches.fetch_add(1);
            reads.fetch_add(1);
        }
    });
    for (int i = 0; i < 20000; ++i) {
        QVERIFY(table.insert(table.size() - (i % 7 == 0 ? 1 : 0), bytesOf(1, i), Step::ExtendLast).ok());
        if (i % 100 == 99) {
            QVERIFY(table.undo().ok());
            QVERIFY(table.redo().ok());
        }
    }
    stop.store(true);
    reader.join();
    QCOMPARE(mismatches.load(), 0);
    QVERIFY(reads.load() >= 5);
}

void TestPieceSnapshot::hundredThousandEdits()
{
    // A 1 TiB original that exists only as a function of the offset, 100 000 random small edits.
    const std::uint64_t oneTiB = 1ull << 40;
    int calls = 0;
    auto reader = [&](std::uint64_t offset, std::span<std::byte> out) {
        ++calls;
        if (offset > oneTiB || out.size() > oneTiB - offset)
            return false;
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = std::byte(virtualByte(offset + i));
        return true;
    };
    PieceTable table(oneTiB);
    std::mt19937_64 rng(7);
    for (int i = 0; i < 100000; ++i) {
        const std::uint64_t offset = rng() % table.size();
        const auto data = bytesOf(1 + rng() % 4, i);
        const auto r = rng() % 3;
        const Status s = r == 0 ? table.insert(offset, data) : r == 1 ? table.erase(offset, data.size())
                                                                      : table.overwrite(offset, data);
        QVERIFY2(s.ok(), s.message().c_str());
    }
    const PieceSnapshot doc = table.snapshot();
    const std::size_t n = doc.pieceCount();
    QVERIFY(n > 100000);
    const double bound = std::log2(double(n)) / 2 + 1; // log4(n) + 1: every node but the root is >= 1/4 full
    qInfo("%zu pieces, height %zu, bound %.1f", n, doc.height(), bound);
    QVERIFY2(double(doc.height()) <= bound,
             (std::to_string(doc.height()) + " > " + std::to_string(bound)).c_str());
    // rows at random offsets: original bytes are the function's, each row reads each original piece in it once
    std::vector<std::byte> row(16);
    for (int i = 0; i < 2000; ++i) {
        const std::uint64_t offset = rng() % (doc.size() - 16);
        calls = 0;
        QCOMPARE(*doc.read(offset, row, reader), std::size_t(16));
        int originalPieces = 0;
        doc.forEachSlice(ByteRange{offset, 16}, [&](std::uint64_t, const Piece &p) {
            originalPieces += p.kind == Piece::Kind::Original;
        });
        QCOMPARE(calls, originalPieces);
        for (std::uint64_t k = 0; k < 16; ++k)
            if (const auto src = doc.originalOffsetAt(offset + k))
                QCOMPARE(row[k], std::byte(virtualByte(*src)));
    }
    // layout invariants over the whole table (the bytes are checked by tst_piecetablemodel)
    std::uint64_t dst = 0;
    std::uint64_t lastOriginalEnd = 0;
    for (const SavePiece &p : doc.layout()) {
        QCOMPARE(p.dst, dst);
        QVERIFY(p.length > 0);
        if (p.kind == SavePiece::Kind::Original) {
            QVERIFY(p.src >= lastOriginalEnd);
            lastOriginalEnd = p.src + p.length;
        }
        dst += p.length;
    }
    QCOMPARE(dst, doc.size());
    const std::string e = checkTree(doc); // B+tree invariants at 5 levels
    QVERIFY2(e.empty(), e.c_str());
}

void TestPieceSnapshot::largeEditsOnADeepTree()
{
    // Erases and fills spanning thousands of pieces (whole subtrees dropped, branches merged), undo and redo, on a
    // tree of 4+ levels; after each: the B+tree invariants, the size, and mapOriginal/originalOffsetAt agreeing.
    const std::uint64_t oneTiB = 1ull << 40;
    PieceTable table(oneTiB);
    std::mt19937_64 rng(9);
    for (int i = 0; i < 30000; ++i)
        QVERIFY(table.insert(rng() % (table.size() + 1), bytesOf(1 + rng() % 3, i)).ok());
    QVERIFY(table.current().height() >= 4);
    for (int i = 0; i < 400; ++i) {
        const std::uint64_t size = table.size();
        const std::uint64_t offset = rng() % size;
        const std::uint64_t length = 1 + rng() % std::max<std::uint64_t>(1, (size - offset) / 8);
        const auto r = rng() % 6;
        std::uint64_t expected = size;
        Status status;
        if (r < 2) {
            status = table.erase(offset, length);
            expected = size - length;
        } else if (r == 2) {
            status = table.overwriteFill(offset, bytesOf(3, i), length);
            expected = std::max(size, offset + length);
        } else if (r == 3) {
            status = table.insert(offset, bytesOf(1 + rng() % 20000, i));
            expected = table.size();
        } else if (r == 4) {
            status = table.undo();
            expected = table.size();
        } else {
            status = table.canRedo() ? table.redo() : table.insertFill(offset, bytesOf(1, i), length);
            expected = table.size();
        }
        QVERIFY2(status.ok(), status.message().c_str());
        QCOMPARE(table.size(), expected);
        const PieceSnapshot doc = table.snapshot();
        const std::string e = checkTree(doc);
        QVERIFY2(e.empty(), (std::to_string(i) + ": " + e).c_str());
        for (int k = 0; k < 20; ++k) {
            const std::uint64_t d = rng() % doc.size();
            if (const auto src = doc.originalOffsetAt(d))
                QCOMPARE(doc.mapOriginal(*src), std::optional<std::uint64_t>(d));
        }
    }
}

void TestPieceSnapshot::nodeSize()
{
    // The sizes documented in core/piecetree.h (LP64).
    QCOMPARE(sizeof(PieceLeaf), std::size_t(792));
    QCOMPARE(sizeof(PieceBranch), std::size_t(408));
}

QTEST_GUILESS_MAIN(TestPieceSnapshot)
#include "tst_piecesnapshot.moc"
