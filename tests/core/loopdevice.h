#pragma once
// LoopImage: a disk image in a QTemporaryDir attached as a loop device (needs root: CI runs as root), optionally with
// a GPT of partitions made by sfdisk. Attaching uses `losetup -f --show` (atomic find-and-attach: other suites attach
// at the same time); where the kernel has no partition parser (CONFIG_EFI_PARTITION off, as on some VMs) the
// partitions are added with `partx -a` (BLKPG). Everything it made — mounts, partitions, the loop device, the image —
// is undone when the object goes, also when an assertion failed; detach() does it early (for the "device vanished"
// tests). Never touches a loop device it did not attach. Header-only; test thread only.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <string>
#include <sys/mount.h>
#include <unistd.h>
#include <vector>

namespace devicetest {

// Runs `program arguments` with `input` on stdin; true when it exits 0, else false with `why` set.
inline bool run(const QString &program, const QStringList &arguments, QString *why, const QByteArray &input = {},
                QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForStarted(10000)) {
        *why = program + QStringLiteral(": ") + p.errorString();
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = program + QStringLiteral(" ") + arguments.join(QLatin1Char(' ')) + QStringLiteral(" failed: ")
            + QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

class LoopImage {
public:
    LoopImage() = default;
    LoopImage(const LoopImage &) = delete;
    LoopImage &operator=(const LoopImage &) = delete;
    ~LoopImage() { detach(); }

    // Writes `content` (padded with zeros to `size`) as the image, partitions it with the sfdisk `script` (empty: no
    // partition table) and attaches it. False with `why` set when impossible.
    bool attach(const QByteArray &content, std::uint64_t size, const QByteArray &script, QString *why,
                bool readOnly = false)
    {
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temporary directory");
            return false;
        }
        m_image = m_dir.filePath(QStringLiteral("disk.img"));
        QFile f(m_image);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.resize(qint64(size))) {
            *why = QStringLiteral("cannot write ") + m_image;
            return false;
        }
        f.close();
        if (!script.isEmpty() && !run(QStringLiteral("sfdisk"), {QStringLiteral("-q"), m_image}, why, script))
            return false;
        QByteArray out;
        QStringList args{QStringLiteral("-f"), QStringLiteral("--show"), QStringLiteral("-P"), m_image};
        if (readOnly)
            args.prepend(QStringLiteral("-r"));
        if (!run(QStringLiteral("losetup"), args, why, {}, &out))
            return false;
        m_device = QString::fromLocal8Bit(out).trimmed();
        if (!script.isEmpty() && !QFile::exists(partition(1))) // no kernel partition parser: add them by hand
            (void)run(QStringLiteral("partx"), {QStringLiteral("-a"), m_device}, why);
        if (!script.isEmpty() && !QFile::exists(partition(1))) {
            *why = QStringLiteral("no partition nodes for ") + m_device;
            return false;
        }
        return true;
    }

    // Mounts `node` (mkfs.ext4 first) on a folder in the temporary dir; returns the mount point or empty.
    QString mountExt4(const QString &node, QString *why)
    {
        const QString mountPoint = m_dir.filePath(QStringLiteral("mnt %1").arg(m_mounts.size()));
        QDir().mkpath(mountPoint);
        if (!run(QStringLiteral("mkfs.ext4"), {QStringLiteral("-q"), QStringLiteral("-F"), node}, why)
            || !run(QStringLiteral("mount"), {node, mountPoint}, why))
            return {};
        m_mounts.push_back(mountPoint.toStdString());
        return mountPoint;
    }

    void unmountAll()
    {
        for (auto it = m_mounts.rbegin(); it != m_mounts.rend(); ++it)
            ::umount2(it->c_str(), MNT_DETACH);
        m_mounts.clear();
    }

    void detach()
    {
        unmountAll();
        if (m_device.isEmpty())
            return;
        QString ignored;
        if (QFile::exists(partition(1)))
            (void)run(QStringLiteral("partx"), {QStringLiteral("-d"), m_device}, &ignored);
        (void)run(QStringLiteral("losetup"), {QStringLiteral("-d"), m_device}, &ignored);
        m_device.clear();
    }

    // Cuts the image to `size` bytes and makes the loop device take the new size (`losetup -c`): the device
    // shrinks under whoever has it open, as a removed disk does (`losetup -d` alone only defers the detach while
    // the device is open: the kernel sets autoclear).
    bool shrink(std::uint64_t size, QString *why)
    {
        if (::truncate(m_image.toLocal8Bit().constData(), off_t(size)) != 0) {
            *why = QStringLiteral("truncate failed");
            return false;
        }
        return run(QStringLiteral("losetup"), {QStringLiteral("-c"), m_device}, why);
    }

    // `losetup -d` while the caller still has the device open: the kernel only marks it autoclear and detaches it
    // at the last close. The fixture forgets the device (its number may be reused by another suite once freed).
    bool detachWhileOpen(QString *why)
    {
        const bool ok = run(QStringLiteral("losetup"), {QStringLiteral("-d"), m_device}, why);
        m_device.clear();
        return ok;
    }

    const QString &device() const { return m_device; }
    std::string devicePath() const { return m_device.toStdString(); }
    QString partition(int n) const { return m_device + QStringLiteral("p%1").arg(n); }
    const QString &image() const { return m_image; }
    QString dir() const { return m_dir.path(); }

    QByteArray imageBytes() const
    {
        QFile f(m_image);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    QTemporaryDir m_dir;
    QString m_image;
    QString m_device;
    std::vector<std::string> m_mounts;
};

} // namespace devicetest
