#include "ui/common/settingsguard.h"

#include "ui/common/storagecheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

namespace hexmap {

SettingsGuard *SettingsGuard::instance()
{
    static SettingsGuard guard;
    return &guard;
}

SettingsGuard::~SettingsGuard() = default;

QString SettingsGuard::sessionDirectory() const
{
    return m_session && m_session->isValid() ? m_session->path() : QString();
}

QString SettingsGuard::protectSettings(const QString &userConfigDir)
{
    const QString dir = userConfigDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                                                : userConfigDir;
    const QString org = QCoreApplication::organizationName();
    const QString app = QCoreApplication::applicationName();
    if (dir.isEmpty() || org.isEmpty())
        return {};
    // The names QSettings uses on Unix: ORG/APP.conf (read and written, locked with a .lock file beside it) and
    // ORG.conf (read as a fallback).
    const QString appFile = org + QLatin1Char('/') + app + QStringLiteral(".conf");
    const QString orgFile = org + QStringLiteral(".conf");
    QString path;
    StorageCheck bad;
    for (const QString &name : {appFile, appFile + QStringLiteral(".lock"), orgFile}) {
        const QString candidate = QDir(dir).filePath(name);
        const StorageCheck check = checkStoragePath(QFile::encodeName(candidate));
        if (!check.isSafe()) {
            path = candidate;
            bad = check;
            break;
        }
    }
    if (path.isEmpty()) { // the folder: a directory (as root: root's own, not a link)
        const StorageCheck check = checkStorageDirectory(QFile::encodeName(QDir(dir).filePath(org)));
        if (!check.isSafe()) {
            path = QDir(dir).filePath(org);
            bad = check;
        }
    }
    if (path.isEmpty())
        return {};

    m_sessionOnly = true;
    m_session = std::make_unique<QTemporaryDir>(QDir(QDir::tempPath()).filePath(QStringLiteral("hexmap-settings-XXXXXX")));
    QString where;
    if (m_session->isValid() && QDir().mkpath(QDir(m_session->path()).filePath(org))) {
        // Seed the session with what can be read without blocking: regular files, and a link's target when it is
        // a regular file (a FIFO or device is never opened).
        for (const QString &name : {appFile, orgFile}) {
            const QByteArray native = QFile::encodeName(QDir(dir).filePath(name));
            const StorageCheck check = checkStoragePath(native);
            std::optional<QByteArray> bytes;
            if (check.verdict == StorageCheck::Verdict::Regular
                || (check.verdict == StorageCheck::Verdict::Unsafe && !check.symlinkToRegularFile))
                bytes = readRegularFile(native, false); // lstat: regular files only (root's foreign-owned ones too)
            else if (check.symlinkToRegularFile)
                bytes = readRegularFile(native, true); // what the link shows; never written back through it
            if (!bytes)
                continue;
            QFile copy(QDir(m_session->path()).filePath(name));
            if (copy.open(QIODevice::WriteOnly))
                copy.write(*bytes);
        }
        where = m_session->path();
    } else {
        where = QStringLiteral("/proc/hexmap-settings-unavailable"); // never writable: nothing is written anywhere
    }
    for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, where);
    const QString message = tr("Settings are kept for this session only: %1 %2. Hexmap never writes through a "
                               "link or into a file that is not a regular file of its own.")
                                .arg(QDir::toNativeSeparators(path), bad.reason);
    warnOnce(path, message);
    return message;
}

void SettingsGuard::warnOnce(const QString &key, const QString &message)
{
    if (m_keys.contains(key))
        return;
    m_keys.insert(key);
    m_warnings << message;
    std::fprintf(stderr, "hexmap: %s\n", message.toLocal8Bit().constData());
    emit warned(message);
}

} // namespace hexmap
