#include "ui/pane/documentpane.h"

#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/jobcenter.h"
#include "ui/pane/filechangebanner.h"
#include "ui/pane/overviewlegend.h"
#include "ui/pane/overviewmap.h"
#include "ui/pane/pagecachelayer.h"
#include "ui/view/hexview.h"
#include "ui/view/jobcolors.h"

#include <QPointer>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace hexmap {

DocumentPane::DocumentPane(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_view(new HexView(this)), m_map(new OverviewMap(this)),
      m_banner(new FileChangeBanner(this))
{
    setObjectName(QStringLiteral("documentPane"));
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_banner);
    // The map's width: a splitter handle between view and map, the width remembered for every new tab.
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mapSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(5);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_map);
    m_map->setMaximumWidth(kMaxMapWidth);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->handle(1)->setToolTip(tr("Drag to change the overview map's width"));
    setMapWidth(QSettings().value(QLatin1String(kMapWidthKey), m_map->sizeHint().width()).toInt());
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(QLatin1String(kMapWidthKey), m_map->width()); });
    column->addWidget(m_splitter, 1);
    m_legend = new OverviewLegend(m_map, this);
    column->addWidget(m_legend);
    m_banner->hide();
    setFocusProxy(m_view);

    // The map's page-cache layer samples the file this document shows (by path: a Save that replaced the file
    // is followed), a few times a second while the map is visible (never in a background tab).
    m_pageCache = new PageCacheLayer(m_map, [document = QPointer<Document>(document)] {
        return document && document->isOpen() ? document->file().path() : std::string();
    });
    m_map->setLayerVisible(OverviewMap::PageCache, true);
    m_remapCache = new QTimer(this);
    m_remapCache->setSingleShot(true);
    m_remapCache->setInterval(100);
    connect(m_remapCache, &QTimer::timeout, m_pageCache, &PageCacheLayer::documentChanged);
    m_map->setJobCenter(document->jobs());
    connect(document, &Document::fileReplaced, this, &DocumentPane::showFile);
    connect(document, &Document::closed, this, [this] {
        m_view->clearFile();
        m_map->setFileSize(0);
        m_map->setEditRanges({});
        m_map->setMovedDocument(std::nullopt);
    });
    // Edits, undo/redo, revert, save and the jobs' writes: the bytes on screen are read again.
    connect(document, &Document::bytesChanged, this, [this](ByteRange range) {
        if (range.overlaps(m_view->visibleRange()))
            m_view->viewport()->update();
    });
    // The map shows the document (unsaved inserts and deletes included), not the file; the view follows the
    // session's edits through its EditController.
    connect(document->session(), &EditSession::documentChanged, this, &DocumentPane::showEdits);
    connect(document, &Document::modeChanged, m_view->viewport(), qOverload<>(&QWidget::update));
    connect(document, &Document::readableSizeChanged, m_view, &HexView::setReadableSize);
    connect(document->jobs(), &JobCenter::changed, this, &DocumentPane::updateTint);
    connect(m_view, &HexView::visibleRangeChanged, m_map, &OverviewMap::setViewport);
    connect(m_map, &OverviewMap::navigateRequested, this, [this](std::uint64_t offset) {
        const std::uint64_t half = m_view->visibleRange().size / 2;
        m_view->scrollToOffset(offset > half ? offset - half : 0);
    });
    if (document->isOpen())
        showFile();
}

void DocumentPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_legend->setVisible(legendFits(height(), m_legend->heightForWidth(width())));
}

void DocumentPane::setMapWidth(int width)
{
    width = std::clamp(width, m_map->minimumSizeHint().width(), kMaxMapWidth);
    const int total = std::max(m_splitter->width(), m_view->sizeHint().width() + width);
    m_splitter->setSizes({total - width, width});
}

void DocumentPane::showEdits()
{
    const EditSession *session = m_document->session();
    m_map->setFileSize(session->size());
    m_map->setEditRanges(session->editedRanges());
    // What jobs and the kernel say about the file is drawn where its bytes are while inserts/deletes are unsaved
    // (needsShiftSave: the document is not the file in place). The page-cache cells follow within 100 ms: a burst
    // of typing remaps them once, not per key (each remap walks the pieces: 7 ms with 166 000 of them).
    m_map->setMovedDocument(session->needsShiftSave() ? std::optional(session->snapshot()) : std::nullopt);
    if (!m_remapCache->isActive())
        m_remapCache->start();
}

void DocumentPane::showFile()
{
    m_view->setFile(&m_document->file());
    m_view->setSnapshot(m_document->session()->snapshot()); // a reload may carry edits over
    showEdits();
    m_map->setViewport(m_view->visibleRange());
    m_banner->hide();
    updateTint();
}

void DocumentPane::updateTint()
{
    const QColor base = m_view->palette().color(QPalette::Base);
    m_view->setHighlights(HighlightLayer::Jobs,
                          m_document->jobs()->highlights(base, JobColors::isDark(m_view->palette())));
}

} // namespace hexmap
