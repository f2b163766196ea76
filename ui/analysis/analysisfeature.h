#pragma once

class QMainWindow;
class QMenu;

namespace hexmap {

class ChecksumsDock;
class EditSession;
class HexView;
class InformationDock;
class OverviewMap;

// Installs the analysis feature in a window: the Checksums and Information docks (right area, tabbed, hidden
// until asked for), their toggles in the View menu, and the overview map's Entropy layer (fed by the Information
// dock's background scan, which starts when a file is opened).
// Thread: GUI thread only.
namespace AnalysisFeature {
struct Docks {
    ChecksumsDock *checksums = nullptr;
    InformationDock *information = nullptr;
};
// `map` may be null (no map layer); `viewMenu` null: the window's menu bar "&View" menu is used if it has one.
Docks install(QMainWindow *window, HexView *view, EditSession *session, OverviewMap *map, QMenu *viewMenu);
} // namespace AnalysisFeature

} // namespace hexmap
