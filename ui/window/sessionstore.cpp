#include "ui/window/sessionstore.h"

#include <QSettings>

#include <algorithm>
#include <utility>

namespace hexmap {

SessionStore::SessionStore(QString group) : m_group(std::move(group)) {}

void SessionStore::save(const QStringList &paths, int current) const
{
    QSettings settings;
    settings.beginGroup(m_group);
    settings.setValue(QStringLiteral("files"), paths);
    settings.setValue(QStringLiteral("current"), paths.isEmpty() ? -1 : std::clamp(current, 0, int(paths.size()) - 1));
}

SessionStore::Session SessionStore::load() const
{
    QSettings settings;
    settings.beginGroup(m_group);
    Session session;
    const QString currentPath = [&] {
        const QStringList stored = settings.value(QStringLiteral("files")).toStringList();
        const int index = settings.value(QStringLiteral("current"), 0).toInt();
        for (const QString &path : stored)
            if (!path.isEmpty() && !session.paths.contains(path))
                session.paths << path;
        return index >= 0 && index < stored.size() ? stored.at(index) : QString();
    }();
    if (!session.paths.isEmpty())
        session.current = std::max(0, int(session.paths.indexOf(currentPath)));
    return session;
}

void SessionStore::clear() const
{
    QSettings settings;
    settings.remove(m_group);
}

} // namespace hexmap
