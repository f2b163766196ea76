#pragma once

#include "ui/pane/overviewmap.h"

#include <QLabel>

#include <vector>

namespace hexmap {

// The overview map's legend, under the pane when there is room (DocumentPane::legendFits): a wrapped line of colour swatches with what each
// colour of the map means now (OverviewMap::legend(): the workers of running jobs, written, not synced, synced,
// edits, the viewport frame, the zoom). It follows the map's legendChanged().
// Thread: GUI thread only.
class OverviewLegend : public QLabel {
    Q_OBJECT
public:
    explicit OverviewLegend(OverviewMap *map, QWidget *parent = nullptr);

    // The label's rich text for `entries` (a swatch per colour, then the text; entries separated by spaces).
    static QString html(const std::vector<OverviewMap::LegendEntry> &entries);
    void refresh();

private:
    OverviewMap *m_map;
};

} // namespace hexmap
