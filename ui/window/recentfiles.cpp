#include "ui/window/recentfiles.h"

#include <QSettings>

namespace hexmap {

RecentFiles::RecentFiles(QObject *parent, QString key, int maxCount)
    : QObject(parent), m_key(std::move(key)), m_maxCount(maxCount > 0 ? maxCount : 1)
{
}

QStringList RecentFiles::files() const
{
    QStringList list = QSettings().value(m_key).toStringList();
    list.removeAll(QString());
    list.removeDuplicates();
    if (list.size() > m_maxCount)
        list.resize(m_maxCount);
    return list;
}

void RecentFiles::add(const QString &path)
{
    if (path.isEmpty())
        return;
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    store(list);
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    if (list.removeAll(path) > 0)
        store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &files)
{
    QStringList list = files;
    if (list.size() > m_maxCount)
        list.resize(m_maxCount);
    QSettings settings;
    if (list.isEmpty())
        settings.remove(m_key);
    else
        settings.setValue(m_key, list);
    emit changed();
}

} // namespace hexmap
