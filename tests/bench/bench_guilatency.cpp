// GUI thread event latency while a job runs with the Jobs dock, the overview map and the status widget live.
// A 1 ms Qt::PreciseTimer records how late each timeout arrives (interval - 1 ms); reported as p50/p99/max for
// an idle baseline, during a 2-thread fill of a fresh 2 GiB file, then during a scan of it (the Checksums dock's
// SHA-256 + CRC-32 + MD5 and the Information dock's statistics feeding the map layer, both off the GUI thread).
// Usage: bench_guilatency [dir] [GiB]
// Run with QT_QPA_PLATFORM=offscreen (or on a desktop). See docs/BENCHMARKS.md.
#include "core/mappedfile.h"
#include "ui/analysis/checksumsdock.h"
#include "ui/analysis/informationdock.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/jobcenter.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobstatuswidget.h"
#include "ui/document/jobwatcher.h"
#include "ui/pane/overviewmap.h"
#include "ui/view/hexview.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QMainWindow>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hexmap;

namespace {

struct Stats {
    double p50, p99, max;
    std::size_t samples;
};

Stats stats(std::vector<double> lateMs)
{
    if (lateMs.empty())
        return {0, 0, 0, 0};
    std::sort(lateMs.begin(), lateMs.end());
    auto at = [&](double q) { return lateMs[std::min(lateMs.size() - 1, std::size_t(q * double(lateMs.size())))]; };
    return {at(0.50), at(0.99), lateMs.back(), lateMs.size()};
}

// Runs the event loop until `done` says stop, sampling the 1 ms timer's lateness.
std::vector<double> sample(const std::function<bool()> &done)
{
    std::vector<double> late;
    late.reserve(100000);
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(1);
    QEventLoop loop;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        late.push_back(std::max(0.0, double(now - last) / 1e6 - 1.0));
        last = now;
        if (done())
            loop.quit();
    });
    timer.start();
    loop.exec();
    return late;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void print(const char *what, const Stats &s)
{
    std::printf("%-34s samples %6zu  p50 %6.3f ms  p99 %6.3f ms  max %7.3f ms\n", what, s.samples, s.p50, s.p99,
                s.max);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString base = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::tempPath();
    const std::uint64_t gib = argc > 2 ? std::uint64_t(std::atoll(argv[2])) : 2;
    QTemporaryDir dir(base + QStringLiteral("/bench_guilatency-XXXXXX"));
    const std::uint64_t size = gib << 30;
    auto file = MappedFile::create(dir.filePath("fill.bin").toStdString(), size);
    if (!file) {
        std::fprintf(stderr, "create: %s\n", file.message().c_str());
        return 1;
    }

    QMainWindow window;
    JobCenter center;
    center.setFile(&*file); // the center reads through the owner's mapping
    auto *central = new QWidget(&window);
    auto *layout = new QHBoxLayout(central);
    auto *map = new OverviewMap(central);
    map->setJobCenter(&center);
    map->setFileSize(size);
    map->setViewport({size / 3, 4096});
    layout->addStretch();
    layout->addWidget(map);
    window.setCentralWidget(central);
    window.addDockWidget(Qt::BottomDockWidgetArea, new JobsDock(&center, &window));
    window.statusBar()->addPermanentWidget(new JobStatusWidget(&center, &window));
    window.resize(1200, 900);
    window.show();
    QCoreApplication::processEvents();

    QElapsedTimer idle;
    idle.start();
    print("idle (2 s)", stats(sample([&] { return idle.elapsed() >= 2000; })));

    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.fillByte = std::byte{0x77};
    spec.range = {0, size};
    spec.threads = 2;
    auto job = center.start(spec);
    if (!job) {
        std::fprintf(stderr, "job: %s\n", job.message().c_str());
        return 1;
    }
    int paints = 0;
    QObject::connect(&center, &JobCenter::changed, [&] { ++paints; });
    QElapsedTimer run;
    run.start();
    const double cpu0 = threadCpuMs();
    JobWatcher *watcher = *job;
    const Stats during = stats(sample([&] { return watcher->isFinished(); }));
    const double seconds = double(run.elapsed()) / 1000.0;
    const double guiCpuMs = threadCpuMs() - cpu0;
    char what[96];
    std::snprintf(what, sizeof what, "2-thread fill of %llu GiB", static_cast<unsigned long long>(gib));
    print(what, during);
    std::printf("job %.2f s (%.2f GiB/s), %d progress ticks (%.1f Hz), state %s\n", seconds,
                double(size) / double(1ull << 30) / seconds, paints, paints / seconds,
                stateName(watcher->lastSnapshot().state));
    std::printf("GUI thread CPU during the job: %.1f ms (%.2f %% of wall time; includes the 1 ms timer itself)\n",
                guiCpuMs, guiCpuMs / (seconds * 10.0));
    QElapsedTimer paint;
    paint.start();
    for (int i = 0; i < 20; ++i)
        (void)window.grab();
    std::printf("full window repaint (grab, 1200x900): %.2f ms\n", double(paint.nsecsElapsed()) / 20e6);

    // A scan while the window is live: checksums and statistics of the filled file.
    Document document; // what a tab holds: the scans read the document (its unsaved edits included)
    if (!document.open(QFile::encodeName(dir.filePath("fill.bin")))) {
        std::fprintf(stderr, "cannot open the filled file\n");
        return 1;
    }
    EditSession &session = *document.session();
    HexView view;
    view.setFile(&document.file());
    auto *checksums = new ChecksumsDock(&view, &session, &window);
    for (HashAlgorithm a : allHashAlgorithms())
        checksums->setChosen(a, a == HashAlgorithm::Sha256 || a == HashAlgorithm::Crc32 || a == HashAlgorithm::Md5);
    auto *information = new InformationDock(&view, &session, map, &window);
    window.addDockWidget(Qt::RightDockWidgetArea, checksums);
    window.addDockWidget(Qt::RightDockWidgetArea, information);
    QCoreApplication::processEvents();
    QElapsedTimer scan;
    scan.start();
    const bool started = checksums->compute() && information->compute();
    const Stats scanning = stats(sample([&] { return !checksums->isRunning() && !information->isRunning(); }));
    std::snprintf(what, sizeof what, "scan of %llu GiB (3 hashes + stats)", static_cast<unsigned long long>(gib));
    print(what, scanning);
    std::printf("scan %.2f s, started %s, checksums: %s\n", double(scan.elapsed()) / 1000.0, started ? "yes" : "no",
                qPrintable(checksums->statusText()));
    std::printf("load average at the end: ");
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        char buf[64] = {};
        if (std::fgets(buf, sizeof buf, f))
            std::printf("%s", buf);
        std::fclose(f);
    }
    return during.p99 < 16.0 && scanning.p99 < 16.0 && started ? 0 : 2;
}
