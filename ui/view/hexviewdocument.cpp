#include "ui/view/hexview.h"

#include <algorithm>

// HexView's document: the snapshot it shows (the file with its unsaved edits), insert mode (the append position),
// and keeping the cursor and selection inside the document when either changes. Split from hexview.cpp to keep
// files small.

namespace hexmap {

void HexView::setSnapshot(PieceSnapshot snapshot)
{
    if (!hasFile() || snapshot.originalSize() != m_file->size())
        return; // not a document over this file: never read past its mapping
    const bool resized = snapshot.size() != m_snapshot.size();
    m_snapshot = std::move(snapshot);
    if (resized) {
        relayout();
        clampCursorToDocument();
    }
    viewport()->update();
    emit snapshotChanged();
}

void HexView::setInsertMode(bool on)
{
    if (on == m_insertMode)
        return;
    m_insertMode = on;
    m_layout.setAppendPosition(on);
    relayout();
    clampCursorToDocument();
    viewport()->update();
}

void HexView::clampCursorToDocument()
{
    const std::uint64_t last = m_layout.lastCursorOffset();
    const std::uint64_t size = documentSize();
    const std::uint64_t oldCursor = m_cursor;
    const ByteRange oldSelection = m_selection;
    m_cursor = std::min(m_cursor, last);
    m_anchor = std::min(m_anchor, last);
    const ByteRange kept = m_selection.intersected(ByteRange{0, size});
    m_selection = kept.isEmpty() ? ByteRange{m_cursor, 0} : kept;
    if (m_cursor != oldCursor)
        emit cursorMoved(m_cursor);
    if (!(m_selection == oldSelection))
        emit selectionChanged(m_selection);
}

bool HexView::readsPastReadable(ByteRange range) const
{
    if (m_readable >= file().size())
        return false;
    bool past = false;
    m_snapshot.forEachSlice(range, [&](std::uint64_t, const Piece &piece) {
        past = past || (piece.kind == Piece::Kind::Original && piece.src + piece.length > m_readable);
    });
    return past;
}

} // namespace hexmap
