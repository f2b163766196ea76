#include "ui/pane/overviewmap.h"

#include "core/originaltodocument.h"

#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"
#include "ui/pane/documentranges.h"
#include "ui/pane/workerlane.h"
#include "ui/view/jobcolors.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>

namespace hexmap {

OverviewMap::OverviewMap(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding); // its width: the pane's splitter
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setToolTip(tr("Overview map"));
    setWhatsThis(whatsThisText());
    m_clock.start();
    m_fadeTimer.setInterval(50);
    connect(&m_fadeTimer, &QTimer::timeout, this, [this] {
        update();
        const qint64 now = m_clock.elapsed();
        if (std::none_of(m_finishedAt.begin(), m_finishedAt.end(),
                         [&](const auto &f) { return now - f.second < m_fadeMs; }))
            m_fadeTimer.stop();
    });
}

void OverviewMap::setJobCenter(const JobCenter *center)
{
    if (m_center)
        disconnect(m_center, nullptr, this, nullptr);
    m_center = center;
    m_finishedAt.clear();
    if (m_center) {
        connect(m_center, &JobCenter::changed, this, qOverload<>(&QWidget::update));
        connect(m_center, &JobCenter::jobAdded, this, &OverviewMap::legendChanged);
        connect(m_center, &JobCenter::jobFinished, this, &OverviewMap::onJobFinished);
        connect(m_center, &JobCenter::jobsRemoved, this, &OverviewMap::onJobsRemoved);
    }
    update();
    emit legendChanged();
}

void OverviewMap::setFileSize(std::uint64_t size)
{
    m_size = size;
    update();
}

void OverviewMap::onJobFinished(const JobWatcher *job)
{
    m_finishedAt[job] = m_clock.elapsed();
    if (m_fadeMs > 0 && isVisible())
        m_fadeTimer.start();
    update();
    emit legendChanged();
}

void OverviewMap::onJobsRemoved()
{
    // Forget the finish times of removed jobs (their addresses may be reused by new ones).
    const std::vector<JobWatcher *> jobs = m_center ? m_center->jobs() : std::vector<JobWatcher *>{};
    std::erase_if(m_finishedAt, [&](const auto &f) { return std::find(jobs.begin(), jobs.end(), f.first) == jobs.end(); });
    update();
    emit legendChanged();
}

double OverviewMap::fadeOf(const JobWatcher *job) const
{
    if (!job->isFinished())
        return 0.0;
    const auto it = m_finishedAt.find(job);
    return it == m_finishedAt.end() ? 1.0 : WorkerLane::fadeAt(m_clock.elapsed() - it->second, m_fadeMs);
}

void OverviewMap::setZoom(std::uint64_t zoom)
{
    const std::uint64_t rows = std::uint64_t(std::max(1, height() - 2 * kMargin));
    const std::uint64_t most = std::max<std::uint64_t>(1, std::min(kMaxZoom, m_size / rows));
    zoom = std::clamp<std::uint64_t>(zoom, 1, most);
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    update();
    emit legendChanged();
}

ByteRange OverviewMap::window() const
{
    return m_dragWindow ? *m_dragWindow : OverviewModel::zoomWindow(m_size, m_zoom, m_viewport);
}

void OverviewMap::setViewport(ByteRange visible)
{
    if (visible == m_viewport)
        return;
    m_viewport = visible;
    update();
}

void OverviewMap::setEditRanges(std::vector<ByteRange> ranges)
{
    m_edits = std::move(ranges);
    update();
}

void OverviewMap::setMovedDocument(std::optional<PieceSnapshot> document)
{
    m_movedDocument = std::move(document);
    m_originalMap.reset();
    update();
}

const OriginalToDocument *OverviewMap::originalMap() const
{
    if (m_movedDocument && !m_originalMap)
        m_originalMap = std::make_shared<const OriginalToDocument>(*m_movedDocument);
    return m_originalMap.get();
}

std::vector<ByteRange> OverviewMap::inDocument(const std::vector<ByteRange> &fileRanges) const
{
    return fileRanges.empty() ? fileRanges : DocumentRanges::ranges(originalMap(), fileRanges);
}

void OverviewMap::setBookmarks(std::vector<Flag> flags)
{
    m_flags = std::move(flags);
    update();
}

void OverviewMap::setSearchHits(std::vector<ByteRange> hits)
{
    m_hits = std::move(hits);
    update();
}

void OverviewMap::setEntropyCells(CellColor provider, const QString &legend)
{
    m_cells = std::move(provider);
    m_cellsLegend = legend;
    update();
}

void OverviewMap::setDifferences(RowShare provider)
{
    m_differences = std::move(provider);
    update();
    emit legendChanged();
}

void OverviewMap::setLayerVisible(Layer layer, bool visible)
{
    m_layers = visible ? (m_layers | layer) : (m_layers & ~layer);
    update();
    emit legendChanged();
}

void OverviewMap::setPageCache(std::vector<CacheCell> cells, const QString &source)
{
    const bool wasShown = showsPageCache();
    m_cacheCells = std::move(cells);
    m_cacheSource = source;
    if (isLayerVisible(PageCache))
        update();
    if (wasShown != showsPageCache())
        emit legendChanged();
}

