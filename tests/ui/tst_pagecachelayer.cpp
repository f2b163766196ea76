// The overview map's "Page cache" layer: PageCacheLayer's cells on the map, the View menu toggle, the kernel's
// Unsynced figure in the status bar, a file cut on disk.
#include "core/piecetable.h"
#include "core/platform/pagecache.h"
#include "ui/document/jobcenter.h"
#include "ui/jobs/jobstatuswidget.h"
#include "ui/pane/overviewmap.h"
#include "ui/pane/pagecachelayer.h"
#include "ui/view/jobcolors.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <fcntl.h>
#include <unistd.h>

#include <vector>

using namespace hexmap;

namespace {
constexpr std::uint64_t kMiB = 1ull << 20;

bool pwriteBytes(int fd, std::uint64_t offset, std::uint64_t size, char value)
{
    std::vector<char> buf(std::size_t(kMiB), value);
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, buf.data(), std::min<std::uint64_t>(size, buf.size()), off_t(offset));
        if (n <= 0)
            return false;
        offset += std::uint64_t(n);
        size -= std::uint64_t(n);
    }
    return true;
}

// The cell of the map's page-cache cells that holds document offset `at` (the cells must cover the document).
const OverviewMap::CacheCell *cellAt(const OverviewMap &map, std::uint64_t at)
{
    for (const OverviewMap::CacheCell &cell : map.pageCacheCells())
        if (at >= cell.range.offset && at < cell.range.end())
            return &cell;
    return nullptr;
}

QColor pixel(OverviewMap &map, int x, int row)
{
    return map.grab().toImage().pixelColor(x, map.topMargin() + row);
}
} // namespace

class TestPageCacheLayer : public QObject {
    Q_OBJECT
    // On the build's disk: tmpfs pages stay dirty for ever.
    QTemporaryDir m_dir{QDir::currentPath() + QStringLiteral("/pagecachelayer-XXXXXX")};

    // 16 MiB: the first 8 MiB cached and clean, the last 8 MiB not cached, then 1 MiB at 0 rewritten (dirty).
    std::string makeFile(const char *name, int *fdOut)
    {
        const std::string p = m_dir.filePath(QString::fromLatin1(name)).toStdString();
        const int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || !pwriteBytes(fd, 0, 16 * kMiB, 'a') || ::fdatasync(fd) != 0 ||
            ::posix_fadvise(fd, off_t(8 * kMiB), off_t(8 * kMiB), POSIX_FADV_DONTNEED) != 0 ||
            !pwriteBytes(fd, 0, kMiB, 'b'))
            return {};
        *fdOut = fd;
        return p;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanup() { PageCacheProbe::forceMincore(false); }

