#include "ui/view/hexview.h"

#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

// HexView's vertical scrolling: the first visible row (std::uint64_t) is the truth; the int scroll bar, the wheel
// and the keyboard move it through HexLayout's (possibly scaled) mapping. Split from hexview.cpp to keep files small.
//
// One way, without a guard flag: the view only ever sets the bar to barValue() (the value that stands for
// m_firstRow), and onVerticalValueChanged() ignores exactly that value, so the view's own writes never feed back.
// Any other value comes from the user (drag, wheel or keys on the bar, "Scroll here", an accessibility tool: some
// of these call setValue() without an actionTriggered, so valueChanged is the one signal that sees them all) and
// moves m_firstRow. updateScrollBars() orders setRange and setValue so Qt never clamps the value in between.

namespace hexmap {

// ---- scroll bars (after a relayout) and scrolling -----------------------------------------------------------------------------------------------

void HexView::updateScrollBars()
{
    const std::uint64_t page = pageRows();
    m_firstRow = m_layout.clampFirstRow(m_firstRow, page);
    QScrollBar *v = verticalScrollBar();
    // The bar is set to barValue() and nothing else. setRange clamps a value outside the new range (emitting
    // valueChanged with a value that stands for another row), so the value goes first when it falls (it is in
    // the old range then) and the range first when it rises (the old value is then inside the new range).
    const int value = barValue();
    const int maximum = m_layout.scrollMaximum(page);
    if (value < v->value()) {
        v->setValue(value);
        v->setRange(0, maximum);
    } else {
        v->setRange(0, maximum);
        v->setValue(value);
    }
    v->setPageStep(m_layout.scrollPageStep(page));
    v->setSingleStep(1);
    QScrollBar *h = horizontalScrollBar();
    const int total = int(std::ceil(m_layout.totalWidth()));
    h->setRange(0, std::max(0, total - viewport()->width()));
    h->setPageStep(viewport()->width());
    h->setSingleStep(std::max(1, int(m_layout.metrics().charWidth)));
}

std::uint64_t HexView::topOffset() const
{
    return m_layout.rowStart(m_firstRow);
}

std::uint64_t HexView::pageRows() const
{
    return m_layout.pageRows(viewport()->height() - headerHeight());
}

int HexView::headerHeight() const
{
    return m_layout.metrics().lineHeight + 5;
}

QSize HexView::minimumSizeHint() const
{
    const int frame = 2 * frameWidth();
    return {QAbstractScrollArea::minimumSizeHint().width(),
            frame + headerHeight() + 2 * static_cast<int>(m_layout.metrics().lineHeight)};
}

void HexView::scrollToOffset(std::uint64_t offset)
{
    setFirstRow(m_layout.rowOf(std::min(offset, m_layout.lastCursorOffset())));
}

void HexView::scrollByRows(std::int64_t rows)
{
    if (rows < 0)
        setFirstRow(std::uint64_t(-rows) > m_firstRow ? 0 : m_firstRow - std::uint64_t(-rows));
    else
        setFirstRow(m_firstRow + std::min<std::uint64_t>(std::uint64_t(rows), UINT64_MAX - m_firstRow));
}

ByteRange HexView::visibleRange() const
{
    if (!m_hasFile)
        return ByteRange{0, 0};
    const std::uint64_t rows = m_layout.visibleRows(viewport()->height() - headerHeight());
    const std::uint64_t last = std::min(m_firstRow + rows, m_layout.rowCount());
    return ByteRange::fromBounds(topOffset(), std::min(m_layout.rowStart(last), m_layout.fileSize()));
}

int HexView::barValue() const
{
    return m_layout.scrollValueForFirstRow(m_firstRow, pageRows());
}

void HexView::setFirstRow(std::uint64_t row)
{
    row = m_layout.clampFirstRow(row, pageRows());
    if (row == m_firstRow)
        return;
    m_firstRow = row;
    verticalScrollBar()->setValue(barValue()); // onVerticalValueChanged sees our own value: nothing to do
    viewport()->update();
    emitVisibleIfChanged();
}

void HexView::ensureCursorVisible()
{
    setFirstRow(m_layout.firstRowToShow(m_cursor, m_firstRow, pageRows()));
}

void HexView::onVerticalValueChanged(int value)
{
    if (value == barValue())
        return; // the bar stands for our row: the view set it (or a row-exact step in the scaled range did)
    m_firstRow = m_layout.firstRowForScrollValue(value, pageRows());
    viewport()->update();
    emitVisibleIfChanged();
}

// In the scaled range one bar step may stand for many rows: arrows and page clicks move by rows instead, and
// the bar is set to the value of the row we chose (onVerticalValueChanged then keeps that row).
void HexView::onVerticalAction(int action)
{
    const std::uint64_t page = pageRows();
    if (!m_layout.scroller(page).isScaled())
        return;
    std::int64_t rows = 0;
    switch (action) {
    case QAbstractSlider::SliderSingleStepAdd: rows = 1; break;
    case QAbstractSlider::SliderSingleStepSub: rows = -1; break;
    case QAbstractSlider::SliderPageStepAdd: rows = std::int64_t(page); break;
    case QAbstractSlider::SliderPageStepSub: rows = -std::int64_t(page); break;
    default: return;
    }
    scrollByRows(rows);
    verticalScrollBar()->setSliderPosition(barValue());
}

void HexView::scrollContentsBy(int dx, int dy)
{
    (void)dx;
    (void)dy;
    viewport()->update(); // rows are repainted from m_firstRow; horizontal shift is read at paint time
}

void HexView::emitVisibleIfChanged()
{
    const ByteRange v = visibleRange();
    if (v == m_lastVisible)
        return;
    m_lastVisible = v;
    emit visibleRangeChanged(v);
}

void HexView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() == 0 || (event->modifiers() & Qt::ShiftModifier)) {
        QAbstractScrollArea::wheelEvent(event); // horizontal
        return;
    }
    m_wheelRemainder += delta.y();
    const int steps = m_wheelRemainder / 40; // 120 per notch = 3 rows
    m_wheelRemainder -= steps * 40;
    scrollByRows(-std::int64_t(steps));
    event->accept();
}

} // namespace hexmap
