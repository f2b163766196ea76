#pragma once

#include <QWidget>

namespace hexmap {

class Document;
class FileChangeBanner;
class HexView;
class OverviewMap;
class PageCacheLayer;

// DocumentPane: what one tab shows of its Document: the HexView and the OverviewMap beside it, under a
// FileChangeBanner (hidden until the file changes on disk). The pane follows its document one way: the view reads
// the bytes through Document::file() and repaints on bytesChanged (edits, undo, jobs' ticks), takes the new
// mapping on fileReplaced, clears on closed, stops reading past a cut (readableSizeChanged); the view is tinted
// with the document's running jobs and the map shows them, its unsaved edits, the visible rows and what the
// kernel's page cache holds of the file (PageCacheLayer).
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

private:
    void showFile();
    void updateTint();

    Document *m_document;
    HexView *m_view;
    OverviewMap *m_map;
    FileChangeBanner *m_banner;
    PageCacheLayer *m_pageCache;
};

} // namespace hexmap
