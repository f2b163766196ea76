#pragma once

#include "core/byterange.h"
#include "ui/pane/overviewmodel.h"

#include <QString>

#include <functional>
#include <vector>

namespace hexmap {

// A named region of the file for the overview map (a partition): its bytes, a short tag that always comes first
// in the label (the number), a name added when there is room, and a tooltip line.
struct MapRegion {
    ByteRange range;
    QString tag;     // "2"
    QString name;    // "root fs" (may be empty)
    QString tooltip; // "Partition 2: root fs (Linux filesystem), 8.0 MiB"
};

// RegionBands: plain layout math for the map's Partitions layer: which pixel rows each region's outline covers,
// which colour of a 3-colour cycle it gets (neighbours differ) and the label that fits inside it: "tag name" when
// the band is at least one text line high and the text fits the lane's width, else the tag alone if it fits, else
// none. Regions outside the (zoomed) window get no band. O(regions); no Qt widgets.
// Thread: any (a plain value; textWidth must be callable from the calling thread).
class RegionBands {
public:
    struct Band {
        int top = 0;    // first pixel row (model rows, without the map's margin)
        int bottom = 0; // one past the last row
        QString label;  // empty: no room
        int colorIndex = 0; // 0..2
        std::size_t region = 0; // index into the regions given to layout()
    };
    static constexpr int kColors = 3;
    static constexpr int kTextPadding = 3; // pixels left free on each side of a label

    static std::vector<Band> layout(const OverviewModel &model, const std::vector<MapRegion> &regions,
                                    int laneWidth, int lineHeight, const std::function<int(const QString &)> &textWidth);
};

} // namespace hexmap
