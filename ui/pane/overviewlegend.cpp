#include "ui/pane/overviewlegend.h"

#include <QStringList>

#include <algorithm>

namespace hexmap {

OverviewLegend::OverviewLegend(OverviewMap *map, QWidget *parent) : QLabel(parent), m_map(map)
{
    setObjectName(QStringLiteral("overviewLegend"));
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setContentsMargins(4, 1, 4, 1);
    QFont f = font();
    f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.9));
    setFont(f);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never widens the window
    setToolTip(tr("What the colours of the overview map mean"));
    setWhatsThis(OverviewMap::whatsThisText());
    connect(map, &OverviewMap::legendChanged, this, &OverviewLegend::refresh);
    refresh();
}

QString OverviewLegend::html(const std::vector<OverviewMap::LegendEntry> &entries)
{
    QStringList parts;
    for (const OverviewMap::LegendEntry &e : entries) {
        QString swatches;
        for (const QColor &c : e.colors)
            swatches += QStringLiteral("<span style=\"color:%1\">\u25A0</span>").arg(c.name());
        parts << QStringLiteral("<span style=\"white-space:nowrap\">%1%2%3</span>")
                     .arg(swatches, swatches.isEmpty() ? QString() : QStringLiteral("&nbsp;"), e.text.toHtmlEscaped());
    }
    return parts.join(QStringLiteral(" &nbsp; "));
}

void OverviewLegend::refresh()
{
    setText(html(m_map->legend()));
}

} // namespace hexmap
