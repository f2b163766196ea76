#include "ui/view/hexview.h"

#include "core/numberparser.h"
#include "core/piecetable.h"
#include "ui/view/hexviewcontroller.h"
#include "ui/view/selectioncopier.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace hexmap {

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_controller(new HexViewController(this))
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    // paintEvent covers every dirty pixel (row strips, then the base colour around them): no background pass.
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_painter.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_painter.setColors(HexPainter::Colors::fromPalette(palette()));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &HexView::onVerticalValueChanged);
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, &HexView::onVerticalAction);
    relayout();
}

HexView::~HexView() = default;

// ---- file ----------------------------------------------------------------------------------------------------

void HexView::setFile(const MappedFile &file)
{
    m_own = file;
    setFile(&m_own);
}

void HexView::setFile(const MappedFile *file)
{
    static const MappedFile none;
    if (file != &m_own)
        m_own = MappedFile();
    m_file = file ? file : &none;
    m_hasFile = m_file->isValid();
    m_readable = m_file->size();
    m_snapshot = m_hasFile ? PieceTable(m_file->size()).snapshot() : PieceSnapshot();
    if (m_hasFile) // a hint only: jumps across a huge file fault fewer pages (the handle shares the mapping)
        (void)MappedFile(*m_file).advise(Advice::Random);
    m_firstRow = 0;
    for (auto &layer : m_layers)
        layer.clear();
    m_highlights.clear();
    relayout();
    setCursorAndAnchor(0, 0, false);
    emit cursorMoved(0);
    emit selectionChanged(selection());
    emitVisibleIfChanged();
}

void HexView::clearFile()
{
    setFile(nullptr);
}

const MappedFile &HexView::file() const
{
    static const MappedFile none;
    return m_file ? *m_file : none;
}

bool HexView::hasFile() const
{
    return m_hasFile && m_file && m_file->isValid();
}

// ---- layout --------------------------------------------------------------------------------------------------

void HexView::setBytesPerRow(int bytesPerRow)
{
    m_requestedBytesPerRow = bytesPerRow <= 0 ? 0 : bytesPerRow;
    relayout();
}

int HexView::bytesPerRow() const
{
    return m_layout.bytesPerRow();
}

void HexView::setGroupSize(int groupSize)
{
    m_groupSize = groupSize;
    relayout();
}

void HexView::setViewFont(const QFont &font)
{
    m_painter.setFont(font);
    relayout();
    viewport()->update();
}

int HexView::groupSize() const
{
    return m_layout.groupSize();
}

void HexView::relayout()
{
    const std::uint64_t top = topOffset();
    const auto metrics = HexLayout::Metrics::fromFont(QFontMetricsF(m_painter.font()));
    const std::uint64_t size = hasFile() ? m_snapshot.size() : 0;
    int bpr = m_requestedBytesPerRow;
    if (bpr == 0) {
        m_layout.configure(size, 16, m_groupSize, metrics);
        bpr = m_layout.fitBytesPerRow(viewport()->width());
    }
    m_layout.configure(size, bpr, m_groupSize, metrics);
    m_firstRow = m_layout.rowOf(top);
    updateScrollBars();
    viewport()->update();
    emitVisibleIfChanged();
}

void HexView::setHighlights(HighlightLayer layer, std::vector<Highlight> highlights)
{
    m_layers[std::size_t(layer)] = std::move(highlights);
    m_highlights.clear();
    for (const auto &l : m_layers)
        m_highlights.insert(m_highlights.end(), l.begin(), l.end());
    viewport()->update();
}

const std::vector<Highlight> &HexView::highlights(HighlightLayer layer) const
{
    return m_layers[std::size_t(layer)];
}

void HexView::setReadableSize(std::uint64_t size)
{
    size = std::min(size, file().size());
    if (size == m_readable)
        return;
    m_readable = size;
    viewport()->update();
}

QRectF HexView::cellRect(std::uint64_t offset, Area area) const
{
    const auto a = area == Area::Ascii ? HexLayout::Area::Ascii : HexLayout::Area::Hex;
    return m_layout.byteRect(a, offset, m_firstRow).translated(-horizontalScrollBar()->value(), headerHeight());
}

void HexView::setCaretNibble(std::optional<HexLayout::Nibble> nibble)
{
    if (nibble == m_caretNibble)
        return;
    m_caretNibble = nibble;
    if (m_hasFile)
        viewport()->update(cellRect(m_cursor, Area::Hex).toAlignedRect().adjusted(-1, -1, 1, 1));
}

QRectF HexView::caretRect() const
{
    if (showsInsertBar())
        return m_layout
            .insertCaretRect(m_area == Area::Ascii ? HexLayout::Area::Ascii : HexLayout::Area::Hex, m_cursor, m_firstRow)
            .translated(-horizontalScrollBar()->value(), headerHeight());
    if (m_area == Area::Ascii || !m_caretNibble)
        return cellRect(m_cursor, m_area);
    return m_layout.nibbleRect(m_cursor, *m_caretNibble, m_firstRow)
        .translated(-horizontalScrollBar()->value(), headerHeight());
}

