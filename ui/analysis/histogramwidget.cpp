#include "ui/analysis/histogramwidget.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hexmap {

HistogramWidget::HistogramWidget(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(70);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void HistogramWidget::setHistogram(const std::array<std::uint64_t, 256> &counts)
{
    m_counts = counts;
    update();
}

int HistogramWidget::valueAt(int x) const { return std::clamp(width() > 0 ? x * 256 / width() : 0, 0, 255); }

void HistogramWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const std::uint64_t max = *std::max_element(m_counts.begin(), m_counts.end());
    if (max == 0)
        return;
    const double top = std::log10(double(max) + 1);
    for (int v = 0; v < 256; ++v) {
        if (m_counts[std::size_t(v)] == 0)
            continue;
        const int x0 = v * width() / 256, x1 = std::max(x0 + 1, (v + 1) * width() / 256);
        const int h = std::max(1, int(std::lround(height() * std::log10(double(m_counts[std::size_t(v)]) + 1) / top)));
        const bool printable = (v >= 0x20 && v < 0x7F) || v == 9 || v == 10 || v == 13;
        const QColor c = printable ? QColor(0x2E, 0x86, 0xDE) : v == 0 || v == 0xFF ? QColor(0x80, 0x80, 0x80)
                                                                                   : QColor(0xE0, 0x8A, 0x31);
        p.fillRect(x0, height() - h, x1 - x0, h, c);
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

bool HistogramWidget::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const int v = valueAt(help->pos().x());
    QToolTip::showText(help->globalPos(),
                       tr("Byte 0x%1: %2 times (log scale; blue = printable)")
                           .arg(v, 2, 16, QLatin1Char('0'))
                           .arg(m_counts[std::size_t(v)]),
                       this);
    return true;
}

} // namespace hexmap
