#pragma once
// LoopDevice: an image file in a QTemporaryDir attached with `losetup -f --show` (atomic find-and-attach: other
// suites attach at the same time), detached and deleted when the object goes, also when an assertion failed.
// Needs root (callers QSKIP when geteuid() != 0). Header-only; test thread only.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace devicetest {

class LoopDevice {
public:
    LoopDevice() = default;
    LoopDevice(const LoopDevice &) = delete;
    LoopDevice &operator=(const LoopDevice &) = delete;
    ~LoopDevice() { detach(); }

    // Writes `bytes` to the image and attaches it; false with `why` set when that fails.
    bool attach(const QByteArray &bytes, QString *why)
    {
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temporary directory");
            return false;
        }
        m_image = m_dir.filePath(QStringLiteral("device.img"));
        QFile f(m_image);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.flush()) {
            *why = QStringLiteral("cannot write ") + m_image + QStringLiteral(": ") + f.errorString();
            return false;
        }
        f.close();
        QString out;
        if (!run({QStringLiteral("-f"), QStringLiteral("--show"), m_image}, &out, why))
            return false;
        m_device = out.trimmed();
        return !m_device.isEmpty();
    }

    // The device shrinks to 0 bytes, as a removed disk reads: the image is emptied and the loop device told
    // (`losetup -c`). losetup -d alone does not do this while a program holds the device open: the kernel only
    // marks it for detaching at the last close (autoclear).
    bool vanish(QString *why)
    {
        QFile f(m_image);
        if (!f.resize(0)) {
            *why = f.errorString();
            return false;
        }
        QString out;
        return run({QStringLiteral("-c"), m_device}, &out, why);
    }

    // `losetup -d`: detaches now, or at the last close while the device is open. Idempotent.
    bool detach(QString *why = nullptr)
    {
        if (m_device.isEmpty())
            return true;
        QString out, error;
        const bool ok = run({QStringLiteral("-d"), m_device}, &out, &error);
        if (why)
            *why = error;
        m_device.clear();
        return ok;
    }

    QString device() const { return m_device; }
    QString image() const { return m_image; }
    QByteArray imageBytes() const
    {
        QFile f(m_image);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    static bool run(const QStringList &arguments, QString *out, QString *why)
    {
        QProcess p;
        p.start(QStringLiteral("losetup"), arguments);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *why = QStringLiteral("losetup ") + arguments.join(QLatin1Char(' ')) + QStringLiteral(" failed: ")
                + QString::fromLocal8Bit(p.readAllStandardError()).trimmed() + p.errorString();
            return false;
        }
        *out = QString::fromLocal8Bit(p.readAllStandardOutput());
        return true;
    }

    QTemporaryDir m_dir;
    QString m_image;
    QString m_device;
};

} // namespace devicetest
