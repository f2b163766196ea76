#pragma once

#include <QList>
#include <QObject>

namespace hexmap {

// Disconnects every connection in `connections` and empties the list: what a window feature does with its
// connections to the current tab when the tab changes. Thread: the thread of the connected objects (GUI thread).
inline void disconnectAll(QList<QMetaObject::Connection> &connections)
{
    for (const QMetaObject::Connection &c : connections)
        QObject::disconnect(c);
    connections.clear();
}

} // namespace hexmap
