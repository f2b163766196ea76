#include "ui/compare/comparewindow.h"

#include "ui/compare/comparerunsmodel.h"
#include "ui/view/hexview.h"

#include <QTableView>

// CompareWindow's navigation: the scroll lock and the cursors moving together (syncFrom, followCursor), the
// differing bytes tinted in the views, and going to a run (F6 / Shift+F6, the Differences list). The window's
// layout and the compare's progress are in comparewindow.cpp.
namespace hexmap {
namespace {

const QColor kDifference(230, 70, 60, 120); // readable under the text in the light and the dark theme

} // namespace

void CompareWindow::syncFrom(HexView *from)
{
    updateHighlights();
    if (m_syncing)
        return;
    m_syncing = true;
    // The anchor: the cursor while it is on screen (its aligned byte lands on its screen row), else the top byte.
    HexView *to = from == m_viewA ? m_viewB : m_viewA;
    const std::uint64_t top = from->topOffset();
    const std::uint64_t anchor = from->visibleRange().contains(from->cursorOffset()) ? from->cursorOffset() : top;
    to->scrollToOffset(m_navigator.followerTop(from == m_viewA, anchor, top, std::uint64_t(from->bytesPerRow())));
    m_syncing = false;
    updateHighlights();
}

void CompareWindow::followCursor(HexView *from)
{
    // The other side's cursor goes to the aligned byte; then the lock puts both on one screen row.
    if (m_syncing)
        return;
    m_syncing = true;
    if (from == m_viewA)
        m_viewB->setCursorOffset(m_navigator.toB(m_viewA->cursorOffset()));
    else
        m_viewA->setCursorOffset(m_navigator.toA(m_viewB->cursorOffset()));
    m_syncing = false;
    syncFrom(from);
}

void CompareWindow::updateHighlights()
{
    std::vector<Highlight> onA;
    std::vector<Highlight> onB;
    const ByteRange visibleA = m_viewA->visibleRange();
    for (const ByteRange &r : m_navigator.runsIn(visibleA))
        onA.push_back({r, kDifference, false});
    const ByteRange visibleB = m_viewB->visibleRange();
    const ByteRange asA{m_navigator.toA(visibleB.offset), visibleB.size};
    for (const ByteRange &r : m_navigator.runsIn(asA))
        onB.push_back({{m_navigator.toB(r.offset), r.size}, kDifference, false});
    m_viewA->setHighlights(HighlightLayer::Search, std::move(onA));
    m_viewB->setHighlights(HighlightLayer::Search, std::move(onB));
}

void CompareWindow::goToRun(std::size_t index)
{
    if (index >= m_navigator.count())
        return;
    const CompareRun &run = m_navigator.run(index);
    m_viewA->setCursorOffset(run.offset);
    m_viewA->setSelection({run.offset, run.length});
    m_viewB->setCursorOffset(m_navigator.toB(run.offset));
    m_viewB->setSelection({m_navigator.toB(run.offset), run.length});
    m_list->selectRow(static_cast<int>(index));
    m_list->scrollTo(m_model->index(static_cast<int>(index), 0));
}

void CompareWindow::goToNext()
{
    if (auto i = m_navigator.next(m_viewA->cursorOffset()))
        goToRun(*i);
}

void CompareWindow::goToPrevious()
{
    if (auto i = m_navigator.previous(m_viewA->cursorOffset()))
        goToRun(*i);
}

} // namespace hexmap
