#pragma once

#include "core/byterange.h"
#include "core/searchscan.h"
#include "ui/pane/windowfeature.h"
#include "ui/view/highlight.h"

#include <QColor>
#include <QPointer>

#include <cstdint>
#include <vector>

class QAction;
class QMainWindow;

namespace hexmap {

class FindBar;
class FindResultsDock;
class HexView;
class OverviewMap;

// FindSupport: the search feature: the FindBar under the tabs (hidden until Ctrl+F; it searches the current tab),
// the Find Results dock (the current document's results: each Document keeps its SearchState, so switching tabs
// shows each file's own results and marks; a search still running is dropped when the tab changes), the actions Edit > Find… (QKeySequence::Find),
// Find Next (F3 / FindNext), Find Previous (Shift+F3 / FindPrevious), the "find all" matches tinted in the view
// (only the visible ones are handed to the view, merged when they touch) and marked on the overview map (one
// tick per 1/4096 of the file that holds a match). The marks live in the view's Search highlight layer, so job
// tints and bookmarks never replace them.
// Owned by the window (QObject parent). Thread: GUI thread only.
class FindSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit FindSupport(QMainWindow *window);
    ~FindSupport() override;

    QList<FeatureAction> featureActions() const override;
    QList<FeatureDock> featureDocks() const override;
    QWidget *windowBar() const override;
    // Cancels the search, shows the document's results and marks, enables the actions.
    void setCurrent(Document *document, DocumentPane *pane) override;
    void documentRemoved(Document *document) override;

    FindBar *bar() const { return m_bar; }
    FindResultsDock *dock() const { return m_dock; }
    // The marks currently handed to the view (tests).
    const std::vector<Highlight> &viewMarks() const { return m_marks; }
    QColor markColor() const { return m_color; }

    QAction *find;
    QAction *findNext;
    QAction *findPrevious;

private:
    void showDocumentResults();
    void showMatches(const SearchMatches &matches, std::uint64_t patternSize, const QString &description);
    void updateViewMarks();
    void updateMapMarks();
    void goToMatch(std::uint64_t offset);
    void refreshResultsDocument(); // the results list reads the session's current document

    QMainWindow *m_window;
    QPointer<Document> m_document;
    HexView *m_view = nullptr;
    OverviewMap *m_map = nullptr;
    QList<QMetaObject::Connection> m_current;
    bool m_documentRefreshPending = false; // edits come in bursts (one signal per range): one refresh per burst
    FindBar *m_bar;
    FindResultsDock *m_dock;
    std::vector<Highlight> m_marks;
    QColor m_color;
};

} // namespace hexmap
