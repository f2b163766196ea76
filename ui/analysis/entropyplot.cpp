#include "ui/analysis/entropyplot.h"

#include "ui/analysis/entropycolors.h"
#include "ui/analysis/entropypyramid.h"
#include "ui/analysis/informationmodel.h"
#include "ui/pane/overviewmodel.h"
#include "ui/view/jobcolors.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hexmap {

EntropyPlot::EntropyPlot(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(70);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setCursor(Qt::PointingHandCursor);
}

void EntropyPlot::setPyramid(const EntropyPyramid *pyramid)
{
    m_pyramid = pyramid;
    update();
}

void EntropyPlot::setMarker(std::uint64_t offset)
{
    if (offset == m_marker)
        return;
    m_marker = offset;
    update();
}

ByteRange EntropyPlot::spanAt(int x) const
{
    if (!m_pyramid || m_pyramid->isEmpty() || width() <= 0)
        return {};
    const OverviewModel m(m_pyramid->range().size, width()); // the map's math, on columns
    const ByteRange r = m.rowRange(std::clamp(x, 0, width() - 1));
    return {m_pyramid->range().offset + r.offset, r.size};
}

std::uint64_t EntropyPlot::offsetAt(int x) const
{
    const ByteRange span = spanAt(x);
    if (!m_pyramid || span.isEmpty())
        return 0;
    const std::uint64_t rel = span.offset - m_pyramid->range().offset;
    return m_pyramid->range().offset + rel / m_pyramid->blockSize() * m_pyramid->blockSize();
}

void EntropyPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const bool dark = JobColors::isDark(palette());
    if (m_pyramid && !m_pyramid->isEmpty()) {
        for (int x = 0; x < width(); ++x) {
            const EntropyPyramid::Sample s = m_pyramid->sample(spanAt(x));
            if (!s.valid)
                continue;
            const int h = std::max(3, int(std::lround(height() * s.entropy / 8.0))); // zeros stay visible
            p.fillRect(x, height() - h, 1, h, EntropyColors::of(s.byteClass, s.entropy, dark));
        }
        const OverviewModel m(m_pyramid->range().size, width());
        if (m_pyramid->range().contains(m_marker)) {
            p.setPen(palette().color(QPalette::Text));
            const int x = m.rowOf(m_marker - m_pyramid->range().offset);
            p.drawLine(x, 0, x, height());
        }
    }
    p.setPen(palette().color(QPalette::Mid));
    for (int bits : {2, 4, 6}) { // faint guides at 2, 4, 6 bits per byte
        const int y = height() - height() * bits / 8;
        p.drawLine(0, y, 3, y);
    }
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

void EntropyPlot::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_pyramid && !m_pyramid->isEmpty())
        emit offsetClicked(offsetAt(int(event->position().x())));
}

void EntropyPlot::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_pyramid && !m_pyramid->isEmpty())
        emit offsetClicked(offsetAt(int(event->position().x())));
}

bool EntropyPlot::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const ByteRange span = spanAt(help->pos().x());
    if (!m_pyramid || span.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    const EntropyPyramid::Sample s = m_pyramid->sample(span);
    QToolTip::showText(help->globalPos(),
                       tr("0x%1: %2 bits per byte (%3)\nClick to go there")
                           .arg(QString::number(span.offset, 16).toUpper())
                           .arg(s.entropy, 0, 'f', 2)
                           .arg(InformationModel::className(s.byteClass)),
                       this);
    return true;
}

} // namespace hexmap
