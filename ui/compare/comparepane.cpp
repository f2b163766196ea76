#include "ui/compare/comparepane.h"

#include "ui/pane/overviewlegend.h"
#include "ui/view/hexview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace hexmap {

ComparePane::ComparePane(const QString &side, const QString &path, const MappedFile &file,
                         const std::optional<PieceSnapshot> &document, const QString &objectName, QWidget *parent)
    : QWidget(parent), m_view(new HexView), m_map(new OverviewMap)
{
    const bool edited = document && document->isModified();
    auto *title = new QLabel(edited ? tr("%1: %2 (%3 bytes, with %4 unsaved edited bytes of its tab)")
                                          .arg(side, path)
                                          .arg(document->size())
                                          .arg(document->editedBytes())
                                    : tr("%1: %2 (%3 bytes)").arg(side, path).arg(file.size()));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setWordWrap(true);
    m_view->setObjectName(objectName);
    m_view->setFile(file);
    m_view->setBytesPerRow(16); // both sides the same width: rows line up
    if (edited)
        m_view->setSnapshot(*document); // the tab's document, unsaved inserts and deletes included
    m_map->setObjectName(objectName + QStringLiteral("Map"));
    m_map->setFileSize(edited ? document->size() : file.size());
    // Only what a compare has: the differences and the frame (no jobs, edits, hits or bookmarks here).
    for (auto layer : {OverviewMap::Workers, OverviewMap::Durability, OverviewMap::SearchHits, OverviewMap::Bookmarks,
                       OverviewMap::PageCache, OverviewMap::Entropy})
        m_map->setLayerVisible(layer, false);
    if (edited)
        m_map->setEditRanges(document->editedRanges());
    else
        m_map->setLayerVisible(OverviewMap::Edits, false);
    m_map->setFixedWidth(m_map->minimumSizeHint().width()); // narrow: the hex view needs the width
    m_legend = new OverviewLegend(m_map);
    m_legend->setObjectName(objectName + QStringLiteral("Legend"));
    connect(m_view, &HexView::visibleRangeChanged, m_map, &OverviewMap::setViewport);
    connect(m_map, &OverviewMap::navigateRequested, this, [this](std::uint64_t offset) {
        const std::uint64_t half = m_view->visibleRange().size / 2;
        m_view->scrollToOffset(offset > half ? offset - half : 0);
    });
    m_map->setViewport(m_view->visibleRange());

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_view, 1);
    row->addWidget(m_map);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(title);
    column->addLayout(row, 1);
    column->addWidget(m_legend);
    setFocusProxy(m_view);
}

} // namespace hexmap
