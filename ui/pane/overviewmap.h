#pragma once

#include "core/byterange.h"
#include "core/piecesnapshot.h"
#include "ui/pane/overviewmodel.h"
#include "ui/pane/regionbands.h"

#include <QColor>
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QImage;

namespace hexmap {

class JobCenter;
class JobWatcher;
class OriginalToDocument;

// A vertical strip beside the hex view standing for the whole file: pixel row r shows bytes
// [r * size / height, (r + 1) * size / height) (OverviewModel); zoomed (setZoom, Ctrl+wheel, the context menu) it
// stands for a window of size / zoom bytes centred on the viewport instead. Lanes, left to right, each a toggleable
// layer:
//   Workers    - each running job worker's range in its colour (pale), its written prefix solid (flush and sync
//                jobs in a narrow strip at the left); what finished jobs wrote fades (fadeDuration) into a
//                neutral grey, the "written" state every byte jobs wrote keeps (WorkerLane);
//   Durability - bytes jobs wrote and nobody synced (vermillion) versus synced (blue-grey);
//   Marks      - unsaved edits (yellow) and search hits (ticks);
//   Viewport   - a frame over the whole width around the bytes the hex view shows;
//   Bookmarks  - a flag (triangle at the left edge and a line across) in each bookmark's colour;
//   PageCache  - what the kernel's page cache holds (setPageCache, fed by a PageCacheLayer): a lane between the
//                workers and the durability lane, shown only while the layer is on and has cells: green = cached,
//                vermillion = dirty, purple = under writeback, background = not cached. Off by default.
//   Entropy    - under the workers' lane, a colour per pixel row from a cell provider (ui/analysis: entropy and
//                byte class), with its legend in the lane's tooltip.
//   Differences - the compare window's maps (which show no jobs): a tick across the whole width on every pixel row
//                whose bytes differ from the other file, stronger the more of the row differs (a share provider
//                asked once per row, so a million runs paint as fast as one); on only while a provider is set.
//   Partitions - named regions (setRegions: a disk image's partitions) outlined across the workers' lane in a
//                3-colour cycle, a strip at the lane's left edge, the number (and name) inside where it fits
//                (RegionBands); the tooltip names the region under the pointer.
// legend() lists what each colour drawn now means (the pane shows it under the map, OverviewLegend).
// Clicking or dragging emits navigateRequested(offset) (the zoom window holds still while dragging). Painting costs O(height + ranges), never O(file size);
// the worker and durability data come from a JobCenter, edits / hits / viewport through setters.
// Thread: GUI thread only.
class OverviewMap : public QWidget {
    Q_OBJECT
public:
    // AllLayers: the layers on by default (PageCache is turned on by its PageCacheLayer).
    enum Layer { Workers = 1, Durability = 2, Edits = 4, SearchHits = 8, Viewport = 16, Bookmarks = 32,
                 PageCache = 64, Entropy = 128, Differences = 256, Partitions = 512,
                 AllLayers = 63 | 128 | 256 | 512 };
    // One sampled slice of the file for the PageCache layer: fractions in [0, 1] of its pages.
    struct CacheCell {
        ByteRange range;
        float cached = 0.0f; // dirty and writeback pages included
        float dirty = 0.0f;
        float writeback = 0.0f;
    };
    // The colour of the bytes of one pixel row; an invalid QColor leaves the row unpainted. Called per row.
    using CellColor = std::function<QColor(ByteRange span)>;
    // The fraction in [0, 1] of the bytes of one pixel row's span that differ (> 0: a tick). Called per row.
    using RowShare = std::function<float(ByteRange span)>;
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

    // One line of the legend: a swatch (or several, for the workers of running jobs) and what it means.
    struct LegendEntry {
        std::vector<QColor> colors;
        QString text;
    };
    static constexpr std::uint64_t kMaxZoom = std::uint64_t(1) << 30;

    explicit OverviewMap(QWidget *parent = nullptr);

