#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/searchengine.h"
#include "ui/view/highlight.h"

#include <QColor>
#include <QObject>

#include <cstdint>
#include <vector>

class QAction;
class QMainWindow;
class QMenu;

namespace hexmap {

class FindBar;
class FindResultsDock;
class HexView;
class OverviewMap;

// FindSupport: everything search adds to a main window, so the window only wires it: the FindBar under the
// central widget (hidden until Ctrl+F), the Find Results dock, the actions Edit > Find… (QKeySequence::Find),
// Find Next (F3 / FindNext), Find Previous (Shift+F3 / FindPrevious), the "find all" matches tinted in the view
// (only the visible ones are handed to the view, merged when they touch) and marked on the overview map (one
// tick per 1/4096 of the file that holds a match). The marks live in the view's Search highlight layer, so job
// tints and bookmarks never replace them.
// Owned by the window (QObject parent). Thread: GUI thread only.
class FindSupport : public QObject {
    Q_OBJECT
public:
    FindSupport(QMainWindow *window, HexView *view, OverviewMap *map = nullptr);
    ~FindSupport() override;

    // Puts the bar below the window's central widget, docks the results at the bottom (hidden until a find all)
    // and adds the actions to `editMenu` (may be null; the actions then live on the window).
    void install(QMenu *editMenu);
    // After HexView::setFile / clearFile: cancels the search, clears results and marks, enables the actions.
    void setFile(const MappedFile &file);

    FindBar *bar() const { return m_bar; }
    FindResultsDock *dock() const { return m_dock; }
    // The marks currently handed to the view (tests).
    const std::vector<Highlight> &viewMarks() const { return m_marks; }
    QColor markColor() const { return m_color; }

    QAction *find;
    QAction *findNext;
    QAction *findPrevious;

signals:
    void statusMessage(const QString &message);

private:
    void showMatches(const SearchMatches &matches, std::uint64_t patternSize, const QString &description);
    void updateViewMarks();
    void updateMapMarks();
    void goToMatch(std::uint64_t offset);

    QMainWindow *m_window;
    HexView *m_view;
    OverviewMap *m_map;
    FindBar *m_bar;
    FindResultsDock *m_dock;
    std::vector<Highlight> m_marks;
    QColor m_color;
};

} // namespace hexmap
