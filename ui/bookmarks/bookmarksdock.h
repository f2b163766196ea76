#pragma once

#include <QDockWidget>

class QListWidget;

namespace hexmap {

class Bookmarks;
class HexView;

// The Bookmarks dock: one row per bookmark ("name" with its colour, the offset as tooltip and second column
// text), sorted by offset. Activating a row (double click, Enter) moves the view's cursor there; editing a row's
// text renames it; Delete removes it. Thread: GUI thread only.
class BookmarksDock : public QDockWidget {
    Q_OBJECT
public:
    BookmarksDock(Bookmarks *bookmarks, HexView *view, QWidget *parent = nullptr);
    // Shows another file's bookmarks (the current tab's document and view); nulls show none.
    void setBookmarks(Bookmarks *bookmarks, HexView *view);

    QListWidget *list() const { return m_list; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();

    Bookmarks *m_bookmarks = nullptr;
    HexView *m_view = nullptr;
    QListWidget *m_list;
    QMetaObject::Connection m_connection; // to m_bookmarks
};

} // namespace hexmap
