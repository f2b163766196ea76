// GUI thread event latency while a job runs with the Jobs dock, the overview map (its page-cache layer sampling the
// kernel four times a second) and the status widget live.
// A 1 ms Qt::PreciseTimer records how late each timeout arrives (interval - 1 ms); reported as p50/p99/max for
// an idle baseline, during a 2-thread fill of a fresh 2 GiB file, then during a scan of it (the Checksums dock's
// SHA-256 + CRC-32 + MD5 and the Information dock's statistics feeding the map layer, both off the GUI thread),
// then during a compare of the file with a copy that differs in one byte every 8 KiB (131 072 runs per GiB) in a
// CompareWindow (two hex views, both overview maps ticking the runs as they arrive, the Differences list).
// Usage: bench_guilatency [dir] [GiB] [compare|data]   ("compare": only the idle and the compare phases; "data": the
// fill overwrites a file of data written and evicted from the page cache first, so it reads the disk, instead of a
// new file's holes)
// Run with QT_QPA_PLATFORM=offscreen (or on a desktop). See docs/BENCHMARKS.md.
#include "core/mappedfile.h"
#include "ui/analysis/checksumsdock.h"
#include "ui/analysis/informationdock.h"
#include "ui/compare/comparejob.h"
#include "ui/compare/comparewindow.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/jobcenter.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobstatuswidget.h"
#include "ui/document/jobwatcher.h"
#include "ui/pane/overviewmap.h"
#include "ui/pane/pagecachelayer.h"
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

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

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

// Writes `size` bytes of 0x77 to `path` with pwrite, every `stride`-th byte (from stride / 2) 0x78 when stride
// is not 0. False when a call fails.
bool writeFile(const QString &path, std::uint64_t size, std::uint64_t stride)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    std::vector<char> chunk(1 << 20, 0x77);
    for (std::uint64_t at = stride / 2; stride && at < chunk.size(); at += stride)
        chunk[at] = 0x78; // 1 MiB is a multiple of the stride: every chunk alike
    bool ok = true;
    for (std::uint64_t at = 0; ok && at < size; at += chunk.size()) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), size - at));
        ok = ::pwrite(fd, chunk.data(), n, static_cast<off_t>(at)) == static_cast<ssize_t>(n);
    }
    ok = ok && ::fdatasync(fd) == 0; // no writeback left to compete with what is measured next
    return ::close(fd) == 0 && ok;
}

// The compare phase: a CompareWindow on `a` and a copy differing every 8 KiB, sampled until the compare ends.
Stats comparePhase(const QString &a, const QString &b, std::uint64_t size, bool *ok)
{
    *ok = writeFile(b, size, 8192);
    QString error;
    CompareWindow *w = *ok ? CompareWindow::open(a.toStdString(), b.toStdString(), nullptr, &error) : nullptr;
    if (!w) {
        std::fprintf(stderr, "compare: %s\n", *ok ? qPrintable(error) : "cannot write the copy");
        *ok = false;
        return {0, 0, 0, 0};
    }
    w->resize(1280, 720);
    w->show();
    QElapsedTimer run;
    run.start();
    const double cpu0 = threadCpuMs();
    std::size_t shownWhileRunning = 0; // the runs on the maps at the last tick before the compare ended
    const Stats s = stats(sample([&] {
        if (!w->job()->isRunning())
            return true;
        shownWhileRunning = w->differences().count();
        return false;
    }));
    const double seconds = double(run.elapsed()) / 1000.0;
    const double guiCpuMs = threadCpuMs() - cpu0;
    *ok = w->job()->result().has_value() && w->navigator().count() == size / 8192;
    std::printf("compare %.2f s (%.2f GiB/s), %zu runs, %s\n", seconds, double(size) / double(1ull << 30) / seconds,
                w->navigator().count(), qPrintable(w->statusText()));
    std::printf("runs on the maps at the last tick before the end: %zu\n", shownWhileRunning);
    std::printf("GUI thread CPU during the compare: %.1f ms (%.2f %% of wall time; includes the 1 ms timer)\n",
                guiCpuMs, guiCpuMs / (seconds * 10.0));
    QElapsedTimer paint;
    paint.start();
    for (int i = 0; i < 20; ++i)
        (void)w->grab();
    std::printf("compare window repaint (grab, 1280x720, both maps): %.2f ms\n", double(paint.nsecsElapsed()) / 20e6);
    delete w;
    return s;
}

void printLoad()
{
    std::printf("load average at the end: ");
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        char buf[64] = {};
        if (std::fgets(buf, sizeof buf, f))
            std::printf("%s", buf);
        std::fclose(f);
    }
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
    char what[96];
    if (argc > 3 && QByteArray(argv[3]) == "compare") {
        if (!writeFile(dir.filePath("fill.bin"), size, 0))
            return 1;
        QElapsedTimer idle;
        idle.start();
        print("idle (2 s)", stats(sample([&] { return idle.elapsed() >= 2000; })));
        bool ok = false;
        const Stats comparing = comparePhase(dir.filePath("fill.bin"), dir.filePath("copy.bin"), size, &ok);
        std::snprintf(what, sizeof what, "compare of 2 x %llu GiB", static_cast<unsigned long long>(gib));
        print(what, comparing);
        printLoad();
        return comparing.p99 < 16.0 && ok ? 0 : 2;
    }
    const bool onData = argc > 3 && QByteArray(argv[3]) == "data";
    if (onData && !writeFile(dir.filePath("fill.bin"), size, 0))
        return 1;
    if (onData) { // written and synced: evict it, so the fill reads the old bytes from the disk
        const int fd = ::open(QFile::encodeName(dir.filePath("fill.bin")).constData(), O_RDONLY);
        if (fd < 0 || ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) != 0 || ::close(fd) != 0)
            return 1;
    }
    const std::string fillPath = dir.filePath("fill.bin").toStdString();
    auto file = onData ? MappedFile::openReadWrite(fillPath) : MappedFile::create(fillPath, size);
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
    const PageCacheLayer *cacheLayer = PageCacheLayer::attach(map, [&] { return fillPath; }, nullptr); // 4x a second
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
    std::snprintf(what, sizeof what, "2-thread fill of %llu GiB%s", static_cast<unsigned long long>(gib),
                  onData ? " of data" : "");
    print(what, during);
    std::printf("job %.2f s (%.2f GiB/s), %d progress ticks (%.1f Hz), state %s\n", seconds,
                double(size) / double(1ull << 30) / seconds, paints, paints / seconds,
                stateName(watcher->lastSnapshot().state));
    std::printf("page-cache layer: %s, %zu cells\n", qPrintable(cacheLayer->source()), map->pageCacheCells().size());
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
    bool compared = false;
    const Stats comparing = comparePhase(dir.filePath("fill.bin"), dir.filePath("copy.bin"), size, &compared);
    std::snprintf(what, sizeof what, "compare of 2 x %llu GiB", static_cast<unsigned long long>(gib));
    print(what, comparing);
    printLoad();
    return during.p99 < 16.0 && scanning.p99 < 16.0 && comparing.p99 < 16.0 && started && compared ? 0 : 2;
}
