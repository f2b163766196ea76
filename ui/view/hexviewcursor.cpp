#include "ui/view/hexview.h"

#include <algorithm>

// HexView's cursor and selection: the cursor, the anchor of a selection and the selected range, and the signals they
// emit. Split from hexview.cpp to keep files small.

namespace hexmap {

// ---- cursor and selection ------------------------------------------------------------------------------------

std::uint64_t HexView::cursorOffset() const
{
    return m_cursor;
}

HexView::Area HexView::cursorArea() const
{
    return m_area;
}

void HexView::setCursorArea(Area area)
{
    if (area == m_area)
        return;
    m_area = area;
    viewport()->update();
}

ByteRange HexView::selection() const
{
    return m_selection;
}

void HexView::setCursorAndAnchor(std::uint64_t cursor, std::uint64_t anchor, bool hasSelection)
{
    m_cursor = cursor;
    m_anchor = anchor;
    // [min, max + 1) over bytes; the append position (insert mode) is not a byte: cut at the document's end.
    const std::uint64_t end = std::min(std::max(cursor, anchor) + 1, std::max(documentSize(), std::min(cursor, anchor)));
    m_selection = hasSelection ? ByteRange::fromBounds(std::min(cursor, anchor), end) : ByteRange{cursor, 0};
    viewport()->update();
}

void HexView::setCursorOffset(std::uint64_t offset, bool extendSelection)
{
    offset = std::min(offset, m_layout.lastCursorOffset()); // the last byte, or after it in insert mode
    const std::uint64_t oldCursor = m_cursor;
    const ByteRange oldSelection = m_selection;
    if (extendSelection)
        setCursorAndAnchor(offset, m_anchor, true);
    else
        setCursorAndAnchor(offset, offset, false);
    ensureCursorVisible();
    if (m_cursor != oldCursor)
        emit cursorMoved(m_cursor);
    if (!(m_selection == oldSelection))
        emit selectionChanged(m_selection);
}

void HexView::setSelection(ByteRange range)
{
    const ByteRange clamped = range.intersected(ByteRange{0, m_layout.fileSize()});
    const ByteRange old = m_selection;
    if (clamped.isEmpty()) {
        m_selection = ByteRange{m_cursor, 0};
        m_anchor = m_cursor;
    } else {
        m_selection = clamped;
        m_anchor = clamped.offset;
    }
    viewport()->update();
    if (!(m_selection == old))
        emit selectionChanged(m_selection);
}

void HexView::selectAll()
{
    setSelection(ByteRange{0, m_layout.fileSize()});
}

} // namespace hexmap