    void setJobCenter(const JobCenter *center);
    void setFileSize(std::uint64_t size);
    std::uint64_t fileSize() const { return m_size; }
    void setViewport(ByteRange visible);
    void setEditRanges(std::vector<ByteRange> ranges);
    // The document shown, while inserts or deletes are unsaved (std::nullopt, the default: the document is the file
    // in place). The job layers and the page-cache layer know file offsets; they are drawn where those bytes are in
    // the document through originalMap(), which is built from it when first needed (a walk of the pieces), so an
    // edit costs nothing here until something in file offsets is drawn. Null while the document is in place.
    void setMovedDocument(std::optional<PieceSnapshot> document);
    const OriginalToDocument *originalMap() const;
    void setSearchHits(std::vector<ByteRange> hits);
    void setBookmarks(std::vector<Flag> flags);
    const std::vector<Flag> &bookmarks() const { return m_flags; }
    // The Partitions layer's regions (in table order; a later region drawn over an earlier one); empty: none.
    void setRegions(std::vector<MapRegion> regions);
    const std::vector<MapRegion> &regions() const { return m_regions; }
    // The bands drawn now for the regions (RegionBands on the workers' lane, the map's small font), for tests.
    std::vector<RegionBands::Band> regionBands() const;
    QColor regionColor(int colorIndex) const;
    QFont regionFont() const;
    // The last region holding `offset` (a logical partition rather than its extended container), or null.
    const MapRegion *regionAt(std::uint64_t offset) const;
    // The Entropy layer's colours and legend (tooltip text); a null provider removes the layer's content.
    void setEntropyCells(CellColor provider, const QString &legend);
    // The Differences layer's provider (null: none); call update() when the runs behind it change.
    void setDifferences(RowShare provider);
    // The shade level (0: no tick, else 6..8 eighths of the colour over the background) of a row whose share of
    // differing bytes is `share`: a row touched by one byte still gets a tick that reads on both themes.
    static int differenceLevel(float share);
    void setLayerVisible(Layer layer, bool visible);
    // The PageCache layer's cells (sorted, disjoint, covering the file) and where they came from ("cachestat" or
    // "mincore", for the legend); an empty vector hides the lane.
    void setPageCache(std::vector<CacheCell> cells, const QString &source);
    const std::vector<CacheCell> &pageCacheCells() const { return m_cacheCells; }
    // The colour a page-cache cell is drawn in (background: not cached), for tests and the legend.
    QColor pageCacheColor(const CacheCell &cell) const;
    bool isLayerVisible(Layer layer) const { return (m_layers & layer) != 0; }

    // Zoom: 1 shows the whole file; n shows ceil(size / n) bytes around the viewport. Clamped to [1, kMaxZoom]
    // and to a window of at least one byte per pixel row.
    void setZoom(std::uint64_t zoom);
    std::uint64_t zoom() const { return m_zoom; }
    // The bytes the map shows now (the whole file unless zoomed).
    ByteRange window() const;
    // How long a finished job's colours take to fade into the written grey (ms; 0: at once).
    void setFadeDuration(int ms) { m_fadeMs = ms; update(); }
    int fadeDuration() const { return m_fadeMs; }
    // What the colours drawn now mean (for the legend), and the What's This text of the map.
    std::vector<LegendEntry> legend() const;
    static QString whatsThisText();

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
    // legend() changed: a layer was toggled, a job started or finished, the zoom or the page-cache lane changed.
    void legendChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override; // tooltips

private:
    static constexpr int kMargin = 2;
    void paintCoverage(QPainter &p, const OverviewModel &m, const std::vector<ByteRange> &ranges,
                       std::pair<int, int> lane, const QColor &color, const QColor &bg) const;
    void navigateTo(int y);
    bool dark() const;
    bool showsPageCache() const { return isLayerVisible(PageCache) && !m_cacheCells.empty(); }
    void paintPageCache(QPainter &p, const OverviewModel &m) const;
    void paintDifferences(QPainter &p, const OverviewModel &m) const;
    void paintWorkers(QPainter &p, const OverviewModel &m) const;
    void paintZoomLabel(QPainter &p) const;
    void paintRegions(QPainter &p) const;
    QString laneHelp(int x) const;
    // The jobs' file ranges where those bytes are in the document (originalMap(), built only when there are any).
    std::vector<ByteRange> inDocument(const std::vector<ByteRange> &fileRanges) const;
    // Per worker track, the fade of its job (0 running or just finished .. 1 faded); starts / stops the timer.
    double fadeOf(const JobWatcher *job) const;
    void onJobFinished(const JobWatcher *job);
    void onJobsRemoved();

    const JobCenter *m_center = nullptr;
    std::uint64_t m_size = 0;
    ByteRange m_viewport;
    std::vector<ByteRange> m_edits;
    std::optional<PieceSnapshot> m_movedDocument;
    mutable std::shared_ptr<const OriginalToDocument> m_originalMap; // built from m_movedDocument on first use
    std::vector<ByteRange> m_hits;
    std::vector<Flag> m_flags;
    std::vector<MapRegion> m_regions;
    CellColor m_cells;
    QString m_cellsLegend;
    RowShare m_differences;
    int m_layers = AllLayers;
    std::vector<CacheCell> m_cacheCells;
    QString m_cacheSource;
    std::uint64_t m_zoom = 1;
    std::optional<ByteRange> m_dragWindow; // the window held while the left button is down
    int m_fadeMs = 2500;
    QElapsedTimer m_clock;
    std::map<const JobWatcher *, qint64> m_finishedAt; // m_clock ms
    QTimer m_fadeTimer;
};

} // namespace hexmap
