// EditOverlay: set/erase/get/apply against a std::vector reference model, coalescing invariants, slices (undo),
// boundaries near UINT64_MAX, and 100 000 scattered edits.
#include "core/editoverlay.h"

#include <QtTest>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

using namespace hexmap;

namespace {

using Model = std::vector<std::optional<std::byte>>; // per offset: the edited value, or none

std::vector<std::byte> bytesOf(std::initializer_list<int> values)
{
    std::vector<std::byte> out;
    for (int v : values)
        out.push_back(std::byte(v));
    return out;
}

// Every invariant the overlay promises, checked against the model: same values, runs sorted, disjoint and
// never touching, byteCount exact.
void verify(const EditOverlay &overlay, const Model &model)
{
    std::uint64_t count = 0;
    for (std::size_t i = 0; i < model.size(); ++i) {
        QCOMPARE(overlay.get(i), model[i]);
        count += model[i].has_value();
    }
    QCOMPARE(overlay.byteCount(), count);
    const std::vector<ByteRange> ranges = overlay.ranges();
    for (std::size_t i = 1; i < ranges.size(); ++i)
        QVERIFY2(ranges[i - 1].end() < ranges[i].offset, "runs must be disjoint and not adjacent");
    // apply() over the whole model area on a buffer of 0xEE
    std::vector<std::byte> buffer(model.size(), std::byte{0xEE});
    overlay.apply(0, buffer);
    for (std::size_t i = 0; i < model.size(); ++i)
        QCOMPARE(buffer[i], model[i].value_or(std::byte{0xEE}));
}

} // namespace

class TestEditOverlay : public QObject {
    Q_OBJECT

private slots:
    void setCoalesces_data();
    void setCoalesces();
    void eraseCuts_data();
    void eraseCuts();
    void applyPartialWindow();
    void overlaps_data();
    void overlaps();
    void nearUint64Max();
    void sliceRestoresExactly();
    void randomAgainstModel();
    void hundredThousandEdits();
};

void TestEditOverlay::setCoalesces_data()
{
    QTest::addColumn<QList<int>>("ops"); // pairs (offset, length): sets bytes offset+i = (offset+i) & 0xFF
    QTest::addColumn<int>("runs");
    QTest::addColumn<int>("bytes");
    QTest::newRow("single") << QList<int>{5, 1} << 1 << 1;
    QTest::newRow("adjacent after") << QList<int>{5, 1, 6, 1} << 1 << 2;
    QTest::newRow("adjacent before") << QList<int>{6, 1, 5, 1} << 1 << 2;
    QTest::newRow("gap of one") << QList<int>{5, 1, 7, 1} << 2 << 2;
    QTest::newRow("fill the gap") << QList<int>{5, 1, 7, 1, 6, 1} << 1 << 3;
    QTest::newRow("overwrite inside") << QList<int>{0, 10, 3, 2} << 1 << 10;
    QTest::newRow("cover many") << QList<int>{2, 1, 4, 1, 8, 2, 0, 12} << 1 << 12;
    QTest::newRow("extend both ends") << QList<int>{4, 2, 2, 6} << 1 << 6;
    QTest::newRow("bridge two") << QList<int>{0, 3, 6, 3, 2, 5} << 1 << 9;
    QTest::newRow("same twice") << QList<int>{3, 4, 3, 4} << 1 << 4;
    QTest::newRow("offset zero") << QList<int>{0, 1} << 1 << 1;
}

void TestEditOverlay::setCoalesces()
{
    QFETCH(QList<int>, ops);
    QFETCH(int, runs);
    QFETCH(int, bytes);
    EditOverlay overlay;
    Model model(32);
    for (qsizetype i = 0; i < ops.size(); i += 2) {
        std::vector<std::byte> data;
        for (int k = 0; k < ops[i + 1]; ++k) {
            data.push_back(std::byte((ops[i] + k) * 7 + int(i)));
            model[std::size_t(ops[i] + k)] = data.back();
        }
        QVERIFY(overlay.set(std::uint64_t(ops[i]), data));
    }
    QCOMPARE(overlay.runCount(), std::size_t(runs));
    QCOMPARE(overlay.byteCount(), std::uint64_t(bytes));
    verify(overlay, model);
}

