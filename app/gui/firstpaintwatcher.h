#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QWidget;

namespace hexmap {

// Waits for the first paint of `painted` (the hex view's viewport), then acts once, after that paint completed:
// saves a PNG of `window` to screenshotPath (--screenshot) and/or prints the time since `started` and the peak RSS
// (--measure-startup), then quits the application with 0 (1 when the PNG cannot be written, or when no paint
// happened within the timeout). Thread: GUI thread only.
class FirstPaintWatcher : public QObject {
    Q_OBJECT
public:
    FirstPaintWatcher(QWidget *window, QWidget *painted, QElapsedTimer started, QObject *parent = nullptr);

    void setScreenshotPath(const QString &path) { m_screenshotPath = path; }
    void setMeasure(bool measure) { m_measure = measure; }
    void start(int timeoutMs = 20000);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finish();

    QWidget *m_window;
    QWidget *m_painted;
    QElapsedTimer m_started;
    QString m_screenshotPath;
    bool m_measure = false;
    bool m_done = false;
    double m_firstPaintMs = 0;
};

} // namespace hexmap
