#pragma once

#include <QDockWidget>

#include <memory>

class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace hexmap {

class Bookmarks;
class HexView;

// The Bookmarks dock: one row per bookmark, sorted by offset, with two columns: the name (with a swatch of its
// colour) and the offset ("0x…"). Activating a row (double click, Enter) moves the view's cursor there; F2 or the
// context menu's Rename edits the name in place; the context menu also chooses the colour from
// Bookmarks::palette() and removes the bookmark; Delete removes it too. Thread: GUI thread only.
class BookmarksDock : public QDockWidget {
    Q_OBJECT
public:
    enum Column { NameColumn = 0, OffsetColumn = 1 };

    BookmarksDock(Bookmarks *bookmarks, HexView *view, QWidget *parent = nullptr);
    // Shows another file's bookmarks (the current tab's document and view); nulls show none.
    void setBookmarks(Bookmarks *bookmarks, HexView *view);

    QTreeWidget *tree() const { return m_tree; }
    // The context menu of the bookmark in `row` (Go to, Rename, Colour ▸ palette, Remove); null for no bookmark.
    // Its actions are named (goToBookmarkAction, renameBookmarkAction, bookmarkColorAction<i>,
    // removeBookmarkAction) so they can be triggered without opening it.
    std::unique_ptr<QMenu> contextMenu(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void goTo(int row);
    void rename(int row);

    Bookmarks *m_bookmarks = nullptr;
    HexView *m_view = nullptr;
    QTreeWidget *m_tree;
    QMetaObject::Connection m_connection; // to m_bookmarks
};

} // namespace hexmap
