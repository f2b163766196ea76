#include "ui/pane/regionbands.h"

namespace hexmap {

std::vector<RegionBands::Band> RegionBands::layout(const OverviewModel &model, const std::vector<MapRegion> &regions,
                                                   int laneWidth, int lineHeight,
                                                   const std::function<int(const QString &)> &textWidth)
{
    std::vector<Band> out;
    if (!model.isValid())
        return out;
    const int room = laneWidth - 2 * kTextPadding;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const MapRegion &r = regions[i];
        const auto rows = model.rowsOf(r.range);
        if (rows.second <= rows.first)
            continue; // empty, or outside the zoomed window
        Band band;
        band.top = rows.first;
        band.bottom = rows.second;
        band.region = i;
        band.colorIndex = static_cast<int>(out.size() % kColors);
        if (band.bottom - band.top >= lineHeight) {
            const QString full = r.name.isEmpty() ? r.tag : r.tag + QLatin1Char(' ') + r.name;
            if (textWidth(full) <= room)
                band.label = full;
            else if (textWidth(r.tag) <= room)
                band.label = r.tag;
        }
        out.push_back(band);
    }
    return out;
}

} // namespace hexmap
