#pragma once
// FullExt4: an 8 MiB ext4 image made with mkfs.ext4, loop-mounted (needs root: CI runs as root) and, on request,
// filled until the kernel says ENOSPC, for the disk-full tests of Save. Unmounted (lazily, so that a mapping still
// open does not keep it) and deleted when the object goes, also when the test failed. Header-only; test thread only.

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/mount.h>
#include <unistd.h>
#include <vector>

namespace savetest {

class FullExt4 {
public:
    FullExt4() = default;
    FullExt4(const FullExt4 &) = delete;
    FullExt4 &operator=(const FullExt4 &) = delete;
    ~FullExt4()
    {
        if (m_mounted)
            ::umount2(m_mountPoint.c_str(), MNT_DETACH);
    }

    // Creates and mounts the image; false with `why` set when that is impossible (not root, no loop device).
    bool mount(QString *why)
    {
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temporary directory");
            return false;
        }
        const QString image = m_dir.filePath(QStringLiteral("disk.img"));
        const QString mountPoint = m_dir.filePath(QStringLiteral("mnt"));
        QDir().mkpath(mountPoint);
        if (!run(QStringLiteral("truncate"), {QStringLiteral("-s"), QStringLiteral("8M"), image}, why)
            || !run(QStringLiteral("mkfs.ext4"), {QStringLiteral("-q"), QStringLiteral("-F"), image}, why))
            return false;
        // Other suites attach and detach loop devices at the same time (ctest -j): a loop device taken between
        // mount's search for a free one and its setup fails this mount, so try a few times.
        bool mounted = false;
        for (int attempt = 0; attempt < 5 && !mounted; ++attempt) {
            if (attempt > 0)
                ::usleep(200 * 1000);
            mounted = run(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("loop"), image, mountPoint}, why);
        }
        if (!mounted)
            return false;
        m_mountPoint = mountPoint.toStdString();
        m_mounted = true;
        return true;
    }

    // Writes a filler file until ENOSPC, then claims the blocks that syncing gave back (delayed allocation keeps a
    // reserve until write-back) with fallocate, block by block, until a whole round claims nothing more.
    bool fill()
    {
        const std::string filler = m_mountPoint + "/filler";
        const int fd = ::open(filler.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
        if (fd < 0)
            return false;
        std::vector<char> block(64 << 10, 'F');
        for (std::size_t step : {std::size_t(64 << 10), std::size_t(4096)}) {
            for (;;) {
                const ssize_t n = ::write(fd, block.data(), step);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0 || std::size_t(n) < step)
                    break;
            }
        }
        for (int round = 0; round < 10; ++round) {
            ::fsync(fd);
            ::sync();
            off_t end = ::lseek(fd, 0, SEEK_END);
            int claimed = 0;
            while (::posix_fallocate(fd, end, 4096) == 0) {
                end += 4096;
                ++claimed;
            }
            if (claimed == 0)
                break;
        }
        ::close(fd);
        return true;
    }

    const std::string &mountPoint() const { return m_mountPoint; }
    std::string path(const char *name) const { return m_mountPoint + "/" + name; }

private:
    static bool run(const QString &program, const QStringList &arguments, QString *why)
    {
        QProcess p;
        p.start(program, arguments);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *why = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAllStandardError()).trimmed()
                + p.errorString();
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    std::string m_mountPoint;
    bool m_mounted = false;
};

// A sparse file of `size` bytes at `path` with only its first 4 KiB written ('D'); false on any error.
inline bool makeSparseFile(const std::string &path, std::uint64_t size)
{
    const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    std::vector<char> head(4096, 'D');
    const bool ok = ::pwrite(fd, head.data(), head.size(), 0) == ssize_t(head.size())
        && ::ftruncate(fd, off_t(size)) == 0 && ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace savetest