    void cellsOnTheMapAndTheKernelFigure_data()
    {
        QTest::addColumn<bool>("mincore");
        QTest::newRow("cachestat") << false;
        QTest::newRow("mincore") << true;
    }
    void cellsOnTheMapAndTheKernelFigure()
    {
        QFETCH(bool, mincore);
        if (!mincore && !PageCacheProbe::kernelHasCachestat())
            QSKIP("kernel without cachestat(2); the mincore row covers the fallback");
        PageCacheProbe::forceMincore(mincore);
        int fd = -1;
        const std::string path = makeFile(mincore ? "m.bin" : "c.bin", &fd);
        QVERIFY(!path.empty());
        OverviewMap map;
        map.setFileSize(16 * kMiB);
        map.resize(56, 64 + 2 * map.topMargin()); // 64 rows of 256 KiB
        QMenu menu;
        PageCacheLayer *layer = PageCacheLayer::attach(&map, [path] { return path; }, &menu);
        QSignalSpy kernel(layer, &PageCacheLayer::kernelUnsyncedChanged);
        QVERIFY(layer->action());
        QVERIFY(layer->action()->isChecked());
        QVERIFY(map.isLayerVisible(OverviewMap::PageCache));
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QVERIFY(layer->refreshFully());
        QCOMPARE(layer->source(), mincore ? QString("mincore") : QString("cachestat"));

        const auto &cells = map.pageCacheCells();
        QCOMPARE(cells.size(), std::size_t(64));
        QCOMPARE(cells.front().range.offset, 0u);
        QCOMPARE(cells.back().range.end(), 16 * kMiB);
        for (int i = 0; i < 64; ++i) {
            const OverviewMap::CacheCell &c = cells[std::size_t(i)];
            if (i < 32)
                QCOMPARE(c.cached, 1.0f);
            else
                QCOMPARE(c.cached, 0.0f);
            // The first MiB (rows 0-3) was rewritten: dirty, or already under writeback; never with mincore.
            if (!mincore && i < 4)
                QCOMPARE(c.dirty + c.writeback, 1.0f);
            else
                QCOMPARE(c.dirty + c.writeback, 0.0f);
        }
        // Painted in its own lane, between the workers and the durability lane.
        const auto lane = map.pageCacheLane();
        QVERIFY(lane.second > lane.first);
        QCOMPARE(map.workerLane().second, lane.first - 2);
        const bool dark = JobColors::isDark(map.palette());
        QCOMPARE(pixel(map, lane.first + 2, 20), map.pageCacheColor(cells[20]));
        QVERIFY(map.pageCacheColor(cells[20]) != JobColors::mapBackground(dark));
        QCOMPARE(pixel(map, lane.first + 2, 50), JobColors::mapBackground(dark));
        if (!mincore) {
            QCOMPARE(pixel(map, lane.first + 2, 1), map.pageCacheColor(cells[1]));
            QVERIFY(map.pageCacheColor(cells[1]) != map.pageCacheColor(cells[20])); // dirty is not clean
        }

        // The status bar's figure: the kernel's with cachestat, unknown with mincore.
        QVERIFY(kernel.count() >= 1);
        const QList<QVariant> last = kernel.takeLast();
        QCOMPARE(last.at(0).toBool(), !mincore);
        if (!mincore) {
            QCOMPARE(last.at(1).toULongLong(), kMiB);
            // After fdatasync the kernel holds nothing unsynced.
            QCOMPARE(::fdatasync(fd), 0);
            QVERIFY(layer->refreshFully());
            QVERIFY(kernel.count() >= 1);
            QCOMPARE(kernel.takeLast().at(1).toULongLong(), 0u);
            QCOMPARE(map.pageCacheCells()[1].dirty, 0.0f);
        }

        // Off from the View menu: the lane goes, the workers get their width back, the figure is unknown.
        layer->action()->setChecked(false);
        QVERIFY(!map.isLayerVisible(OverviewMap::PageCache));
        QCOMPARE(map.pageCacheLane(), (std::pair<int, int>(0, 0)));
        QCOMPARE(map.workerLane().second, map.width() - 22);
        if (!mincore) {
            QVERIFY(kernel.count() >= 1);
            QCOMPARE(kernel.takeLast().at(0).toBool(), false);
        }
        ::close(fd);
    }

    void aFileCutOnDiskShowsItsNewSize()
    {
        int fd = -1;
        const std::string path = makeFile("cut.bin", &fd);
        QVERIFY(!path.empty());
        OverviewMap map;
        map.setFileSize(16 * kMiB);
        map.resize(56, 100);
        PageCacheLayer *layer = PageCacheLayer::attach(&map, [path] { return path; }, nullptr);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QVERIFY(layer->refreshFully());
        QCOMPARE(map.pageCacheCells().back().range.end(), 16 * kMiB);
        QCOMPARE(::ftruncate(fd, off_t(3 * kMiB)), 0);
        QVERIFY(layer->refreshFully());
        QCOMPARE(map.fileSize(), 3 * kMiB);
        QCOMPARE(map.pageCacheCells().back().range.end(), 3 * kMiB);
        // A path that names nothing any more: no cells, no crash.
        QCOMPARE(::unlink(path.c_str()), 0);
        layer->refresh();
        QVERIFY(map.pageCacheCells().empty());
        ::close(fd);
    }

