#include "ui/pane/overviewmap.h"

#include "ui/view/jobcolors.h"

#include <QFontMetrics>
#include <QPainter>

// OverviewMap's Partitions layer: named regions outlined across the workers' lane, laid out by RegionBands.
namespace hexmap {

void OverviewMap::setRegions(std::vector<MapRegion> regions)
{
    const bool hadRegions = !m_regions.empty();
    m_regions = std::move(regions);
    update();
    if (hadRegions != !m_regions.empty())
        emit legendChanged();
}

QColor OverviewMap::regionColor(int index) const
{
    // Okabe-Ito blue, orange, reddish purple; lighter blue on dark backgrounds.
    static const QColor light[RegionBands::kColors] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                                       QColor(0xCC, 0x79, 0xA7)};
    static const QColor darkColors[RegionBands::kColors] = {QColor(0x56, 0xB4, 0xE9), QColor(0xE6, 0x9F, 0x00),
                                                            QColor(0xCC, 0x79, 0xA7)};
    const int i = ((index % RegionBands::kColors) + RegionBands::kColors) % RegionBands::kColors;
    return dark() ? darkColors[i] : light[i];
}

std::vector<RegionBands::Band> OverviewMap::regionBands() const
{
    const auto lane = workerLane();
    const QFontMetrics fm(regionFont());
    return RegionBands::layout(model(), m_regions, lane.second - lane.first, fm.height(),
                               [&fm](const QString &text) { return fm.horizontalAdvance(text); });
}

QFont OverviewMap::regionFont() const
{
    QFont f = font();
    f.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.8));
    return f;
}

const MapRegion *OverviewMap::regionAt(std::uint64_t offset) const
{
    // The innermost (last listed) region holding the byte: a logical partition rather than its container.
    const MapRegion *found = nullptr;
    for (const MapRegion &r : m_regions) {
        if (r.range.contains(offset))
            found = &r;
    }
    return found;
}

void OverviewMap::paintRegions(QPainter &p) const
{
    const auto lane = workerLane();
    const QColor bg = JobColors::mapBackground(dark());
    p.setFont(regionFont());
    const QFontMetrics fm(p.font());
    for (const RegionBands::Band &b : regionBands()) {
        const QColor c = regionColor(b.colorIndex);
        const int y = kMargin + b.top;
        const int h = b.bottom - b.top;
        p.fillRect(lane.first, y, 3, h, c); // a strip at the lane's left edge, the outline around the rest
        p.setPen(QPen(c, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRect(lane.first, y, lane.second - lane.first - 1, std::max(0, h - 1)));
        if (b.label.isEmpty())
            continue;
        const QRect text(lane.first + RegionBands::kTextPadding, y + 1, fm.horizontalAdvance(b.label), fm.height());
        QColor shade = bg;
        shade.setAlpha(200);
        p.fillRect(text.adjusted(-1, 0, 1, 0), shade);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(text, Qt::AlignLeft | Qt::AlignTop, b.label);
    }
}

} // namespace hexmap
