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

    QListWidget *list() const { return m_list; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();

    Bookmarks *m_bookmarks;
    HexView *m_view;
    QListWidget *m_list;
    bool m_rebuilding = false;
};

} // namespace hexmap
