#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace hexmap {

// SettingsGuard: keeps Hexmap from writing through a symlink or into a FIFO, device or other non-regular file where
// its settings live, and from blocking on a FIFO there (issue 13 row 12). protectSettings() runs once at start-up,
// before the first QSettings, and checks with lstat (StorageCheck) the files QSettings would read and write for the
// application in the user's config directory. When one is unsafe, every QSettings of the process (NativeFormat and
// IniFormat, user scope) is pointed at a private temporary directory (mode 0700, removed at exit) seeded with the
// settings that could be read without blocking: settings then work for the session and are never saved. Other
// stores (bookmarks) report through warnOnce(). Each warning goes to stderr once and to warned() (the window shows
// it in the status bar). Thread: GUI thread only (one instance per process, instance()).
class SettingsGuard : public QObject {
    Q_OBJECT
public:
    static SettingsGuard *instance();
    ~SettingsGuard() override;

    // Checks `userConfigDir` (empty: QStandardPaths::GenericConfigLocation, where QSettings looks) and redirects
    // QSettings when needed. Returns the warning, empty when the settings files are safe (nothing is changed then).
    QString protectSettings(const QString &userConfigDir = {});
    bool isSessionOnly() const { return m_sessionOnly; }
    QString sessionDirectory() const; // where QSettings writes while session-only; empty otherwise

    // Records `message` once per `key` (e.g. the path): printed to stderr as "hexmap: message" and emitted.
    void warnOnce(const QString &key, const QString &message);
    QStringList warnings() const { return m_warnings; }

signals:
    void warned(const QString &message);

private:
    SettingsGuard() = default;

    std::unique_ptr<QTemporaryDir> m_session;
    bool m_sessionOnly = false;
    QSet<QString> m_keys;
    QStringList m_warnings;
};

} // namespace hexmap
