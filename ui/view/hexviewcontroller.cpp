#include "ui/view/hexviewcontroller.h"

#include "ui/view/hexview.h"

#include <QKeyEvent>
#include <QKeySequence>
#include <QMouseEvent>
#include <QScrollBar>

#include <algorithm>

namespace hexmap {

namespace {

constexpr int kAutoScrollMs = 30;

} // namespace

HexViewController::HexViewController(HexView *view)
    : QObject(view)
    , m_view(view)
{
    m_autoScroll.setParent(this); // findable by tests; still destroyed as a member
    m_autoScroll.setInterval(kAutoScrollMs);
    connect(&m_autoScroll, &QTimer::timeout, this, &HexViewController::autoScrollTick);
}

void HexViewController::move(std::int64_t bytes, bool extend)
{
    const std::uint64_t cursor = m_view->cursorOffset();
    std::uint64_t target;
    if (bytes < 0)
        target = std::uint64_t(-bytes) > cursor ? 0 : cursor - std::uint64_t(-bytes);
    else
        target = cursor + std::min<std::uint64_t>(std::uint64_t(bytes), UINT64_MAX - cursor);
    m_view->setCursorOffset(target, extend); // clamps to the last byte (after it in insert mode)
}

bool HexViewController::keyPress(QKeyEvent *event)
{
    if (!m_view->hasFile())
        return false;
    if (event->matches(QKeySequence::Copy)) {
        m_view->copySelection(HexView::CopyFormat::HexText);
        return true;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        m_view->selectAll();
        return true;
    }
    const HexLayout &l = m_view->layout();
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const auto bpr = std::int64_t(l.bytesPerRow());
    const auto page = std::int64_t(std::min<std::uint64_t>(m_view->pageRows(), 1u << 20));
    const std::uint64_t rowStart = l.rowStart(l.rowOf(m_view->cursorOffset()));
    switch (event->key()) {
    case Qt::Key_Left: move(-1, shift); return true;
    case Qt::Key_Right: move(1, shift); return true;
    case Qt::Key_Up: move(-bpr, shift); return true;
    case Qt::Key_Down: move(bpr, shift); return true;
    case Qt::Key_PageUp:
        m_view->scrollByRows(-page); // the cursor keeps its place on screen
        move(-page * bpr, shift);
        return true;
    case Qt::Key_PageDown:
        m_view->scrollByRows(page);
        move(page * bpr, shift);
        return true;
    case Qt::Key_Home:
        m_view->setCursorOffset(ctrl ? 0 : rowStart, shift);
        return true;
    case Qt::Key_End:
        // Clamped to the last byte, or to the position after it in insert mode.
        m_view->setCursorOffset(ctrl ? l.lastCursorOffset() : rowStart + std::uint64_t(bpr - 1), shift);
        return true;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        m_view->setCursorArea(m_view->cursorArea() == HexView::Area::Hex ? HexView::Area::Ascii
                                                                         : HexView::Area::Hex);
        return true;
    default:
        return false;
    }
}

std::optional<HexViewController::Hit> HexViewController::hitAt(QPoint pos) const
{
    const int header = m_view->headerHeight();
    const int bottom = std::max(header, m_view->viewport()->height() - 1);
    const QPoint content(pos.x() + m_view->horizontalScrollBar()->value(), std::clamp(pos.y(), header, bottom) - header);
    const auto cell = m_view->layout().cellAt(content, m_view->firstRow());
    if (!cell)
        return std::nullopt;
    return Hit{cell->offset, cell->area == HexLayout::Area::Ascii};
}

void HexViewController::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_view->hasFile())
        return;
    const auto hit = hitAt(event->position().toPoint());
    if (!hit)
        return;
    if (m_view->layout().cellAt(QPoint(event->position().toPoint().x() + m_view->horizontalScrollBar()->value(), 0),
                                0)->area != HexLayout::Area::Offset)
        m_view->setCursorArea(hit->ascii ? HexView::Area::Ascii : HexView::Area::Hex);
    m_view->setCursorOffset(hit->offset, event->modifiers() & Qt::ShiftModifier);
    m_dragging = true;
    m_lastDragPos = event->position().toPoint();
}

void HexViewController::dragTo(QPoint pos)
{
    const auto hit = hitAt(pos);
    if (!hit)
        return;
    // A press and a move inside the same byte select nothing; leaving the byte starts the selection.
    if (hit->offset != m_view->cursorOffset() || !m_view->selection().isEmpty())
        m_view->setCursorOffset(hit->offset, true);
}

void HexViewController::mouseMove(QMouseEvent *event)
{
    if (!m_dragging || !(event->buttons() & Qt::LeftButton))
        return;
    m_lastDragPos = event->position().toPoint();
    const bool outside = m_lastDragPos.y() < m_view->headerHeight()
        || m_lastDragPos.y() >= m_view->viewport()->height();
    if (outside && !m_autoScroll.isActive())
        m_autoScroll.start();
    else if (!outside)
        m_autoScroll.stop();
    dragTo(m_lastDragPos);
}

void HexViewController::autoScrollTick()
{
    const int lineHeight = m_view->layout().metrics().lineHeight;
    const int top = m_view->headerHeight();
    const int bottom = m_view->viewport()->height();
    std::int64_t rows = 0;
    if (m_lastDragPos.y() < top)
        rows = -(1 + (top - m_lastDragPos.y()) / lineHeight); // faster the farther out
    else if (m_lastDragPos.y() >= bottom)
        rows = 1 + (m_lastDragPos.y() - bottom) / lineHeight;
    if (rows == 0) {
        m_autoScroll.stop();
        return;
    }
    m_view->scrollByRows(rows);
    dragTo(m_lastDragPos);
}

void HexViewController::mouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    m_autoScroll.stop();
}

void HexViewController::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_view->hasFile())
        return;
    const auto hit = hitAt(event->position().toPoint());
    if (!hit)
        return;
    const auto group = std::uint64_t(m_view->groupSize());
    const std::uint64_t start = hit->offset - hit->offset % group;
    m_view->setCursorOffset(start);
    m_view->setSelection(ByteRange{start, group});
    m_dragging = false; // the release that follows must not turn into a drag
}

} // namespace hexmap
