#include "core/fileidentity.h"

#include "core/platform/deviceops.h"

#include <cerrno>
#include <sys/stat.h>

namespace hexmap {
namespace {

FileIdentity identityFromStat(const struct stat &st)
{
    FileIdentity id;
    id.device = static_cast<std::uint64_t>(st.st_dev);
    id.inode = static_cast<std::uint64_t>(st.st_ino);
    id.size = static_cast<std::uint64_t>(st.st_size);
    id.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    return id;
}

// identityFromStat for the descriptor `fd` whose fstat is `st`: a block device's size is BLKGETSIZE64 (st_size is 0)
// and its modification time is left at 0 (writes to a device do not change its node's mtime).
Result<FileIdentity> identityOfDescriptor(int fd, const struct stat &st, const std::string &path)
{
    FileIdentity id = identityFromStat(st);
    if (S_ISBLK(st.st_mode)) {
        auto size = deviceops::size(fd, path);
        if (!size)
            return size.error();
        id.size = *size;
        id.mtimeNs = 0;
    }
    return id;
}

} // namespace

const char *describeFileChange(FileChange change)
{
    switch (change) {
    case FileChange::None: return "is unchanged";
    case FileChange::Deleted: return "was deleted";
    case FileChange::Replaced: return "was replaced by another file";
    case FileChange::Shrunk: return "was truncated by another program";
    case FileChange::Grown: return "was extended by another program";
    case FileChange::Modified: return "was modified by another program";
    }
    return "changed";
}

Result<FileIdentity> fileIdentityOf(int fd, const std::string &path)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return Error::fromErrno(errno, path);
    return identityOfDescriptor(fd, st, path);
}

Result<FileChange> compareFileIdentity(const FileIdentity &recorded, int fd, const std::string &path)
{
    struct stat opened {};
    if (::fstat(fd, &opened) != 0)
        return Error::fromErrno(errno, path);
    auto current = identityOfDescriptor(fd, opened, path);
    if (!current)
        return current.error();
    const FileIdentity now = *current;
    struct stat named {};
    const bool pathExists = ::stat(path.c_str(), &named) == 0;
    // `mv new file` leaves the opened inode without links too: that is a replacement, not a deletion.
    if (pathExists && !identityFromStat(named).sameInode(recorded))
        return FileChange::Replaced;
    if (!pathExists || opened.st_nlink == 0)
        return FileChange::Deleted; // ENOENT, or a path we can no longer reach: writing would not reach it either
    if (!now.sameInode(recorded))
        return FileChange::Replaced;
    if (now.size < recorded.size)
        return FileChange::Shrunk;
    if (now.size > recorded.size)
        return FileChange::Grown;
    if (now.mtimeNs != recorded.mtimeNs)
        return FileChange::Modified;
    return FileChange::None;
}

} // namespace hexmap
