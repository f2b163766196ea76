// bench_editpaint: time to paint a full HexView viewport showing a document with 100 000 edits (a PieceTable over a
// 1 GiB sparse file) versus the same file with no edits, in one process. Issue 15's target: "the editor stays
// responsive while the piece table holds 100 000 edits (paint within 1.5x of no edits)".
//  - spread: 100 000 random inserts, erases and overwrites over the whole file (about one edit per 10 KiB: most
//    painted rows hold none, each row still costs a lookup in a tree of ~200 000 pieces and may be moved);
//  - dense: 100 000 one-byte overwrites on every 3rd byte of a 300 000-byte window, painted there: every row is
//    composed from ~11 pieces and drawn with the edited colour (the worst case for the row composer).
// Results go to docs/BENCHMARKS.md "## Editing". Exit code 2 when a ratio is above 1.5.
// Usage: QT_QPA_PLATFORM=offscreen bench_editpaint [frames=200]
#include "core/mappedfile.h"
#include "core/piecetable.h"
#include "ui/view/hexview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace hexmap;

namespace {

constexpr std::uint64_t kFileSize = std::uint64_t(1) << 30;
constexpr int kEdits = 100000;

// ms per frame of `frames` paints of the viewport at each of `offsets` (document offsets).
double paintOnce(HexView &view, const std::vector<std::uint64_t> &offsets, int frames)
{
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer timer;
    timer.start();
    for (const std::uint64_t offset : offsets) {
        view.scrollToOffset(offset);
        view.setCursorOffset(offset + 5);
        for (int i = 0; i < frames; ++i)
            view.viewport()->render(&image);
    }
    return double(timer.nsecsElapsed()) / 1e6 / double(frames * int(offsets.size()));
}

struct Pair {
    double clean = 0;
    double edited = 0;
};

// Medians over `rounds` rounds, each painting the view without edits and then the one with edits, alternately, so
// that a change of the machine's load hits both alike.
Pair paintPair(HexView &clean, HexView &edited, const std::vector<std::uint64_t> &offsets, int frames, int rounds)
{
    paintOnce(clean, offsets, 20); // warm up glyph caches and page faults
    paintOnce(edited, offsets, 20);
    std::vector<double> a, b;
    for (int r = 0; r < rounds; ++r) {
        a.push_back(paintOnce(clean, offsets, frames));
        b.push_back(paintOnce(edited, offsets, frames));
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return {a[a.size() / 2], b[b.size() / 2]};
}

// Non-zero bytes around each painted window (the rest of the file is a hole).
bool writeContent(const QString &path, const std::vector<std::uint64_t> &windows)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.resize(qint64(kFileSize)))
        return false;
    QByteArray block(1 << 20, '\0');
    for (int i = 0; i < block.size(); ++i)
        block[i] = char((i * 7 + (i >> 9)) & 0xFF);
    // 4 MiB around each window: the edits before it move the document's bytes there by up to ~1 MiB.
    for (const std::uint64_t w : windows) {
        const std::uint64_t at = w > (2u << 20) ? w - (2u << 20) : 0;
        for (int k = 0; k < 4; ++k)
            if (!f.seek(qint64(at + std::uint64_t(k) * block.size())) || f.write(block) != block.size())
                return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int frames = argc > 1 ? std::max(1, atoi(argv[1])) : 200;
    const int rounds = 9;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("paint.bin"));
    const std::vector<std::uint64_t> spreadAt = {kFileSize / 4, kFileSize / 2, kFileSize / 4 * 3};
    const std::uint64_t denseStart = 64u << 20;
    const std::uint64_t denseAt = denseStart + 150000 / 16 * 16; // visible rows full of edits
    std::vector<std::uint64_t> windows = spreadAt;
    windows.push_back(denseAt);
    if (!writeContent(path, windows)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    auto file = MappedFile::openReadOnly(path.toStdString());
    if (!file) {
        std::fprintf(stderr, "%s\n", file.message().c_str());
        return 1;
    }

    // 100 000 random edits over the whole file, as one undo step (the history keeps no per-edit versions).
    QElapsedTimer build;
    build.start();
    PieceTable spread(kFileSize);
    std::mt19937_64 rng(15);
    std::vector<std::byte> bytes(64);
    int inserts = 0, erases = 0, overwrites = 0;
    for (int i = 0; i < kEdits; ++i) {
        const std::uint64_t offset = rng() % spread.size();
        const std::size_t n = 1 + std::size_t(rng() % 16);
        for (std::size_t k = 0; k < n; ++k)
            bytes[k] = std::byte(rng());
        const auto step = PieceTable::UndoStep::ExtendLast;
        Status done;
        switch (rng() % 3) {
        case 0:
            done = spread.insert(offset, std::span(bytes).first(n), step);
            ++inserts;
            break;
        case 1:
            done = spread.erase(offset, std::min<std::uint64_t>(1 + rng() % 64, spread.size() - offset), step);
            ++erases;
            break;
        default:
            done = spread.overwrite(offset, std::span(bytes).first(n), step);
            ++overwrites;
            break;
        }
        if (!done.ok()) {
            std::fprintf(stderr, "edit %d: %s\n", i, done.message().c_str());
            return 1;
        }
    }
    PieceTable dense(kFileSize);
    for (std::uint64_t i = 0; i < std::uint64_t(kEdits); ++i) { // every 3rd byte of [denseStart, +300 000)
        const std::byte b{std::uint8_t(i)};
        if (!dense.overwrite(denseStart + i * 3, std::span(&b, 1), PieceTable::UndoStep::ExtendLast).ok())
            return 1;
    }
    const double buildMs = double(build.nsecsElapsed()) / 1e6;

    HexView view; // the file without edits
    HexView edited;
    for (HexView *v : {&view, &edited}) {
        v->resize(1000, 900);
        v->setBytesPerRow(16);
        v->setFile(*file);
        v->show();
    }
    const std::vector<std::uint64_t> denseOffsets = {denseAt};
    edited.setSnapshot(spread.snapshot());
    const Pair spreadMs = paintPair(view, edited, spreadAt, frames, rounds);
    edited.setSnapshot(dense.snapshot());
    const Pair denseMs = paintPair(view, edited, denseOffsets, frames, rounds);
    const double spreadClean = spreadMs.clean, spreadEdited = spreadMs.edited;
    const double denseClean = denseMs.clean, denseEdited = denseMs.edited;

    std::printf("viewport %dx%d, %d bytes/row, %llu visible rows, %d frames x %d rounds (median, alternating), file 1 GiB sparse\n",
                view.viewport()->width(), view.viewport()->height(), view.bytesPerRow(),
                (unsigned long long)view.pageRows(), frames, rounds);
    std::printf("spread: %d inserts, %d erases, %d overwrites -> %zu pieces (tree height %zu), document %llu bytes\n",
                inserts, erases, overwrites, spread.current().pieceCount(), spread.current().height(),
                (unsigned long long)spread.size());
    std::printf("dense: %d one-byte overwrites -> %zu pieces; building both tables: %.0f ms\n", kEdits,
                dense.current().pieceCount(), buildMs);
    std::printf("no edits, 3 windows:                 %.3f ms/frame\n", spreadClean);
    std::printf("100k spread edits, same offsets:     %.3f ms/frame (%.2fx)\n", spreadEdited, spreadEdited / spreadClean);
    std::printf("no edits, dense window:              %.3f ms/frame\n", denseClean);
    std::printf("100k dense edits, every row edited:  %.3f ms/frame (%.2fx)\n", denseEdited, denseEdited / denseClean);
    return spreadEdited / spreadClean <= 1.5 && denseEdited / denseClean <= 1.5 ? 0 : 2;
}
