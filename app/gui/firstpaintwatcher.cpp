#include "firstpaintwatcher.h"

#include <QApplication>
#include <QEvent>
#include <QPixmap>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <sys/resource.h>

namespace hexmap {

FirstPaintWatcher::FirstPaintWatcher(QWidget *window, QWidget *painted, QElapsedTimer started, QObject *parent)
    : QObject(parent), m_window(window), m_painted(painted), m_started(started)
{
}

void FirstPaintWatcher::start(int timeoutMs)
{
    m_painted->installEventFilter(this);
    QTimer::singleShot(timeoutMs, this, [this] {
        if (m_done)
            return;
        m_done = true;
        std::fprintf(stderr, "hexmap: the window was not painted within the timeout\n");
        QCoreApplication::exit(1);
    });
}

bool FirstPaintWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_painted && event->type() == QEvent::Paint && !m_done) {
        m_done = true;
        // Act once this paint event has been delivered, not inside it.
        QTimer::singleShot(0, this, &FirstPaintWatcher::finish);
        m_firstPaintMs = static_cast<double>(m_started.nsecsElapsed()) / 1e6;
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintWatcher::finish()
{
    m_painted->removeEventFilter(this);
    int code = 0;
    if (m_measure) {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("first-paint-ms: %.2f\npeak-rss-kib: %ld\n", m_firstPaintMs, usage.ru_maxrss);
        std::fflush(stdout);
    }
    if (!m_screenshotPath.isEmpty()) {
        const QPixmap pixmap = m_window->grab();
        if (!pixmap.save(m_screenshotPath, "PNG")) {
            std::fprintf(stderr, "hexmap: %s: cannot write the screenshot\n", qPrintable(m_screenshotPath));
            code = 1;
        }
    }
    QCoreApplication::exit(code);
}

} // namespace hexmap
