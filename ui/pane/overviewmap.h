#pragma once

#include "core/byterange.h"
#include "ui/pane/overviewmodel.h"

#include <QColor>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

class QImage;

namespace hexmap {

class JobCenter;

// A vertical strip beside the hex view standing for the whole file: pixel row r shows bytes
// [r * size / height, (r + 1) * size / height) (OverviewModel). Lanes, left to right, each a toggleable layer:
//   Workers    - each job worker's range in its colour (pale), its written prefix solid;
//   Durability - bytes jobs wrote and nobody synced (vermillion) versus synced (blue-grey);
//   Marks      - unsaved edits (yellow) and search hits (ticks);
//   Viewport   - a frame over the whole width around the bytes the hex view shows;
//   Bookmarks  - a flag (triangle at the left edge and a line across) in each bookmark's colour;
//   PageCache  - what the kernel's page cache holds (setPageCache, fed by a PageCacheLayer): a lane between the
//                workers and the durability lane, shown only while the layer is on and has cells: green = cached,
//                vermillion = dirty, purple = under writeback, background = not cached. Off by default.
//   Entropy    - under the workers' lane, a colour per pixel row from a cell provider (ui/analysis: entropy and
//                byte class), with its legend in the lane's tooltip.
// Clicking or dragging emits navigateRequested(offset). Painting costs O(height + ranges), never O(file size);
// the worker and durability data come from a JobCenter, edits / hits / viewport through setters.
// Thread: GUI thread only.
class OverviewMap : public QWidget {
    Q_OBJECT
public:
    // AllLayers: the layers on by default (PageCache is turned on by its PageCacheLayer).
    enum Layer { Workers = 1, Durability = 2, Edits = 4, SearchHits = 8, Viewport = 16, Bookmarks = 32,
                 PageCache = 64, Entropy = 128, AllLayers = 63 | 128 };
    // One sampled slice of the file for the PageCache layer: fractions in [0, 1] of its pages.
    struct CacheCell {
        ByteRange range;
        float cached = 0.0f; // dirty and writeback pages included
        float dirty = 0.0f;
        float writeback = 0.0f;
    };
    // The colour of the bytes of one pixel row; an invalid QColor leaves the row unpainted. Called per row.
    using CellColor = std::function<QColor(ByteRange span)>;
    struct Flag {
        std::uint64_t offset = 0;
        QColor color;
    };
    // One worker as drawn: its range's pixel rows and its written prefix's rows (empty when nothing written).
    struct Segment {
        int colorIndex = 0;
        std::pair<int, int> rangeRows;
        std::pair<int, int> doneRows;
    };

    explicit OverviewMap(QWidget *parent = nullptr);

    void setJobCenter(const JobCenter *center);
    void setFileSize(std::uint64_t size);
    std::uint64_t fileSize() const { return m_size; }
    void setViewport(ByteRange visible);
    void setEditRanges(std::vector<ByteRange> ranges);
    void setSearchHits(std::vector<ByteRange> hits);
    void setBookmarks(std::vector<Flag> flags);
    const std::vector<Flag> &bookmarks() const { return m_flags; }
    // The Entropy layer's colours and legend (tooltip text); a null provider removes the layer's content.
    void setEntropyCells(CellColor provider, const QString &legend);
    void setLayerVisible(Layer layer, bool visible);
    // The PageCache layer's cells (sorted, disjoint, covering the file) and where they came from ("cachestat" or
    // "mincore", for the legend); an empty vector hides the lane.
    void setPageCache(std::vector<CacheCell> cells, const QString &source);
    const std::vector<CacheCell> &pageCacheCells() const { return m_cacheCells; }
    // The colour a page-cache cell is drawn in (background: not cached), for tests and the legend.
    QColor pageCacheColor(const CacheCell &cell) const;
    bool isLayerVisible(Layer layer) const { return (m_layers & layer) != 0; }

    // The math for the current height (the lanes' drawable rows, below the top margin).
    OverviewModel model() const;
    int topMargin() const { return kMargin; }
    // Per worker, the rows drawn for the current state (tests; also what paintEvent draws).
    std::vector<Segment> segments() const;
    // Lane x ranges [first, second), for tests and tooltips.
    std::pair<int, int> workerLane() const;
    std::pair<int, int> durabilityLane() const;
    std::pair<int, int> marksLane() const;
    std::pair<int, int> pageCacheLane() const; // empty when the lane is not shown

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void navigateRequested(std::uint64_t offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override; // tooltips

private:
    static constexpr int kMargin = 2;
    void paintCoverage(QPainter &p, const OverviewModel &m, const std::vector<ByteRange> &ranges,
                       std::pair<int, int> lane, const QColor &color, const QColor &bg) const;
    void navigateTo(int y);
    bool dark() const;
    bool showsPageCache() const { return isLayerVisible(PageCache) && !m_cacheCells.empty(); }
    void paintPageCache(QPainter &p, const OverviewModel &m) const;

    const JobCenter *m_center = nullptr;
    std::uint64_t m_size = 0;
    ByteRange m_viewport;
    std::vector<ByteRange> m_edits;
    std::vector<ByteRange> m_hits;
    std::vector<Flag> m_flags;
    CellColor m_cells;
    QString m_cellsLegend;
    int m_layers = AllLayers;
    std::vector<CacheCell> m_cacheCells;
    QString m_cacheSource;
};

} // namespace hexmap