OverviewModel OverviewMap::model() const { return OverviewModel(window(), std::max(0, height() - 2 * kMargin)); }

std::pair<int, int> OverviewMap::workerLane() const
{
    return {kMargin, width() - (showsPageCache() ? 32 : 22)};
}
std::pair<int, int> OverviewMap::pageCacheLane() const
{
    return showsPageCache() ? std::pair<int, int>{width() - 30, width() - 22} : std::pair<int, int>{0, 0};
}
std::pair<int, int> OverviewMap::durabilityLane() const { return {width() - 20, width() - 12}; }
std::pair<int, int> OverviewMap::marksLane() const { return {width() - 10, width() - kMargin}; }

QSize OverviewMap::sizeHint() const { return {56, 400}; }
QSize OverviewMap::minimumSizeHint() const { return {40, 40}; }

bool OverviewMap::dark() const { return JobColors::isDark(palette()); }

std::vector<OverviewMap::Segment> OverviewMap::segments() const
{
    std::vector<Segment> out;
    if (!m_center)
        return out;
    const OverviewModel m = model();
    const std::vector<JobCenter::WorkerTrack> tracks = m_center->workerTracks();
    for (const JobCenter::WorkerTrack &t : DocumentRanges::tracks(tracks.empty() ? nullptr : originalMap(), tracks)) {
        Segment s;
        s.colorIndex = t.colorIndex;
        s.rangeRows = m.rowsOf(t.range);
        s.doneRows = m.rowsOf({t.range.offset, t.done});
        out.push_back(s);
    }
    return out;
}

void OverviewMap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const bool isDark = dark();
    const QColor bg = JobColors::mapBackground(isDark);
    p.fillRect(rect(), palette().color(QPalette::Window));
    p.fillRect(rect().adjusted(0, kMargin - 1, 0, 1 - kMargin), bg);
    const OverviewModel m = model();
    if (!m.isValid())
        return;
    const auto lane = workerLane();
    if (isLayerVisible(Entropy) && m_cells) {
        std::vector<QColor> colors(std::size_t(m.height()));
        for (int r = 0; r < m.height(); ++r)
            colors[std::size_t(r)] = m_cells(m.rowRange(r));
        for (int r = 0; r < m.height();) { // runs of one colour: a few rectangles
            const QColor c = colors[std::size_t(r)];
            int e = r + 1;
            for (; e < m.height() && colors[std::size_t(e)] == c; ++e) {}
            if (c.isValid())
                p.fillRect(lane.first, kMargin + r, lane.second - lane.first, e - r, c);
            r = e;
        }
    }
    if (isLayerVisible(Workers))
        paintWorkers(p, m);
    if (isLayerVisible(Differences) && m_differences)
        paintDifferences(p, m);
    if (isLayerVisible(Partitions) && !m_regions.empty())
        paintRegions(p);
    if (isLayerVisible(Durability) && m_center) {
        paintCoverage(p, m, inDocument(m_center->synced().ranges()), durabilityLane(), JobColors::synced(isDark), bg);
        paintCoverage(p, m, inDocument(m_center->dirty().ranges()), durabilityLane(), JobColors::dirty(isDark), bg);
    }
    if (showsPageCache())
        paintPageCache(p, m);
    if (isLayerVisible(Edits))
        paintCoverage(p, m, m_edits, marksLane(), JobColors::edited(isDark), bg);
    if (isLayerVisible(SearchHits)) {
        const auto ml = marksLane();
        for (const ByteRange &h : m_hits) {
            const auto rows = m.rowsOf(h);
            if (rows.second == rows.first)
                continue; // outside the zoomed window
            p.fillRect(ml.first - 2, kMargin + rows.first, ml.second - ml.first + 2, 1, JobColors::searchHit(isDark));
        }
    }
    if (isLayerVisible(Viewport) && !m_viewport.isEmpty()) {
        auto rows = m.rowsOf(m_viewport);
        if (rows.second > rows.first && rows.second - rows.first < 4) {
            const int mid = (rows.first + rows.second) / 2;
            rows = {std::max(0, mid - 2), std::min(m.height(), mid + 2)};
        }
        p.setPen(QPen(JobColors::viewport(isDark), 2));
        p.setBrush(Qt::NoBrush);
        if (rows.second > rows.first) // else outside the window held during a drag
            p.drawRect(QRectF(1, kMargin + rows.first, width() - 2, rows.second - rows.first));
    }
    if (m_zoom > 1)
        paintZoomLabel(p);
    if (isLayerVisible(Bookmarks)) {
        // A flag per bookmark: a line across every lane and a triangle at the left edge pointing at it.
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        for (const Flag &f : m_flags) {
            const auto rows = m.rowsOf({f.offset, 1});
            if (rows.second == rows.first)
                continue; // outside the zoomed window
            const int y = kMargin + rows.first;
            p.fillRect(0, y, width(), 1, f.color);
            p.setBrush(f.color);
            p.drawPolygon(QPolygonF({QPointF(0, y - 4.0), QPointF(6, y + 0.5), QPointF(0, y + 5.0)}));
        }
        p.setRenderHint(QPainter::Antialiasing, false);
    }
}

} // namespace hexmap
