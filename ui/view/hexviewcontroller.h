#pragma once

#include <QObject>
#include <QPoint>
#include <QTimer>

#include <cstdint>
#include <optional>

class QKeyEvent;
class QMouseEvent;

namespace hexmap {

class HexView;

// HexViewController turns keyboard and mouse events of a HexView into cursor, selection and scroll changes:
// arrows, PgUp/PgDn, Home/End (row), Ctrl+Home/End (file), Tab (hex/ASCII), Shift extends; click, drag,
// shift-click, double-click (selects the group), auto-scroll while a drag leaves the viewport (QTimer).
// Selections are inclusive of the anchor and the cursor byte: [min, max + 1).
// Owned by its view (QObject child). Thread: GUI thread only.
class HexViewController : public QObject
{
    Q_OBJECT
public:
    explicit HexViewController(HexView *view);

    bool keyPress(QKeyEvent *event); // true when handled
    void mousePress(QMouseEvent *event);
    void mouseMove(QMouseEvent *event);
    void mouseRelease(QMouseEvent *event);
    void mouseDoubleClick(QMouseEvent *event);
    bool isDragging() const { return m_dragging; }

private:
    struct Hit {
        std::uint64_t offset = 0;
        bool ascii = false;
    };
    std::optional<Hit> hitAt(QPoint viewportPos) const;
    void dragTo(QPoint viewportPos);
    void autoScrollTick();
    void move(std::int64_t bytes, bool extend); // relative, saturated to the file

    HexView *m_view;
    QTimer m_autoScroll;
    QPoint m_lastDragPos;
    bool m_dragging = false;
};

} // namespace hexmap
