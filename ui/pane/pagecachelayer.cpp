#include "ui/pane/pagecachelayer.h"

#include "core/originaltodocument.h"
#include "ui/pane/overviewmap.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QSignalBlocker>
#include <QTimer>

#include <sys/stat.h>

namespace hexmap {
namespace {

// The file's cells at the document's offsets: each cell's bytes still in the document, in order (edits never
// reorder the original's bytes), and the inserted bytes between them as empty cells, so that the cells still cover
// the document as the map expects.
std::vector<OverviewMap::CacheCell> toDocument(const std::vector<OverviewMap::CacheCell> &cells,
                                               const OriginalToDocument &map, std::uint64_t documentSize)
{
    std::vector<OverviewMap::CacheCell> out;
    out.reserve(cells.size() + map.runCount());
    std::uint64_t covered = 0;
    for (const OverviewMap::CacheCell &cell : cells) {
        map.forEach(cell.range, [&](ByteRange part, std::uint64_t) {
            if (part.offset > covered)
                out.push_back({ByteRange::fromBounds(covered, part.offset)});
            OverviewMap::CacheCell moved = cell;
            moved.range = part;
            out.push_back(moved);
            covered = part.end();
        });
    }
    if (covered < documentSize)
        out.push_back({ByteRange::fromBounds(covered, documentSize)});
    return out;
}

} // namespace

PageCacheLayer *PageCacheLayer::attach(OverviewMap *map, PathSource path, QMenu *viewMenu)
{
    auto *layer = new PageCacheLayer(map, std::move(path));
    if (viewMenu) {
        layer->m_action = viewMenu->addAction(tr("Page &Cache Layer"));
        layer->m_action->setObjectName(QStringLiteral("viewPageCache"));
        layer->m_action->setCheckable(true);
        layer->m_action->setChecked(true);
        layer->m_action->setStatusTip(tr("Show on the overview map which parts of the file the kernel holds in its "
                                         "page cache: cached, dirty, under writeback"));
        connect(layer->m_action, &QAction::toggled, layer, &PageCacheLayer::setShown);
    }
    map->setLayerVisible(OverviewMap::PageCache, true);
    return layer;
}

PageCacheLayer::PageCacheLayer(OverviewMap *map, PathSource path)
    : QObject(map), m_map(map), m_path(std::move(path)), m_timer(new QTimer(this))
{
    m_timer->setInterval(kInterval);
    connect(m_timer, &QTimer::timeout, this, &PageCacheLayer::refresh);
    m_timer->start();
    m_map->installEventFilter(this);
}

bool PageCacheLayer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_map && event->type() == QEvent::Show)
        refreshWithin(kShowBudget);
    else if (watched == m_map && event->type() == QEvent::Resize)
        refresh();
    return QObject::eventFilter(watched, event);
}

PageCacheLayer::~PageCacheLayer() = default;

void PageCacheLayer::documentChanged()
{
    if (m_sampler && m_map->isLayerVisible(OverviewMap::PageCache))
        publish();
}

void PageCacheLayer::setShown(bool on)
{
    m_map->setLayerVisible(OverviewMap::PageCache, on);
    if (on)
        refresh();
    else
        setUnknown();
}

void PageCacheLayer::republish()
{
    if (m_reportedOnce)
        emit kernelUnsyncedChanged(m_reportedKnown, m_reportedBytes);
}

QString PageCacheLayer::source() const
{
    return m_sampler ? QString::fromLatin1(pageCacheSourceName(m_sampler->source())) : QString();
}

bool PageCacheLayer::ensureSampler()
{
    const std::string path = m_path ? m_path() : std::string();
    if (path.empty()) {
        m_sampler.reset();
        m_openPath.clear();
        return false;
    }
    if (m_sampler && path == m_openPath) {
        // Still the same file at that path? (A save or another program may have replaced it.)
        struct stat named {}, held {};
        if (::stat(path.c_str(), &named) == 0 && ::fstat(m_sampler->probe().fd(), &held) == 0 &&
            named.st_dev == held.st_dev && named.st_ino == held.st_ino)
            return true;
    }
    m_sampler.reset();
    m_openPath = path;
    auto probe = PageCacheProbe::open(path);
    if (!probe)
        return false;
    m_sampler = std::make_unique<PageCacheSampler>(std::move(probe).value());
    return true;
}

void PageCacheLayer::refreshWithin(std::chrono::nanoseconds budget)
{
    const bool on = m_map->isLayerVisible(OverviewMap::PageCache);
    if (m_action && m_action->isChecked() != on) {
        const QSignalBlocker block(m_action); // toggled from the map's own context menu: follow it
        m_action->setChecked(on);
    }
    if (!on) {
        setUnknown();
        return;
    }
    if (!m_map->isVisible())
        return;
    if (!ensureSampler()) {
        m_map->setPageCache({}, QString());
        setUnknown();
        return;
    }
    const int cells = m_map->model().height();
    if (cells <= 0)
        return;
    const std::uint64_t sizeBefore = m_sampler->fileSize();
    auto done = m_sampler->refresh(cells, budget);
    if (!done) {
        m_sampler.reset(); // re-opened on the next tick
        m_map->setPageCache({}, QString());
        setUnknown();
        return;
    }
    if (sizeBefore != 0 && m_sampler->fileSize() != sizeBefore && m_sampler->fileSize() != m_map->fileSize())
        m_map->setFileSize(m_sampler->fileSize()); // cut or grown on disk: the map shows the size it has now
    publish();
}

bool PageCacheLayer::refreshFully()
{
    for (int i = 0; i < 100000; ++i) {
        refresh();
        if (!m_sampler)
            return false;
        if (m_sampler->hasFullPass() && m_sampler->cells().size() == std::size_t(m_map->model().height()))
            return true;
    }
    return false;
}

void PageCacheLayer::publish()
{
    const std::vector<PageCacheCell> &cells = m_sampler->cells();
    std::vector<OverviewMap::CacheCell> out;
    out.reserve(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const PageCacheCell &c = cells[i];
        OverviewMap::CacheCell cell;
        cell.range = m_sampler->cellRange(int(i));
        if (c.pages > 0) {
            const float pages = float(c.pages);
            cell.cached = float(c.cached) / pages;
            cell.dirty = float(c.dirty) / pages;
            cell.writeback = float(c.writeback) / pages;
        }
        out.push_back(cell);
    }
    if (const OriginalToDocument *moved = m_map->originalMap())
        out = toDocument(out, *moved, m_map->fileSize());
    m_map->setPageCache(std::move(out), source());
    if (!m_sampler->hasFullPass())
        return;
    if (m_sampler->source() != PageCacheSource::Cachestat) {
        setUnknown();
        return;
    }
    const PageCacheState t = m_sampler->totals();
    const quint64 bytes = quint64((t.dirty + t.writeback) * PageCacheProbe::pageSize());
    if (m_reportedOnce && m_reportedKnown && m_reportedBytes == bytes)
        return;
    m_reportedOnce = m_reportedKnown = true;
    m_reportedBytes = bytes;
    emit kernelUnsyncedChanged(true, bytes);
}

void PageCacheLayer::setUnknown()
{
    if (m_reportedOnce && !m_reportedKnown)
        return;
    m_reportedOnce = true;
    m_reportedKnown = false;
    m_reportedBytes = 0;
    emit kernelUnsyncedChanged(false, 0);
}

} // namespace hexmap
