#include "ui/bookmarks/bookmarkdisplay.h"

#include "ui/document/bookmarks.h"
#include "ui/view/hexview.h"
#include "ui/view/jobcolors.h"
#include "ui/pane/overviewmap.h"

#include <algorithm>
#include <vector>

namespace hexmap {

BookmarkDisplay::BookmarkDisplay(Bookmarks *bookmarks, HexView *view, OverviewMap *map, QObject *parent)
    : QObject(parent), m_bookmarks(bookmarks), m_view(view), m_map(map)
{
    connect(m_bookmarks, &Bookmarks::changed, this, [this] {
        updateView();
        updateMap();
    });
    connect(m_view, &HexView::visibleRangeChanged, this, &BookmarkDisplay::updateView);
    updateView();
    updateMap();
}

void BookmarkDisplay::updateView()
{
    const auto &items = m_bookmarks->items(); // sorted by offset
    const ByteRange visible = m_view->visibleRange();
    const QColor base = m_view->palette().color(QPalette::Base);
    auto it = std::lower_bound(items.begin(), items.end(), visible.offset,
                               [](const Bookmarks::Bookmark &b, std::uint64_t o) { return b.offset < o; });
    std::vector<Highlight> marks;
    for (; it != items.end() && it->offset < visible.end(); ++it)
        marks.push_back({ByteRange{it->offset, 1}, JobColors::tint(it->color, base, 0.55), false});
    if (marks.empty() && m_view->highlights(HighlightLayer::Bookmarks).empty())
        return;
    m_view->setHighlights(HighlightLayer::Bookmarks, std::move(marks));
}

void BookmarkDisplay::updateMap()
{
    if (!m_map)
        return;
    std::vector<OverviewMap::Flag> flags;
    flags.reserve(m_bookmarks->items().size());
    for (const Bookmarks::Bookmark &b : m_bookmarks->items())
        flags.push_back({b.offset, b.color});
    m_map->setBookmarks(std::move(flags));
}

} // namespace hexmap
