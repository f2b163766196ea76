#include "ui/bookmarks/bookmarkssupport.h"

#include "ui/bookmarks/bookmarkdisplay.h"
#include "ui/bookmarks/bookmarksdock.h"
#include "ui/document/bookmarks.h"
#include "ui/document/document.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"

#include <QAction>

namespace hexmap {

BookmarksSupport::BookmarksSupport(QWidget *window)
    : WindowFeature(window), m_toggle(new QAction(tr("Toggle &Bookmark"), this)),
      m_dock(new BookmarksDock(nullptr, nullptr, window))
{
    m_toggle->setObjectName(QStringLiteral("toggleBookmarkAction"));
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_toggle, &QAction::triggered, this, [this] {
        if (!m_document || !m_document->isOpen() || !m_view)
            return;
        Bookmarks *marks = m_document->bookmarks();
        const std::uint64_t at = m_view->cursorOffset();
        if (marks->indexOf(at) < 0 && !marks->canMark(at)) {
            emit statusMessage(tr("An inserted byte cannot be bookmarked before it is saved (File > Save)"));
            return;
        }
        if (marks->toggle(at))
            m_dock->show();
    });
    updateAction();
}

QList<FeatureAction> BookmarksSupport::featureActions() const
{
    return {{m_toggle, {ActionPlace::Menu::Edit, ActionPlace::EditMarks, 0}}};
}

QList<FeatureDock> BookmarksSupport::featureDocks() const
{
    return {{m_dock, Qt::RightDockWidgetArea, false, 20}}; // until the user opens it or adds one
}

void BookmarksSupport::documentAdded(Document *document, DocumentPane *pane)
{
    // Bookmarked bytes tinted in the pane's view, flags on its overview map.
    new BookmarkDisplay(document->bookmarks(), pane->view(), pane->map(), pane);
}

void BookmarksSupport::documentRemoved(Document *document)
{
    if (document == m_document)
        setCurrent(nullptr, nullptr);
}

void BookmarksSupport::setCurrent(Document *document, DocumentPane *pane)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_view = pane ? pane->view() : nullptr;
    m_dock->setBookmarks(document ? document->bookmarks() : nullptr, m_view);
    if (document) {
        connect(document, &Document::fileReplaced, this, &BookmarksSupport::updateAction);
        connect(document, &Document::closed, this, &BookmarksSupport::updateAction);
    }
    updateAction();
}

void BookmarksSupport::updateAction()
{
    m_toggle->setEnabled(m_document && m_document->isOpen());
}

} // namespace hexmap
