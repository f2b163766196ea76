#include "ui/find/findsupport.h"

#include "ui/common/connections.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/find/findbar.h"
#include "ui/find/findresultsdock.h"
#include "ui/find/findresultsmodel.h"
#include "ui/view/hexview.h"
#include "ui/view/jobcolors.h"
#include "ui/pane/documentpane.h"
#include "ui/pane/overviewmap.h"

#include <QAction>
#include <QDockWidget>
#include <QKeySequence>
#include <QMainWindow>
#include <QTimer>

#include <algorithm>

namespace hexmap {
namespace {

constexpr std::size_t MapRangesMax = 4096;

} // namespace

FindSupport::FindSupport(QMainWindow *window) : WindowFeature(window), m_window(window)
{
    m_bar = new FindBar(nullptr, window);
    m_bar->hide();
    m_dock = new FindResultsDock(window);
    m_dock->hide();
    const QColor base = window->palette().color(QPalette::Base);
    m_color = JobColors::tint(QColor(0xFF, 0xD0, 0x00), base, JobColors::isDark(window->palette()) ? 0.45 : 0.6);

    find = new QAction(tr("&Find…"), this);
    find->setObjectName(QStringLiteral("find"));
    find->setShortcut(QKeySequence::Find);
    findNext = new QAction(tr("Find &Next"), this);
    findNext->setObjectName(QStringLiteral("findNext"));
    findNext->setShortcut(QKeySequence::FindNext);
    findPrevious = new QAction(tr("Find Pre&vious"), this);
    findPrevious->setObjectName(QStringLiteral("findPrevious"));
    findPrevious->setShortcut(QKeySequence::FindPrevious);
    connect(find, &QAction::triggered, m_bar, &FindBar::activate);
    connect(findNext, &QAction::triggered, this, [this] {
        m_bar->show();
        m_bar->findNext();
    });
    connect(findPrevious, &QAction::triggered, this, [this] {
        m_bar->show();
        m_bar->findPrevious();
    });
    connect(m_bar, &FindBar::statusMessage, this, &FindSupport::statusMessage);
    connect(m_bar, &FindBar::allFound, this, &FindSupport::showMatches);
    connect(m_dock, &FindResultsDock::matchActivated, this, &FindSupport::goToMatch);
    setCurrent(nullptr, nullptr);
}

FindSupport::~FindSupport() = default;

QList<FeatureAction> FindSupport::featureActions() const
{
    using P = ActionPlace;
    return {{find, {P::Menu::Edit, P::EditFind, 0}},
            {findNext, {P::Menu::Edit, P::EditFind, 1}},
            {findPrevious, {P::Menu::Edit, P::EditFind, 2}}};
}

QList<FeatureDock> FindSupport::featureDocks() const
{
    return {{m_dock, Qt::BottomDockWidgetArea, false, 10}}; // hidden until a find all; shares the bottom with Jobs
}

QWidget *FindSupport::windowBar() const
{
    return m_bar;
}

void FindSupport::documentRemoved(Document *document)
{
    if (document == m_document)
        setCurrent(nullptr, nullptr);
}

void FindSupport::setCurrent(Document *document, DocumentPane *pane)
{
    disconnectAll(m_current);
    m_document = document;
    m_view = pane ? pane->view() : nullptr;
    m_map = pane ? pane->map() : nullptr;
    // A search of the previous tab must not report into this one; the bar searches the document the user sees.
    m_bar->setView(m_view, document ? document->session() : nullptr);
    if (document) {
        // The results list shows the document's bytes: edits, undo and redo repaint it (once per burst of
        // changes, from the event loop: a revert or reload signals once per range).
        m_current << connect(document->session(), &EditSession::documentChanged, this, [this] {
            if (m_documentRefreshPending || m_dock->model()->rowCount() == 0)
                return;
            m_documentRefreshPending = true;
            QTimer::singleShot(0, this, &FindSupport::refreshResultsDocument);
        });
        // A new mapping or none: the document dropped its results.
        m_current << connect(document, &Document::fileReplaced, this, &FindSupport::showDocumentResults);
        m_current << connect(document, &Document::closed, this, &FindSupport::showDocumentResults);
    }
    if (m_view)
        m_current << connect(m_view, &HexView::visibleRangeChanged, this, &FindSupport::updateViewMarks);
    showDocumentResults();
}

void FindSupport::showDocumentResults()
{
    const bool open = m_document && m_document->isOpen();
    if (open) {
        const SearchState &state = m_document->search();
        m_dock->model()->setMatches(&m_document->file(), m_document->session()->snapshot(), state.offsets,
                                    state.patternSize, state.capped);
        m_dock->updateSummary(state.description);
    } else {
        m_dock->model()->clear();
        m_dock->updateSummary(QString());
    }
    for (QAction *a : {find, findNext, findPrevious})
        a->setEnabled(open && m_document->size() > 0); // nothing to find in an empty file
    m_marks.clear();
    updateViewMarks();
    updateMapMarks();
}

void FindSupport::refreshResultsDocument()
{
    m_documentRefreshPending = false;
    if (m_document && m_document->isOpen() && m_dock->model()->rowCount() > 0)
        m_dock->model()->setDocument(m_document->session()->snapshot());
}

void FindSupport::showMatches(const SearchMatches &matches, std::uint64_t patternSize, const QString &description)
{
    if (!m_document || !m_document->isOpen())
        return;
    m_document->search() = {matches.offsets, patternSize, matches.capped, description};
    m_dock->model()->setMatches(&m_document->file(), m_document->session()->snapshot(), matches.offsets, patternSize,
                                matches.capped);
    m_dock->updateSummary(description);
    if (!m_dock->isVisible()) {
        m_dock->show();
        m_window->resizeDocks({m_dock}, {std::max(120, m_window->height() / 4)}, Qt::Vertical);
    }
    m_dock->raise();
    updateViewMarks();
    updateMapMarks();
}

void FindSupport::updateViewMarks()
{
    const std::vector<std::uint64_t> &offsets = m_dock->model()->offsets();
    const std::uint64_t length = m_dock->model()->patternSize();
    std::vector<Highlight> marks;
    if (m_view && m_view->hasFile() && !offsets.empty()) {
        const ByteRange visible = m_view->visibleRange();
        const std::uint64_t from = visible.offset > length - 1 ? visible.offset - (length - 1) : 0;
        auto it = std::lower_bound(offsets.begin(), offsets.end(), from);
        for (; it != offsets.end() && *it < visible.end(); ++it) {
            const ByteRange hit{*it, length};
            if (!marks.empty() && hit.offset <= marks.back().range.end())
                marks.back().range.size = std::max(marks.back().range.end(), hit.end()) - marks.back().range.offset;
            else
                marks.push_back({hit, m_color, false});
        }
    }
    const auto same = [](const Highlight &a, const Highlight &b) {
        return a.range.offset == b.range.offset && a.range.size == b.range.size && a.color == b.color &&
               a.placeholder == b.placeholder;
    };
    if (!m_view || std::equal(marks.begin(), marks.end(), m_marks.begin(), m_marks.end(), same))
        return; // unchanged
    m_marks = marks;
    m_view->setHighlights(HighlightLayer::Search, std::move(marks));
}

void FindSupport::updateMapMarks()
{
    if (!m_map)
        return;
    const std::vector<std::uint64_t> &offsets = m_dock->model()->offsets();
    const std::uint64_t length = m_dock->model()->patternSize();
    const std::uint64_t size = m_document ? m_document->size() : 0;
    const std::uint64_t bucket = std::max<std::uint64_t>(1, size / MapRangesMax);
    // One tick per bucket of size / MapRangesMax bytes that holds a match (the map draws one row per range).
    std::vector<ByteRange> ranges;
    for (const std::uint64_t o : offsets) {
        if (!ranges.empty() && o / bucket == ranges.back().offset / bucket)
            continue;
        ranges.push_back({o, length});
    }
    m_map->setSearchHits(std::move(ranges));
}

void FindSupport::goToMatch(std::uint64_t offset)
{
    if (!m_view)
        return;
    m_view->setCursorOffset(offset);
    m_view->setSelection({offset, m_dock->model()->patternSize()});
}

} // namespace hexmap
