#include "ui/pane/overviewmap.h"

#include "core/numberparser.h"
#include "ui/document/jobcenter.h"
#include "ui/view/jobcolors.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPolygonF>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hexmap {

OverviewMap::OverviewMap(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setToolTip(tr("Overview map"));
}

void OverviewMap::setJobCenter(const JobCenter *center)
{
    if (m_center)
        disconnect(m_center, nullptr, this, nullptr);
    m_center = center;
    if (m_center)
        connect(m_center, &JobCenter::changed, this, qOverload<>(&QWidget::update));
    update();
}

void OverviewMap::setFileSize(std::uint64_t size)
{
    m_size = size;
    update();
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

void OverviewMap::setLayerVisible(Layer layer, bool visible)
{
    m_layers = visible ? (m_layers | layer) : (m_layers & ~layer);
    update();
}

void OverviewMap::setPageCache(std::vector<CacheCell> cells, const QString &source)
{
    m_cacheCells = std::move(cells);
    m_cacheSource = source;
    if (isLayerVisible(PageCache))
        update();
}

QColor OverviewMap::pageCacheColor(const CacheCell &cell) const
{
    // Okabe-Ito: vermillion (as the durability lane's unsynced), reddish purple, bluish green; the share sets the shade.
    const bool isDark = dark();
    const QColor bg = JobColors::mapBackground(isDark);
    auto shade = [&](const QColor &c, float share) { return JobColors::tint(c, bg, 0.45 + 0.55 * std::min(1.0f, share)); };
    if (cell.dirty > 0.0f)
        return shade(JobColors::dirty(isDark), cell.dirty);
    if (cell.writeback > 0.0f)
        return shade(QColor(0xCC, 0x79, 0xA7), cell.writeback);
    if (cell.cached > 0.0f)
        return JobColors::tint(QColor(0x00, 0x9E, 0x73), bg, 0.30 + 0.70 * std::min(1.0f, cell.cached));
    return bg;
}

void OverviewMap::paintPageCache(QPainter &p, const OverviewModel &m) const
{
    // Each row shows the cell holding its first byte; equal neighbours merge into one rectangle.
    const auto lane = pageCacheLane();
    std::size_t c = 0;
    QColor runColor;
    int runStart = 0;
    for (int r = 0; r <= m.height(); ++r) {
        QColor color;
        if (r < m.height()) {
            const std::uint64_t at = m.offsetAtRow(r);
            while (c + 1 < m_cacheCells.size() && m_cacheCells[c].range.end() <= at)
                ++c;
            color = pageCacheColor(m_cacheCells[c]);
        }
        if (r == m.height() || color != runColor) {
            if (r > runStart && runColor.isValid())
                p.fillRect(lane.first, kMargin + runStart, lane.second - lane.first, r - runStart, runColor);
            runColor = color;
            runStart = r;
        }
    }
}

OverviewModel OverviewMap::model() const { return OverviewModel(m_size, std::max(0, height() - 2 * kMargin)); }

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
QSize OverviewMap::minimumSizeHint() const { return {40, 60}; }

bool OverviewMap::dark() const { return JobColors::isDark(palette()); }

std::vector<OverviewMap::Segment> OverviewMap::segments() const
{
    std::vector<Segment> out;
    if (!m_center)
        return out;
    const OverviewModel m = model();
    for (const JobCenter::WorkerTrack &t : m_center->workerTracks()) {
        Segment s;
        s.colorIndex = t.colorIndex;
        s.rangeRows = m.rowsOf(t.range);
        s.doneRows = m.rowsOf({t.range.offset, t.done});
        out.push_back(s);
    }
    return out;
}

void OverviewMap::paintCoverage(QPainter &p, const OverviewModel &m, const std::vector<ByteRange> &ranges,
                                std::pair<int, int> lane, const QColor &color, const QColor &bg) const
{
    if (ranges.empty())
        return;
    const std::vector<float> cov = m.coverage(ranges);
    // Rows are merged into runs of equal shade: a handful of rectangles, not one per row.
    auto shade = [](float c) { return c <= 0.0f ? 0 : std::max(3, int(std::lround(c * 8.0f))); };
    const int w = lane.second - lane.first;
    for (int r = 0; r < int(cov.size());) {
        const int level = shade(cov[std::size_t(r)]);
        int e = r + 1;
        while (e < int(cov.size()) && shade(cov[std::size_t(e)]) == level)
            ++e;
        if (level > 0)
            p.fillRect(lane.first, kMargin + r, w, e - r, JobColors::tint(color, bg, level / 8.0));
        r = e;
    }
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
    if (isLayerVisible(Workers)) {
        for (const Segment &s : segments()) {
            const QColor c = JobColors::worker(s.colorIndex, isDark);
            const int w = lane.second - lane.first;
            p.fillRect(lane.first, kMargin + s.rangeRows.first, w, s.rangeRows.second - s.rangeRows.first,
                       JobColors::tint(c, bg, 0.30));
            if (s.doneRows.second > s.doneRows.first)
                p.fillRect(lane.first, kMargin + s.doneRows.first, w, s.doneRows.second - s.doneRows.first, c);
            // A notch at each worker's start separates neighbours of similar brightness.
            p.fillRect(lane.first, kMargin + s.rangeRows.first, w / 3, 1, palette().color(QPalette::WindowText));
        }
    }
    if (isLayerVisible(Durability) && m_center) {
        paintCoverage(p, m, m_center->synced().ranges(), durabilityLane(), JobColors::synced(isDark), bg);
        paintCoverage(p, m, m_center->dirty().ranges(), durabilityLane(), JobColors::dirty(isDark), bg);
    }
    if (showsPageCache())
        paintPageCache(p, m);
    if (isLayerVisible(Edits))
        paintCoverage(p, m, m_edits, marksLane(), JobColors::edited(isDark), bg);
    if (isLayerVisible(SearchHits)) {
        const auto ml = marksLane();
        for (const ByteRange &h : m_hits) {
            const auto rows = m.rowsOf(h);
            p.fillRect(ml.first - 2, kMargin + rows.first, ml.second - ml.first + 2, 1, JobColors::searchHit(isDark));
        }
    }
    if (isLayerVisible(Viewport) && !m_viewport.isEmpty()) {
        auto rows = m.rowsOf(m_viewport);
        if (rows.second - rows.first < 4) {
            const int mid = (rows.first + rows.second) / 2;
            rows = {std::max(0, mid - 2), std::min(m.height(), mid + 2)};
        }
        p.setPen(QPen(JobColors::viewport(isDark), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(1, kMargin + rows.first, width() - 2, rows.second - rows.first));
    }
    if (isLayerVisible(Bookmarks)) {
        // A flag per bookmark: a line across every lane and a triangle at the left edge pointing at it.
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        for (const Flag &f : m_flags) {
            const int y = kMargin + m.rowsOf({f.offset, 1}).first;
            p.fillRect(0, y, width(), 1, f.color);
            p.setBrush(f.color);
            p.drawPolygon(QPolygonF({QPointF(0, y - 4.0), QPointF(6, y + 0.5), QPointF(0, y + 5.0)}));
        }
        p.setRenderHint(QPainter::Antialiasing, false);
    }
}

void OverviewMap::navigateTo(int y)
{
    const OverviewModel m = model();
    if (!m.isValid())
        return;
    const int row = std::clamp(y - kMargin, 0, m.height() - 1);
    // The middle of the row's span, so a click at the bottom reaches the last bytes.
    // The middle of the row's span; the first and last rows reach the very start and end of the file.
    const ByteRange span = m.rowRange(row);
    const std::uint64_t target = row == 0 ? 0 : row == m.height() - 1 ? m_size - 1 : span.offset + span.size / 2;
    emit navigateRequested(std::min(target, m_size - 1));
}

void OverviewMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        navigateTo(int(event->position().y()));
}

void OverviewMap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        navigateTo(int(event->position().y()));
}

