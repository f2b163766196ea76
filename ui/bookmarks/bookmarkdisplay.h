#pragma once

#include <QObject>

namespace hexmap {

class Bookmarks;
class HexView;
class OverviewMap;

// Shows a file's bookmarks where the bytes are: each visible bookmarked byte is tinted in its bookmark's colour
// in the view's Bookmarks highlight layer (under search marks and job tints), and the overview map draws a flag
// per bookmark. Only the bookmarks inside the visible range go to the view, so painting stays O(visible rows)
// whatever the number of bookmarks. Follows Bookmarks::changed and the view's scrolling. The map may be null.
// Owned by its QObject parent. Thread: GUI thread only.
class BookmarkDisplay : public QObject {
    Q_OBJECT
public:
    BookmarkDisplay(Bookmarks *bookmarks, HexView *view, OverviewMap *map, QObject *parent = nullptr);

private:
    void updateView();
    void updateMap();

    Bookmarks *m_bookmarks;
    HexView *m_view;
    OverviewMap *m_map;
};

} // namespace hexmap
