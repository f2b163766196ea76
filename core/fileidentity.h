#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>

namespace hexmap {

// What identifies an open file on disk: the inode (device + number) the path named when it was opened, and the
// size and modification time Hexmap last knew it to have (at open, or after Hexmap's own last write).
// For a block device: device and inode are those of the device node the path named (a node that udev recreated,
// or a path that now names another device, counts as Replaced); size is the device's size (BLKGETSIZE64: a
// detached loop device or a removed disk reads 0, so it counts as Shrunk); mtimeNs is always 0, because writes to
// a device do not change its node's modification time: another program writing the device is NOT detected, and
// only the write lock (WriteLock, for Hexmap writers) and the mount check guard against it.
// Plain value; any thread.
struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0; // st_mtim in nanoseconds since the epoch

    bool sameInode(const FileIdentity &other) const { return device == other.device && inode == other.inode; }
    friend bool operator==(const FileIdentity &, const FileIdentity &) = default;
};

// How the file on disk differs from the identity Hexmap recorded, most serious first.
enum class FileChange {
    None,     // same inode, size and modification time
    Deleted,  // the path no longer exists, or the open inode has no links left
    Replaced, // the path now names another inode (e.g. `mv new file`, an editor's atomic save)
    Shrunk,   // same inode, smaller than recorded (truncated by another program)
    Grown,    // same inode, larger than recorded
    Modified, // same inode and size, another modification time (written by another program)
};

// A short English phrase for logs and the CLI ("was replaced by another file"); the GUI translates its own.
const char *describeFileChange(FileChange change);

// True when writing to the open descriptor would not reach the file the user sees under the path, or could lose
// or mix bytes: every change except None.
inline bool mustNotWriteSilently(FileChange change) { return change != FileChange::None; }

// Compares `recorded` with the open descriptor `fd` (fstat) and with what `path` names now (stat).
// Thread: any. Failure contract: errno from fstat on `fd` (a vanished path is FileChange::Deleted, not an error).
Result<FileChange> compareFileIdentity(const FileIdentity &recorded, int fd, const std::string &path);

// The identity of the open descriptor `fd` now. Fails with errno from fstat, naming `path`.
Result<FileIdentity> fileIdentityOf(int fd, const std::string &path);

} // namespace hexmap