void TestEditOverlay::eraseCuts_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("runs"); // after erasing from an overlay holding [4, 12) and [16, 20)
    QTest::newRow("nothing") << 0 << 4 << 2;
    QTest::newRow("empty range") << 6 << 0 << 2;
    QTest::newRow("head") << 2 << 4 << 2;
    QTest::newRow("tail") << 10 << 4 << 2;
    QTest::newRow("split") << 6 << 2 << 3;
    QTest::newRow("whole first") << 4 << 8 << 1;
    QTest::newRow("across both") << 8 << 10 << 2;
    QTest::newRow("everything") << 0 << 32 << 0;
    QTest::newRow("last byte") << 19 << 1 << 2;
    QTest::newRow("first byte") << 4 << 1 << 2;
}

void TestEditOverlay::eraseCuts()
{
    QFETCH(int, offset);
    QFETCH(int, size);
    QFETCH(int, runs);
    EditOverlay overlay;
    Model model(32);
    for (int i = 4; i < 12; ++i)
        model[std::size_t(i)] = std::byte(i);
    for (int i = 16; i < 20; ++i)
        model[std::size_t(i)] = std::byte(i);
    QVERIFY(overlay.set(4, bytesOf({4, 5, 6, 7, 8, 9, 10, 11})));
    QVERIFY(overlay.set(16, bytesOf({16, 17, 18, 19})));
    overlay.erase({std::uint64_t(offset), std::uint64_t(size)});
    for (int i = offset; i < offset + size; ++i)
        model[std::size_t(i)].reset();
    QCOMPARE(overlay.runCount(), std::size_t(runs));
    verify(overlay, model);
}

void TestEditOverlay::applyPartialWindow()
{
    EditOverlay overlay;
    QVERIFY(overlay.set(10, bytesOf({1, 2, 3, 4, 5, 6})));
    QVERIFY(overlay.set(30, bytesOf({9})));
    std::vector<std::byte> row(8, std::byte{0});
    QCOMPARE(overlay.apply(12, row), std::size_t(4)); // [12, 20): bytes 12..15 edited
    QCOMPARE(row, bytesOf({3, 4, 5, 6, 0, 0, 0, 0}));
    std::vector<std::byte> row2(4, std::byte{0});
    QCOMPARE(overlay.apply(28, row2), std::size_t(1));
    QCOMPARE(row2, bytesOf({0, 0, 9, 0}));
    std::vector<std::byte> none(4, std::byte{0});
    QCOMPARE(overlay.apply(0, none), std::size_t(0));
}

void TestEditOverlay::overlaps_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("expected"); // overlay holds [10, 14)
    QTest::newRow("before touching") << 6 << 4 << false;
    QTest::newRow("first byte") << 10 << 1 << true;
    QTest::newRow("last byte") << 13 << 1 << true;
    QTest::newRow("after touching") << 14 << 4 << false;
    QTest::newRow("covering") << 0 << 100 << true;
    QTest::newRow("empty inside") << 11 << 0 << false;
}

void TestEditOverlay::overlaps()
{
    QFETCH(int, offset);
    QFETCH(int, size);
    QFETCH(bool, expected);
    EditOverlay overlay;
    QVERIFY(overlay.set(10, bytesOf({1, 2, 3, 4})));
    QCOMPARE(overlay.overlaps({std::uint64_t(offset), std::uint64_t(size)}), expected);
}