    void cellsFollowUnsavedInsertsAndDeletes()
    {
        // The file: [0, 8 MiB) cached (its first MiB dirty), [8, 16 MiB) not cached. The document: 4 MiB inserted at
        // 8 MiB, then its first MiB deleted, unsaved: the file's cached bytes are at [0, 7 MiB) of the document, the
        // inserted ones at [7, 11 MiB) (no page-cache state: the kernel has not seen them), the rest at [11, 19 MiB).
        int fd = -1;
        const std::string path = makeFile("moved.bin", &fd);
        QVERIFY(!path.empty());
        PieceTable table(16 * kMiB);
        QVERIFY(table.insert(8 * kMiB, std::vector<std::byte>(4 * kMiB, std::byte{0x41})).ok());
        OverviewMap map;
        map.setFileSize(20 * kMiB);
        map.resize(56, 80 + 2 * map.topMargin());
        PageCacheLayer *layer = PageCacheLayer::attach(&map, [path] { return path; }, nullptr);
        map.setMovedDocument(table.current());
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QVERIFY(layer->refreshFully());
        QCOMPARE(map.pageCacheCells().front().range.offset, 0u);
        QCOMPARE(map.pageCacheCells().back().range.end(), 20 * kMiB);
        QCOMPARE(cellAt(map, 7 * kMiB)->cached, 1.0f);
        QCOMPARE(cellAt(map, 8 * kMiB)->cached, 0.0f); // inserted
        QCOMPARE(cellAt(map, 12 * kMiB - 1)->cached, 0.0f);
        QCOMPARE(cellAt(map, 12 * kMiB)->cached, 0.0f); // the file's uncached half, moved up 4 MiB
        QCOMPARE(cellAt(map, 20 * kMiB - 1)->cached, 0.0f);
        const std::uint64_t insertedStart = 8 * kMiB;
        for (const OverviewMap::CacheCell &cell : map.pageCacheCells()) // nothing of the inserted bytes is cached
            if (cell.range.overlaps({insertedStart, 4 * kMiB}))
                QCOMPARE(cell.cached, 0.0f);

        // Deleting the dirty first MiB moves everything down at once (no sampling needed), and no dirty cell is left
        // where a cached clean byte of the file now stands.
        QVERIFY(table.erase(0, kMiB).ok());
        map.setFileSize(19 * kMiB);
        map.setMovedDocument(table.current());
        layer->documentChanged();
        QCOMPARE(map.pageCacheCells().back().range.end(), 19 * kMiB);
        QCOMPARE(cellAt(map, 0)->cached, 1.0f);
        QCOMPARE(cellAt(map, 6 * kMiB)->cached, 1.0f);
        QCOMPARE(cellAt(map, 7 * kMiB)->cached, 0.0f);
        QCOMPARE(cellAt(map, 11 * kMiB)->cached, 0.0f);
        if (layer->source() == QLatin1String("cachestat")) {
            QCOMPARE(cellAt(map, 0)->dirty + cellAt(map, 0)->writeback, 0.0f); // file byte 1 MiB: clean
            // Undo: the dirty MiB is back at the document's start.
            QVERIFY(table.undo().ok());
            map.setFileSize(20 * kMiB);
            map.setMovedDocument(table.current());
            layer->documentChanged();
            QCOMPARE(cellAt(map, 0)->dirty + cellAt(map, 0)->writeback, 1.0f);
        }
        // Without inserts or deletes the cells are the file's own.
        QVERIFY(table.restoreOriginal().ok());
        map.setFileSize(16 * kMiB);
        map.setMovedDocument(std::nullopt); // what DocumentPane sets for a document in place
        layer->documentChanged();
        QCOMPARE(map.pageCacheCells().back().range.end(), 16 * kMiB);
        QCOMPARE(cellAt(map, 12 * kMiB)->cached, 0.0f);
        QCOMPARE(cellAt(map, 7 * kMiB)->cached, 1.0f);
        ::close(fd);
    }

    void statusBarSaysWhoseFigureItShows()
    {
        JobCenter center;
        JobStatusWidget status(&center);
        QVERIFY(status.label()->isHidden());
        status.setKernelUnsynced(true, 3 * kMiB);
        QVERIFY(!status.label()->isHidden());
        QCOMPARE(status.label()->text(), QString("Unsynced: 3.00 MiB"));
        QVERIFY(status.label()->toolTip().startsWith("Unsynced (kernel)"));
        QVERIFY(status.syncButton()->isHidden()); // Hexmap's jobs wrote nothing: nothing of ours to sync
        status.setKernelUnsynced(false, 0);
        QVERIFY(status.label()->toolTip().startsWith("Unsynced (Hexmap)"));
        QVERIFY(status.label()->isHidden());
    }
};

QTEST_MAIN(TestPageCacheLayer)
#include "tst_pagecachelayer.moc"