// ---- painting ------------------------------------------------------------------------------------------------

void HexView::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    HexPainter::State st;
    st.layout = &m_layout;
    st.file = hasFile() ? m_file : nullptr;
    st.snapshot = &m_snapshot;
    st.firstRow = m_firstRow;
    st.cursor = m_cursor;
    st.activeArea = m_area == Area::Ascii ? HexLayout::Area::Ascii : HexLayout::Area::Hex;
    // An empty document has no byte to put a block cursor on; in insert mode the bar stands at 0.
    st.showCursor = m_hasFile && (documentSize() > 0 || m_insertMode);
    st.insertCaret = showsInsertBar();
    st.caretNibble = m_caretNibble;
    st.selection = m_selection;
    st.highlights = &m_highlights;
    st.readableEnd = m_readable;
    st.xShift = -horizontalScrollBar()->value();
    st.yShift = headerHeight();
    const QRect dirty = event->rect();
    const int w = viewport()->width();
    if (dirty.top() < st.yShift)
        m_painter.paintHeader(p, st, w, st.yShift);
    p.setClipRect(QRect(0, st.yShift, w, viewport()->height() - st.yShift).intersected(dirty));
    auto [begin, end] = m_layout.rowsInRect(m_firstRow, dirty.translated(0, -st.yShift));
    begin = std::max(begin, m_firstRow);
    if (m_recordText)
        m_paintedRows.clear();
    const QRect covered =
        m_painter.paintRows(p, st, begin, std::max(begin, end), w, m_recordText ? &m_paintedRows : nullptr);
    for (const QRect &r : QRegion(p.clipBoundingRect().toAlignedRect()).subtracted(covered))
        p.fillRect(r, m_painter.colors().base);
    if (hasFile() && documentSize() == 0) { // say so rather than show a blank page
        p.setPen(m_painter.colors().offset);
        // In insert mode the first row holds the caret: the hint goes below it.
        const int top = st.yShift + (m_insertMode ? m_layout.metrics().lineHeight : 0);
        p.drawText(QRect(0, top, w, viewport()->height() - top).adjusted(8, 8, -8, -8),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                   m_insertMode ? tr("Empty file: type to insert bytes") : tr("This file is empty (0 bytes)."));
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    // A cursor on screen stays on screen, whole: the view getting shorter (a dock, the find bar, a horizontal
    // scroll bar appearing after a jump) must not leave it on a cut last row or below the edge.
    const bool cursorShown = hasFile() && m_lastVisible.contains(m_cursor);
    QAbstractScrollArea::resizeEvent(event);
    relayout();
    if (cursorShown)
        ensureCursorVisible();
}

void HexView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_painter.setColors(HexPainter::Colors::fromPalette(palette()));
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

// ---- input (handled by the controller) -----------------------------------------------------------------------

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (!m_controller->keyPress(event))
        QAbstractScrollArea::keyPressEvent(event);
}

void HexView::mousePressEvent(QMouseEvent *event) { m_controller->mousePress(event); }
void HexView::mouseMoveEvent(QMouseEvent *event) { m_controller->mouseMove(event); }
void HexView::mouseReleaseEvent(QMouseEvent *event) { m_controller->mouseRelease(event); }
void HexView::mouseDoubleClickEvent(QMouseEvent *event) { m_controller->mouseDoubleClick(event); }

bool HexView::focusNextPrevChild(bool next)
{
    if (hasFile())
        return false; // Tab switches between the hex and ASCII columns (see HexViewController)
    return QAbstractScrollArea::focusNextPrevChild(next);
}

// ---- copy ----------------------------------------------------------------------------------------------------

bool HexView::copySelection(CopyFormat format)
{
    if (!hasFile())
        return false;
    if (documentSize() == 0) {
        emit statusMessage(tr("Nothing to copy: the file is empty"));
        return false;
    }
    if (m_selection.isEmpty() && m_cursor >= documentSize()) { // insert mode, after the last byte
        emit statusMessage(tr("Nothing to copy: the cursor is after the last byte"));
        return false;
    }
    const ByteRange range = m_selection.isEmpty() ? ByteRange{m_cursor, 1} : m_selection;
    if (readsPastReadable(range)) { // the mapping past the end on disk holds no bytes: never copy invented ones
        emit statusMessage(tr("Cannot copy: the file was truncated on disk to %1 bytes; reload it first")
                               .arg(m_readable));
        return false;
    }
    const auto kind = format == CopyFormat::CArray   ? CopyFormatter::Format::CArray
        : format == CopyFormat::RawText              ? CopyFormatter::Format::RawText
                                                     : CopyFormatter::Format::HexText;
    QString message;
    const bool copied = SelectionCopier::copy(file(), m_snapshot, range, kind, CopyLimit, &message);
    emit statusMessage(message);
    return copied;
}

} // namespace hexmap
