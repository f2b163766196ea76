// PieceTable against a plain std::vector model: over a thousand seeded random sequences of insert, insertFill, erase,
// overwrite, overwriteFill, undo and redo (some joined to the last undo step), on originals of 0, 1, 4096 and 100 000
// bytes, checked after every step: the whole document and random ranges byte for byte, layout() invariants and
// bytes, mapOriginal/isOriginal/originalOffsetAt, undo/redo availability. A failure names its seed and step.
#include "piecetesthelpers.h"

#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace hexmap;
using namespace piecetest;

namespace {

using Step = PieceTable::UndoStep;

std::vector<std::byte> randomBytes(std::mt19937_64 &rng, std::size_t length)
{
    std::vector<std::byte> out(length);
    for (auto &b : out)
        b = std::byte(rng() & 0xFF);
    return out;
}

// Mostly short lengths, sometimes hundreds, rarely above the 16 KiB own-buffer threshold.
std::size_t randomLength(std::mt19937_64 &rng)
{
    const auto r = rng() % 100;
    return r < 70 ? 1 + rng() % 8 : r < 97 ? 1 + rng() % 400 : 16 * 1024 + rng() % 4096;
}

// Offsets at the ends and at piece boundaries (where the bugs live) a third of the time, else anywhere.
std::uint64_t randomOffset(std::mt19937_64 &rng, const PieceSnapshot &doc)
{
    const auto r = rng() % 6;
    if (r == 0)
        return 0;
    if (r == 1)
        return doc.size();
    if (r == 2 && doc.size() > 0) {
        const auto slices = doc.slices(0, doc.size());
        const auto &s = slices[rng() % slices.size()];
        return s.offset + (rng() % 3 == 0 ? s.piece.length : 0);
    }
    return rng() % (doc.size() + 1);
}

// One random sequence; returns "" or the first difference with its step.
std::string runSequence(std::uint64_t seed, std::size_t originalSize, int steps, std::size_t &maxHeight)
{
    std::mt19937_64 rng(seed);
    const std::vector<std::byte> original = originalBytes(originalSize);
    PieceTable table(originalSize);
    std::vector<Model> history{Model(original)};
    std::size_t index = 0;
    for (int stepNo = 0; stepNo < steps; ++stepNo) {
        const Model &model = history[index];
        const std::uint64_t size = model.size();
        const std::uint64_t offset = randomOffset(rng, table.current());
        const Step step = rng() % 5 == 0 ? Step::ExtendLast : Step::New;
        const auto r = rng() % 100;
        std::optional<Model> next;
        std::string what;
        Status status;
        if (r < 25) {
            const auto data = randomBytes(rng, randomLength(rng));
            what = "insert " + rangeText(offset, data.size());
            status = table.insert(offset, data, step);
            next = model;
            next->insert(offset, data);
        } else if (r < 37) {
            const auto pattern = randomBytes(rng, 1 + rng() % 5);
            const std::size_t length = randomLength(rng);
            what = "insertFill " + rangeText(offset, length) + " pattern " + std::to_string(pattern.size());
            status = table.insertFill(offset, pattern, length, step);
            next = model;
            next->insert(offset, repeat(pattern, length));
        } else if (r < 57) {
            const std::size_t length = size == offset ? 1 : 1 + rng() % std::min<std::uint64_t>(size - offset, 600);
            what = "erase " + rangeText(offset, length);
            status = table.erase(offset, length, step);
            if (offset + length <= size) {
                next = model;
                next->erase(offset, length);
            }
        } else if (r < 72) {
            const auto data = randomBytes(rng, randomLength(rng));
            what = "overwrite " + rangeText(offset, data.size());
            status = table.overwrite(offset, data, step);
            next = model;
            next->overwrite(offset, data);
        } else if (r < 80) {
            const auto pattern = randomBytes(rng, 1 + rng() % 5);
            const std::size_t length = randomLength(rng);
            what = "overwriteFill " + rangeText(offset, length);
            status = table.overwriteFill(offset, pattern, length, step);
            next = model;
            next->overwrite(offset, repeat(pattern, length));
        } else if (r < 92) {
            what = "undo";
            status = table.undo();
            if (index > 0)
                --index;
            else if (status.ok())
                return "seed " + std::to_string(seed) + " step " + std::to_string(stepNo) + ": undo succeeded at the start";
        } else {
            what = "redo";
            status = table.redo();
            if (index + 1 < history.size())
                ++index;
            else if (status.ok())
                return "seed " + std::to_string(seed) + " step " + std::to_string(stepNo) + ": redo succeeded at the end";
        }
        const std::string where = "seed " + std::to_string(seed) + " original " + std::to_string(originalSize)
            + " step " + std::to_string(stepNo) + " " + what + ": ";
        const bool isEdit = r < 80;
        if (isEdit && status.ok() != next.has_value())
            return where + "status " + (status.ok() ? "ok" : status.message()) + ", expected the opposite";
        if (isEdit && next) {
            const bool extend = step == Step::ExtendLast && index > 0 && index + 1 == history.size();
            history.resize(index + 1);
            if (extend)
                history[index] = std::move(*next);
            else {
                history.push_back(std::move(*next));
                ++index;
            }
        }
        if (table.canUndo() != (index > 0) || table.canRedo() != (index + 1 < history.size()))
            return where + "canUndo/canRedo disagree with the model";
        if (auto e = checkAll(table.current(), history[index], original, rng); !e.empty())
            return where + e;
        maxHeight = std::max(maxHeight, table.current().height());
    }
    return {};
}

} // namespace

class TestPieceTableModel : public QObject {
    Q_OBJECT

private slots:
    void randomSequences_data();
    void randomSequences();
};

void TestPieceTableModel::randomSequences_data()
{
    QTest::addColumn<int>("originalSize");
    QTest::addColumn<int>("sequences");
    QTest::addColumn<int>("steps");
    // HEXMAP_MODEL_SCALE=N runs N times as many sequences (the CI runs the default under three builds, two with
    // sanitizers; the piece table's author ran it at 4 and 180 long sequences by hand).
    const int scale = std::max(1, qEnvironmentVariableIntValue("HEXMAP_MODEL_SCALE"));
    QTest::newRow("empty original") << 0 << 400 * scale << 40;
    QTest::newRow("1 byte") << 1 << 400 * scale << 40;
    QTest::newRow("4096 bytes") << 4096 << 250 * scale << 40;
    QTest::newRow("100000 bytes") << 100000 << 40 * scale << 40;
    QTest::newRow("4096 bytes, long sequences (deeper trees)") << 4096 << 3 * scale << 1500;
}

void TestPieceTableModel::randomSequences()
{
    QFETCH(int, originalSize);
    QFETCH(int, sequences);
    QFETCH(int, steps);
    std::size_t maxHeight = 0;
    for (int i = 0; i < sequences; ++i) {
        const std::uint64_t seed = 0x5EED0000u + std::uint64_t(originalSize) * 1000003u + std::uint64_t(i);
        const std::string failure = runSequence(seed, std::size_t(originalSize), steps, maxHeight);
        QVERIFY2(failure.empty(), failure.c_str());
    }
    if (steps >= 1000) // the long sequences reach trees of several levels (branches splitting and merging)
        QVERIFY2(maxHeight >= 3, std::to_string(maxHeight).c_str());
}

QTEST_GUILESS_MAIN(TestPieceTableModel)
#include "tst_piecetablemodel.moc"
