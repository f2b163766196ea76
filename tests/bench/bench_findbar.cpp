// Find bar: GUI thread event latency while a find-all runs on the scan engine, and the cost of showing 100 000
// results. A 1 ms Qt::PreciseTimer records how late each timeout arrives (interval - 1 ms), reported as p50/p99/max:
//   (a) idle baseline; (b) find-all of an absent pattern over 1 GiB of real data (a whole scan that reads every
//   byte, warm in the page cache); (b') the same over an 8 GiB sparse file (holes skipped without reading);
//   (c) find-all of "00" over a 256 MiB sparse file, capped at 100 000 (list, view marks and map ticks filled).
// Usage: bench_findbar [dir] (the engine uses one thread per core, the bar's default). Run with
// QT_QPA_PLATFORM=offscreen (or on a desktop). The files open in tabs of a real MainWindow.
#include "core/mappedfile.h"
#include "ui/find/findbar.h"
#include "ui/find/findresultsdock.h"
#include "ui/find/findresultsmodel.h"
#include "ui/find/findsupport.h"
#include "ui/view/hexview.h"
#include "ui/pane/overviewmap.h"
#include "ui/window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHBoxLayout>
#include <QListView>
#include <QMainWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <vector>

using namespace hexmap;

namespace {

void report(const char *what, std::vector<double> late, double seconds)
{
    std::sort(late.begin(), late.end());
    const auto at = [&](double q) { return late.empty() ? 0.0 : late[std::size_t(q * double(late.size() - 1))]; };
    std::printf("%-44s %8.3f s  late p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%zu ticks)\n", what, seconds,
                at(0.5), at(0.99), late.empty() ? 0.0 : late.back(), late.size());
}

// Runs `start`, spins the event loop until `done()`, sampling the lateness of a 1 ms timer.
template <typename Start, typename Done>
void measure(const char *what, Start start, Done done)
{
    std::vector<double> late;
    QElapsedTimer tick, total;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(1);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        late.push_back(std::max(0.0, double(tick.nsecsElapsed()) / 1e6 - 1.0));
        tick.restart();
    });
    total.start();
    tick.start();
    timer.start();
    start();
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    timer.stop();
    report(what, std::move(late), double(total.nsecsElapsed()) / 1e9);
}

QString sparse(const QString &path, std::uint64_t size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.resize(qint64(size)))
        qFatal("cannot create %s", qPrintable(path));
    return path;
}

// `size` bytes of real data (a repeated 1 MiB block of pseudo-random bytes), read back once to warm the cache.
QString dense(const QString &path, std::uint64_t size)
{
    QByteArray block(1 << 20, Qt::Uninitialized);
    std::uint32_t x = 12345;
    for (char &c : block) {
        x = x * 1103515245u + 12345u;
        c = static_cast<char>(x >> 24);
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot create %s", qPrintable(path));
    for (std::uint64_t done = 0; done < size; done += std::uint64_t(block.size())) {
        if (f.write(block) != block.size())
            qFatal("cannot write %s", qPrintable(path));
    }
    f.close();
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    while (!f.read(1 << 20).isEmpty()) {
    }
    return path;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir(argc > 1 ? QString::fromLocal8Bit(argv[1]) + QStringLiteral("/findbench-XXXXXX") : QString());
    if (!dir.isValid())
        qFatal("no temporary directory");
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    FindSupport *find = window.find();
    FindBar *bar = find->bar();
    bar->show();
    std::printf("engine threads: one per core (the bar's default)\n");

    QElapsedTimer idle;
    idle.start();
    measure("(a) idle", [] {}, [&] { return idle.elapsed() > 1000; });

    if (!window.openFile(dense(dir.filePath(QStringLiteral("data.bin")), 1ull << 30)))
        qFatal("cannot open data.bin");
    bar->setMode(FindBar::Mode::Hex);
    bar->setPatternText(QStringLiteral("DE AD BE EF 01"));
    measure("(b) find all, absent, 1 GiB of data", [&] { bar->findAll(); }, [&] { return !bar->isSearching(); });
    std::printf("    results: %d, message: %s\n", find->dock()->model()->rowCount(), qPrintable(bar->message()));

    if (!window.openFile(sparse(dir.filePath(QStringLiteral("big.bin")), 8ull << 30)))
        qFatal("cannot open big.bin");
    bar->setPatternText(QStringLiteral("DE AD BE EF"));
    measure("(b') find all, absent, 8 GiB sparse", [&] { bar->findAll(); }, [&] { return !bar->isSearching(); });
    std::printf("    results: %d, message: %s\n", find->dock()->model()->rowCount(), qPrintable(bar->message()));

    if (!window.openFile(sparse(dir.filePath(QStringLiteral("zeros.bin")), 256ull << 20)))
        qFatal("cannot open zeros.bin");
    bar->setPatternText(QStringLiteral("00"));
    measure("(c) find all \"00\", cap 100000, 256 MiB", [&] { bar->findAll(); }, [&] { return !bar->isSearching(); });
    std::printf("    results: %d, capped: %d, view marks: %zu\n", find->dock()->model()->rowCount(),
                int(find->dock()->model()->isCapped()), find->viewMarks().size());
    QElapsedTimer paint;
    paint.start();
    (void)window.grab();
    std::printf("    full window repaint with the results: %.2f ms\n", double(paint.nsecsElapsed()) / 1e6);
    paint.restart();
    find->dock()->listView()->scrollToBottom();
    (void)find->dock()->listView()->grab();
    std::printf("    results list scrolled to row 100000 and painted: %.2f ms\n", double(paint.nsecsElapsed()) / 1e6);
    return 0;
}
