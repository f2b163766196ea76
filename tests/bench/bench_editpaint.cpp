// bench_editpaint: time to paint a full HexView viewport with no edits versus with 100 000 overlay edits, where the
// visible rows are densely edited (every 3rd byte) — the worst case for the overlay merge and the edited colour.
// Target: within 1.5x of the paint time without edits. Results go to docs/BENCHMARKS.md "## Editing".
// Usage: QT_QPA_PLATFORM=offscreen bench_editpaint [frames=400]
#include "core/editoverlay.h"
#include "core/mappedfile.h"
#include "ui/view/hexview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hexmap;

namespace {

// Median ms per frame over `rounds` rounds of `frames` paints of the viewport at `offset`.
double paintMs(HexView &view, std::uint64_t offset, int frames, int rounds)
{
    view.scrollToOffset(offset);
    view.setCursorOffset(offset + 5);
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> samples;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < frames; ++i)
            view.viewport()->render(&image);
        samples.push_back(double(timer.nsecsElapsed()) / 1e6 / frames);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int frames = argc > 1 ? std::max(1, atoi(argv[1])) : 400;
    const int rounds = 5;
    QTemporaryDir dir;
    const std::uint64_t size = 64u << 20;
    auto file = MappedFile::create(dir.filePath(QStringLiteral("paint.bin")).toStdString(), size);
    if (!file) {
        std::fprintf(stderr, "%s\n", file.message().c_str());
        return 1;
    }
    for (std::uint64_t o = 0; o < size; o += 4096) // some non-zero content
        (void)file->writeAllAt(o, std::vector<std::byte>(64, std::byte{0x41}));

    HexView view;
    view.resize(1000, 900);
    view.setFile(*file);
    view.show();

    EditOverlay overlay;
    for (std::uint64_t i = 0; i < 100000; ++i) // dense: every 3rd byte of [0, 300 000) -> 100 000 runs
        (void)overlay.set(i * 3, std::byte(i));

    const std::uint64_t dense = 150000 / 16 * 16; // visible rows full of edits
    const std::uint64_t clean = 32u << 20;          // far from every edit
    // Warm up glyph caches and page faults.
    paintMs(view, dense, 20, 1);
    const double noEdits = paintMs(view, dense, frames, rounds);
    view.setEditOverlay(&overlay);
    const double denseEdits = paintMs(view, dense, frames, rounds);
    const double farFromEdits = paintMs(view, clean, frames, rounds);
    view.setEditOverlay(nullptr);
    const double noEditsClean = paintMs(view, clean, frames, rounds);

    std::printf("viewport %dx%d, %llu bytes/row, %llu visible rows, %d frames x %d rounds (median)\n",
                view.viewport()->width(), view.viewport()->height(), (unsigned long long)view.bytesPerRow(),
                (unsigned long long)view.pageRows(), frames, rounds);
    std::printf("no edits, dense area:             %.3f ms/frame\n", noEdits);
    std::printf("100k edits, dense visible rows:   %.3f ms/frame (%.2fx)\n", denseEdits, denseEdits / noEdits);
    std::printf("no edits, far area:               %.3f ms/frame\n", noEditsClean);
    std::printf("100k edits, rows without edits:   %.3f ms/frame (%.2fx)\n", farFromEdits, farFromEdits / noEditsClean);
    std::printf("overlay: %zu runs, %llu bytes\n", overlay.runCount(), (unsigned long long)overlay.byteCount());
    return denseEdits / noEdits <= 1.5 ? 0 : 2;
}
