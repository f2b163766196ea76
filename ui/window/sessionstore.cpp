#include "ui/window/sessionstore.h"

#include "ui/window/mainwindow.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStatusBar>

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

void SessionStore::saveFrom(const MainWindow &window) const
{
    QStringList paths;
    for (const MainWindow::OpenDocument &document : window.openDocuments())
        if (QFile::encodeName(document.path) == document.nativePath) // the name survives a QString
            paths << document.path;
    save(paths, int(paths.indexOf(window.currentPath())));
}

int SessionStore::restoreInto(MainWindow &window) const
{
    const Session session = load();
    QStringList failures;
    window.setErrorReporter([&failures](const QString &message) { failures << message; });
    int opened = 0;
    for (const QString &path : session.paths)
        opened += window.openFile(path) ? 1 : 0;
    if (opened > 0 && session.current >= 0)
        window.openFile(session.paths.at(session.current)); // open already: switches to its tab
    window.setErrorReporter({});
    if (!failures.isEmpty())
        window.statusBar()->showMessage(
            QCoreApplication::translate("hexmap::SessionStore", "Could not reopen %n file(s) of the last session: %1",
                                        nullptr, int(failures.size()))
                .arg(failures.join(QStringLiteral("; "))));
    return opened;
}

void SessionStore::clear() const
{
    QSettings settings;
    settings.remove(m_group);
}

} // namespace hexmap
