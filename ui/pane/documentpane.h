#pragma once

#include <QWidget>

class QSplitter;
class QTimer;

namespace hexmap {

class Document;
class FileChangeBanner;
class HexView;
class OverviewLegend;
class OverviewMap;
class PageCacheLayer;

// DocumentPane: what one tab shows of its Document: the HexView and the OverviewMap beside it, under a
// FileChangeBanner (hidden until the file changes on disk), with the map's legend (OverviewLegend) below. The
// map's width follows a splitter handle and is remembered (setting "overviewMap/width") for the next tabs and
// sessions. The pane follows its document one way: the view reads the bytes through Document::file() and
// repaints on bytesChanged (edits, undo, jobs' ticks), takes the new mapping on fileReplaced, clears on closed,
// stops reading past a cut (readableSizeChanged); the view is tinted with the document's running jobs and the map
// shows them, its unsaved edits, the visible rows and what the kernel's page cache holds of the file
// (PageCacheLayer).
// Thread: GUI thread only.
class DocumentPane : public QWidget {
    Q_OBJECT
public:
    explicit DocumentPane(Document *document, QWidget *parent = nullptr);

    Document *document() const { return m_document; }
    HexView *view() const { return m_view; }
    OverviewMap *map() const { return m_map; }
    FileChangeBanner *banner() const { return m_banner; }
    PageCacheLayer *pageCache() const { return m_pageCache; }
    OverviewLegend *legend() const { return m_legend; }
    QSplitter *splitter() const { return m_splitter; }
    // Sets the map's width (clamped to [its minimum, kMaxMapWidth]); not saved (dragging the handle saves).
    void setMapWidth(int width);

    static constexpr const char *kMapWidthKey = "overviewMap/width";
    static constexpr int kMaxMapWidth = 480;
    // Whether the legend (legendHeight pixels at the pane's width) is shown in a pane paneHeight pixels high: only
    // when it takes at most a quarter of it, so a small window keeps its rows for the bytes (the map's tooltips
    // still explain each colour).
    static bool legendFits(int paneHeight, int legendHeight) { return legendHeight * 4 <= paneHeight; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showFile();
    void showEdits(); // the map follows the session's document (size, edited ranges)
    void updateTint();

    Document *m_document;
    HexView *m_view;
    OverviewMap *m_map;
    FileChangeBanner *m_banner;
    PageCacheLayer *m_pageCache;
    QTimer *m_remapCache; // coalesces the page-cache cells' remap after edits
    QSplitter *m_splitter = nullptr;
    OverviewLegend *m_legend = nullptr;
};

} // namespace hexmap
