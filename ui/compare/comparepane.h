#pragma once

#include "core/mappedfile.h"
#include "core/piecesnapshot.h"
#include "ui/pane/overviewmap.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <optional>

namespace hexmap {

class HexView;
class OverviewLegend;

// One side of a compare window: a title (the side's letter, path and size), a read-only hex view of the file and
// its overview map beside it, showing only where the bytes differ from the other side (OverviewMap::Differences,
// fed by the window) and the frame of the bytes on screen, with its legend below. Clicking or dragging on the
// map scrolls the view there (centred, as in the main window). Unsaved edits of the side (a tab's, when given)
// are painted in the view and marked on the map. The window keeps both sides' views in step.
// Owned by its parent widget; the file and the edits must outlive the pane. Thread: GUI thread only.
class ComparePane : public QWidget {
    Q_OBJECT
public:
    ComparePane(const QString &side, const QString &path, const MappedFile &file,
                const std::optional<PieceSnapshot> &document,
                const QString &objectName, QWidget *parent = nullptr);

    HexView *view() const { return m_view; }
    OverviewMap *map() const { return m_map; }
    OverviewLegend *legend() const { return m_legend; }

private:
    HexView *m_view;
    OverviewMap *m_map;
    OverviewLegend *m_legend;
};

} // namespace hexmap
