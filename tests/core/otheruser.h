#pragma once
// OtherUserCopy: a copy of a program (and of the libhexmap_*.so files it loads, as ldd lists them: the sanitizer
// runs build hexmap_core and hexmap_ui as shared libraries) in a world-readable temporary folder, so that
// `setpriv --reuid=65534` can run it wherever the build tree lives (CI may build under /root, mode 700).
// Header-only; the test thread only. The folder is removed with the object, also when the test fails.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace devicetest {

class OtherUserCopy {
public:
    // Copies `binary` and the libraries; false with `why` set when a copy or chmod fails.
    bool make(const QString &binary, QString *why)
    {
        if (!m_dir.isValid() || !QFile::setPermissions(m_dir.path(), kReadAndRun)) {
            *why = QStringLiteral("no world-readable temporary folder");
            return false;
        }
        QStringList files{binary};
        QProcess ldd; // the libhexmap_*.so the binary loads ("libhexmap_core.so => /path/libhexmap_core.so (0x…)")
        ldd.start(QStringLiteral("ldd"), {binary});
        if (ldd.waitForFinished(30000)) {
            for (const QByteArray &line : ldd.readAllStandardOutput().split('\n')) {
                const QList<QByteArray> parts = line.trimmed().split(' ');
                if (parts.size() >= 3 && parts[0].startsWith("libhexmap_") && parts[1] == "=>")
                    files << QString::fromLocal8Bit(parts[2]);
            }
        }
        for (const QString &file : files) {
            const QString target = m_dir.filePath(QFileInfo(file).fileName());
            if (!QFile::copy(file, target) || !QFile::setPermissions(target, kReadAndRun)) {
                *why = QStringLiteral("cannot copy %1 to %2").arg(file, target);
                return false;
            }
        }
        m_program = m_dir.filePath(QFileInfo(binary).fileName());
        return true;
    }

    // setpriv's arguments that run the copy as nobody (no groups) with `arguments`.
    QStringList setprivArguments(const QStringList &arguments) const
    {
        return QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                           QStringLiteral("--clear-groups"), m_program}
            + arguments;
    }
    // `base` with the copies' folder first on LD_LIBRARY_PATH (searched before the binary's RUNPATH).
    QProcessEnvironment environment(QProcessEnvironment base = QProcessEnvironment::systemEnvironment()) const
    {
        const QString old = base.value(QStringLiteral("LD_LIBRARY_PATH"));
        base.insert(QStringLiteral("LD_LIBRARY_PATH"), old.isEmpty() ? m_dir.path() : m_dir.path() + u':' + old);
        return base;
    }

private:
    static constexpr QFileDevice::Permissions kReadAndRun = QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::ExeOther;
    QTemporaryDir m_dir;
    QString m_program;
};

} // namespace devicetest
