#include "ui/window/dockfitter.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

#include <algorithm>

namespace hexmap {

DockFitter::DockFitter(QMainWindow *window) : QObject(window), m_window(window)
{
    window->installEventFilter(this);
}

int DockFitter::fittedExtent(int windowExtent, int extent, int minimum, double share)
{
    const int limit = static_cast<int>(windowExtent * share);
    if (extent <= limit)
        return extent;
    return std::max(limit, minimum);
}

void DockFitter::fit()
{
    m_pending = false;
    QList<QDockWidget *> wide;
    QList<int> widths;
    QList<QDockWidget *> tall;
    QList<int> heights;
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
        if (!dock->isVisible() || dock->isFloating())
            continue;
        const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock);
        if (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea) {
            const int w = fittedExtent(m_window->width(), dock->width(), dock->minimumSizeHint().width(), kSideShare);
            if (w != dock->width()) {
                wide << dock;
                widths << w;
            }
        } else if (area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea) {
            const int h = fittedExtent(m_window->height(), dock->height(), dock->minimumSizeHint().height(), kEdgeShare);
            if (h != dock->height()) {
                tall << dock;
                heights << h;
            }
        }
    }
    if (!wide.isEmpty())
        m_window->resizeDocks(wide, widths, Qt::Horizontal);
    if (!tall.isEmpty())
        m_window->resizeDocks(tall, heights, Qt::Vertical);
}

bool DockFitter::eventFilter(QObject *watched, QEvent *event)
{
    // After the window's layout has taken the new size: the filter runs before it.
    if (watched == m_window && event->type() == QEvent::Resize && !m_pending) {
        m_pending = true;
        QTimer::singleShot(0, this, &DockFitter::fit);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hexmap
