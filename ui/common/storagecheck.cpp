#include "ui/common/storagecheck.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(hexmap::StorageCheck)
};

QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return Text::tr("is a FIFO (named pipe)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return Text::tr("is a device");
    if (S_ISSOCK(mode))
        return Text::tr("is a socket");
    if (S_ISDIR(mode))
        return Text::tr("is a directory");
    return Text::tr("is not a regular file");
}

StorageCheck unsafe(const QString &reason) { return {StorageCheck::Verdict::Unsafe, reason, false}; }

// Running as root: the file and its directory must be root's own (and the file not hard-linked elsewhere).
std::optional<StorageCheck> rootOwnership(const QByteArray &path, const struct stat &st)
{
    if (::geteuid() != 0)
        return std::nullopt;
    if (st.st_uid != 0)
        return unsafe(Text::tr("belongs to user %1 while Hexmap runs as root").arg(st.st_uid));
    if (st.st_nlink > 1)
        return unsafe(Text::tr("has other hard links while Hexmap runs as root"));
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArray dir = slash < 0 ? QByteArray(".") : slash == 0 ? QByteArray("/") : path.left(slash);
    struct stat ds {};
    if (::lstat(dir.constData(), &ds) == 0 && (!S_ISDIR(ds.st_mode) || ds.st_uid != 0))
        return unsafe(Text::tr("is in a directory not owned by root (or a link) while Hexmap runs as root"));
    return std::nullopt;
}

} // namespace

StorageCheck checkStoragePath(const QByteArray &path)
{
    struct stat st {};
    if (::lstat(path.constData(), &st) != 0) {
        if (errno == ENOENT)
            return {};
        return unsafe(Text::tr("cannot be checked: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (S_ISLNK(st.st_mode)) {
        char target[4096];
        const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
        const QString to = n > 0 ? QString::fromLocal8Bit(target, int(n)) : QString();
        struct stat ts {};
        const bool exists = ::stat(path.constData(), &ts) == 0;
        StorageCheck check = unsafe(!exists ? Text::tr("is a symbolic link to %1, which does not exist").arg(to)
                                            : Text::tr("is a symbolic link to %1").arg(to));
        check.symlinkToRegularFile = exists && S_ISREG(ts.st_mode);
        return check;
    }
    if (!S_ISREG(st.st_mode))
        return unsafe(kindOf(st.st_mode));
    if (auto root = rootOwnership(path, st))
        return *root;
    return {StorageCheck::Verdict::Regular, {}, false};
}

StorageCheck checkStorageDirectory(const QByteArray &path)
{
    struct stat st {};
    if (::lstat(path.constData(), &st) != 0)
        return errno == ENOENT ? StorageCheck{}
                               : unsafe(Text::tr("cannot be checked: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const bool root = ::geteuid() == 0;
    if (S_ISLNK(st.st_mode)) {
        struct stat ts {};
        if (root)
            return unsafe(Text::tr("is a symbolic link while Hexmap runs as root"));
        if (::stat(path.constData(), &ts) != 0 || !S_ISDIR(ts.st_mode))
            return unsafe(Text::tr("is a symbolic link to something that is not a directory"));
        return {StorageCheck::Verdict::Regular, {}, false};
    }
    if (!S_ISDIR(st.st_mode))
        return unsafe(kindOf(st.st_mode));
    if (root && st.st_uid != 0)
        return unsafe(Text::tr("belongs to user %1 while Hexmap runs as root").arg(st.st_uid));
    return {StorageCheck::Verdict::Regular, {}, false};
}

std::optional<QByteArray> readRegularFile(const QByteArray &path, bool followLink, qint64 maxBytes)
{
    struct stat st {};
    if ((followLink ? ::stat(path.constData(), &st) : ::lstat(path.constData(), &st)) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt; // never open a FIFO or a device, not even with O_NONBLOCK
    const int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (followLink ? 0 : O_NOFOLLOW);
    const int fd = ::open(path.constData(), flags);
    if (fd < 0)
        return std::nullopt;
    std::optional<QByteArray> out;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= maxBytes) { // swapped meanwhile? not read
        QByteArray bytes(qsizetype(st.st_size), Qt::Uninitialized);
        qsizetype got = 0;
        while (got < bytes.size()) {
            const ssize_t n = ::read(fd, bytes.data() + got, size_t(bytes.size() - got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += n;
        }
        bytes.truncate(got);
        out = std::move(bytes);
    }
    ::close(fd);
    return out;
}

} // namespace hexmap
