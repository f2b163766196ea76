#include "ui/pane/overviewmap.h"

#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"
#include "ui/pane/documentranges.h"
#include "ui/pane/workerlane.h"
#include "ui/view/jobcolors.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

// OverviewMap's lanes as painted: coverage shades, the page cache, the workers (WorkerLane) and the zoom label.
// paintEvent (overviewmap.cpp) calls them in layer order.
namespace hexmap {

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

int OverviewMap::differenceLevel(float share)
{
    return share <= 0.0f ? 0 : std::clamp(int(std::lround(share * 8.0f)), 6, 8);
}

void OverviewMap::paintDifferences(QPainter &p, const OverviewModel &m) const
{
    // One share per pixel row (O(log runs) each), rows of one level merged into one rectangle.
    const bool isDark = dark();
    const QColor bg = JobColors::mapBackground(isDark);
    const QColor color = JobColors::difference(isDark);
    const int x = workerLane().first;
    const int w = marksLane().second - x;
    std::vector<int> levels(std::size_t(m.height()));
    for (int r = 0; r < m.height(); ++r)
        levels[std::size_t(r)] = differenceLevel(m_differences(m.rowRange(r)));
    for (int r = 0; r < m.height();) {
        const int level = levels[std::size_t(r)];
        int e = r + 1;
        while (e < m.height() && levels[std::size_t(e)] == level)
            ++e;
        if (level > 0)
            p.fillRect(x, kMargin + r, w, e - r, JobColors::tint(color, bg, level / 8.0));
        r = e;
    }
}

void OverviewMap::paintWorkers(QPainter &p, const OverviewModel &m) const
{
    if (!m_center)
        return;
    const bool isDark = dark();
    const QColor bg = JobColors::mapBackground(isDark);
    const QColor written = JobColors::written(isDark);
    const auto lane = workerLane();
    const int w = lane.second - lane.first;
    // Under everything: every byte jobs wrote (synced or not), in the neutral written grey.
    // Jobs know file offsets: drawn where those bytes are in the document (unsaved inserts and deletes move them).
    std::vector<ByteRange> all = inDocument(m_center->dirty().ranges());
    const std::vector<ByteRange> synced = inDocument(m_center->synced().ranges());
    all.insert(all.end(), synced.begin(), synced.end()); // disjoint sets: coverage adds them
    paintCoverage(p, m, all, lane, written, bg);
    std::vector<WorkerLane::Track> tracks;
    const std::vector<JobCenter::WorkerTrack> fileTracks = m_center->workerTracks();
    for (const JobCenter::WorkerTrack &t :
         DocumentRanges::tracks(fileTracks.empty() ? nullptr : originalMap(), fileTracks)) {
        const JobOperation op = t.job->spec().operation;
        const bool writes = op != JobOperation::Flush && op != JobOperation::Sync;
        const auto &workers = t.job->lastSnapshot().workers;
        const std::uint64_t done = op == JobOperation::Sync && std::size_t(t.worker) < workers.size()
                                       ? workers[std::size_t(t.worker)].bytesSynced
                                       : t.done;
        tracks.push_back({t.range, done, t.colorIndex, t.running, writes, fadeOf(t.job)});
    }
    const int narrow = WorkerLane::narrowWidth(w);
    for (const WorkerLane::Bar &b : WorkerLane::bars(m, tracks)) {
        const QColor c = JobColors::worker(b.colorIndex, isDark);
        const int bw = b.narrow ? narrow : w;
        const int y = kMargin + b.rows.first;
        const int h = b.rows.second - b.rows.first;
        if (b.kind == WorkerLane::Kind::Assigned) {
            p.fillRect(lane.first, y, bw, h, JobColors::tint(c, bg, 0.30));
            // A notch at each worker's start separates neighbours of similar brightness.
            if (!b.narrow && b.startsHere)
                p.fillRect(lane.first, y, w / 3, 1, palette().color(QPalette::WindowText));
        } else {
            p.fillRect(lane.first, y, bw, h, JobColors::tint(c, written, 1.0 - b.fade));
        }
    }
}

void OverviewMap::paintZoomLabel(QPainter &p) const
{
    QFont f = font();
    f.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.8));
    p.setFont(f);
    const QString text = QStringLiteral("\u00D7%1").arg(m_zoom);
    const QRect box = QFontMetrics(f).boundingRect(text).adjusted(-2, 0, 2, 0);
    const QRect at(kMargin, kMargin, box.width(), box.height());
    p.fillRect(at, palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(at, Qt::AlignCenter, text);
}

} // namespace hexmap