void OverviewMap::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const std::pair<Layer, QString> layers[] = {{Workers, tr("Job workers")},
                                                {Durability, tr("Written / synced")},
                                                {Edits, tr("Unsaved edits")},
                                                {SearchHits, tr("Search hits")},
                                                {Viewport, tr("Viewport")},
                                                {Bookmarks, tr("Bookmarks")},
                                                {PageCache, tr("Page cache (kernel)")},
                                                {Entropy, tr("Entropy / byte class")}};
    for (const auto &[layer, name] : layers) {
        QAction *a = menu.addAction(name);
        a->setCheckable(true);
        a->setChecked(isLayerVisible(layer));
        connect(a, &QAction::toggled, this, [this, l = layer](bool on) { setLayerVisible(l, on); });
    }
    menu.exec(event->globalPos());
}

bool OverviewMap::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const OverviewModel m = model();
    if (!m.isValid()) {
        QToolTip::hideText();
        return true;
    }
    const ByteRange span = m.rowRange(std::clamp(help->pos().y() - kMargin, 0, m.height() - 1));
    QString lane = tr("Job workers: pale = assigned, solid = written");
    if (m_cells && isLayerVisible(Entropy))
        lane += QLatin1Char('\n') + m_cellsLegend;
    if (help->pos().x() >= durabilityLane().first && help->pos().x() < durabilityLane().second)
        lane = tr("Vermillion = written by a job, not synced; grey-blue = synced");
    else if (showsPageCache() && help->pos().x() >= pageCacheLane().first && help->pos().x() < pageCacheLane().second)
        lane = tr("Page cache (%1): green = cached, vermillion = dirty, purple = under writeback, empty = not "
                  "cached")
                   .arg(m_cacheSource == QLatin1String("mincore") ? tr("mincore: cached only, dirty unknown")
                                                                   : tr("kernel, cachestat"));
    else if (help->pos().x() >= marksLane().first)
        lane = tr("Yellow = unsaved edits; ticks = search hits");
    QToolTip::showText(help->globalPos(),
                       tr("0x%1 (%2 per pixel row)\n%3")
                           .arg(QString::number(span.offset, 16).toUpper(),
                                QString::fromStdString(formatSize(std::max<std::uint64_t>(1, span.size))), lane),
                       this);
    return true;
}

} // namespace hexmap
