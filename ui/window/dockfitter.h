#pragma once

#include <QObject>

class QMainWindow;

namespace hexmap {

// Keeps the docks of a small window from crowding out the bytes: when the window shrinks, a docked side panel
// wider than kSideShare of the window's width (a bottom or top one taller than kEdgeShare of its height) is
// narrowed to that share, never below its minimum. Docks are never widened, so a size the user chose in a large
// window is kept until the window becomes too small for it. Floating docks are left alone.
// Thread: GUI thread only.
class DockFitter : public QObject {
    Q_OBJECT
public:
    explicit DockFitter(QMainWindow *window);

    static constexpr double kSideShare = 0.4;
    static constexpr double kEdgeShare = 0.3;
    // The extent a dock of `extent` pixels (at least `minimum`) gets in a window `windowExtent` pixels across:
    // unchanged when within `share` of the window, else the share, but never less than the minimum.
    static int fittedExtent(int windowExtent, int extent, int minimum, double share);

    void fit(); // applies the rule to every visible docked dock now

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMainWindow *m_window;
    bool m_pending = false;
};

} // namespace hexmap
