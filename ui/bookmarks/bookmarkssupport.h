#pragma once

#include "ui/pane/windowfeature.h"

#include <QPointer>

class QAction;

namespace hexmap {

class BookmarksDock;
class HexView;

// BookmarksSupport: the bookmarks feature: Edit > Toggle Bookmark (Ctrl+B) at the current tab's cursor, the
// Bookmarks dock (the current document's bookmarks; hidden until opened from View or a bookmark is added) and, per
// pane, the bookmarked bytes tinted in the view and flagged on the overview map (BookmarkDisplay). Each Document
// owns its Bookmarks (loaded and saved per file). Owned by the window (QObject parent). Thread: GUI thread only.
class BookmarksSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit BookmarksSupport(QWidget *window);

    QList<FeatureAction> featureActions() const override;
    QList<FeatureDock> featureDocks() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;
    void documentAdded(Document *document, DocumentPane *pane) override;
    void documentRemoved(Document *document) override;

    QAction *toggleBookmarkAction() const { return m_toggle; }
    BookmarksDock *dock() const { return m_dock; }

private:
    void updateAction();

    QAction *m_toggle;
    BookmarksDock *m_dock;
    QPointer<Document> m_document;
    HexView *m_view = nullptr;
};

} // namespace hexmap
