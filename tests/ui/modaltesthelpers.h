#pragma once
// Driving modal dialogs from a test: the suites that answer a QMessageBox or a QDialog opened with exec().
// Header-only; GUI (test) thread only.

#include <QApplication>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace modaltest {

// Runs `handler` once on the next visible modal widget of type T, polled from the event loop (so it also runs
// inside the nested loop of an exec()).
template <typename T>
void onNextModal(QObject *context, std::function<void(T *)> handler)
{
    auto *timer = new QTimer(context);
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, context, [timer, handler] {
        auto *widget = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!widget || !widget->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        handler(widget);
    });
    timer->start();
}

} // namespace modaltest