void TestEditOverlay::nearUint64Max()
{
    EditOverlay overlay;
    QVERIFY(overlay.set(UINT64_MAX - 2, bytesOf({1, 2})));  // ends exactly at UINT64_MAX
    QVERIFY(!overlay.set(UINT64_MAX - 1, bytesOf({1, 2}))); // would pass it
    QCOMPARE(overlay.byteCount(), std::uint64_t(2));
    QCOMPARE(overlay.get(UINT64_MAX - 1), std::optional<std::byte>(std::byte{2}));
    QVERIFY(overlay.overlaps({UINT64_MAX - 1, 1}));
    overlay.erase({UINT64_MAX - 1, 1});
    QCOMPARE(overlay.byteCount(), std::uint64_t(1));
}

void TestEditOverlay::sliceRestoresExactly()
{
    EditOverlay overlay;
    QVERIFY(overlay.set(2, bytesOf({1, 1})));
    QVERIFY(overlay.set(8, bytesOf({2, 2, 2})));
    const EditOverlay before = overlay;
    const ByteRange changed{3, 6}; // [3, 9): cuts both runs
    const EditOverlay::Slice slice = overlay.extract(changed);
    QCOMPARE(slice.runs.size(), std::size_t(2));
    QVERIFY(overlay.set(3, bytesOf({7, 7, 7, 7, 7, 7})));
    QCOMPARE(overlay.runCount(), std::size_t(1));
    overlay.restore(slice);
    QCOMPARE(overlay.runs(), before.runs());
    QCOMPARE(overlay.byteCount(), before.byteCount());
}

void TestEditOverlay::randomAgainstModel()
{
    std::mt19937_64 rng(42);
    EditOverlay overlay;
    Model model(300);
    std::vector<std::pair<EditOverlay::Slice, EditOverlay>> history; // slice taken before op, overlay before op
    for (int step = 0; step < 3000; ++step) {
        const std::uint64_t offset = rng() % 290;
        const std::uint64_t size = rng() % 10;
        const EditOverlay::Slice slice = overlay.extract({offset, size});
        const EditOverlay snapshot = overlay;
        if (rng() % 4 == 0) {
            overlay.erase({offset, size});
            for (std::uint64_t i = offset; i < offset + size; ++i)
                model[i].reset();
        } else {
            std::vector<std::byte> data(size);
            for (std::uint64_t i = 0; i < size; ++i) {
                data[i] = std::byte(rng());
                model[offset + i] = data[i];
            }
            QVERIFY(overlay.set(offset, data));
        }
        if (step % 50 == 0) {
            verify(overlay, model);
            if (QTest::currentTestFailed())
                return;
            // Undo by restoring the slice gives back the previous overlay exactly.
            EditOverlay undone = overlay;
            undone.restore(slice);
            QCOMPARE(undone.runs(), snapshot.runs());
            QCOMPARE(undone.byteCount(), snapshot.byteCount());
        }
    }
    verify(overlay, model);
}

void TestEditOverlay::hundredThousandEdits()
{
    EditOverlay overlay;
    for (std::uint64_t i = 0; i < 100000; ++i)
        QVERIFY(overlay.set(i * 3, std::byte(i))); // never adjacent: 100 000 runs
    QCOMPARE(overlay.runCount(), std::size_t(100000));
    QCOMPARE(overlay.byteCount(), std::uint64_t(100000));
    QCOMPARE(overlay.get(299997), std::optional<std::byte>(std::byte(99999 & 0xFF)));
    QCOMPARE(overlay.get(299998), std::nullopt);
    std::vector<std::byte> row(16, std::byte{0});
    QCOMPARE(overlay.apply(150000, row), std::size_t(6));
    for (std::uint64_t i = 0; i < 100000; ++i)
        QVERIFY(overlay.set(i * 3 + 1, std::byte(0))); // now pairs touch: still 100 000 runs, 200 000 bytes
    QCOMPARE(overlay.runCount(), std::size_t(100000));
    QCOMPARE(overlay.byteCount(), std::uint64_t(200000));
    overlay.erase({0, 300000});
    QVERIFY(overlay.isEmpty());
    QCOMPARE(overlay.byteCount(), std::uint64_t(0));
}

QTEST_GUILESS_MAIN(TestEditOverlay)
#include "tst_editoverlay.moc"
