#pragma once

#include "core/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace hexmap {

// Who holds the write lock of a file, as far as this process can tell.
// Plain value; any thread.
struct WriteLockHolder {
    std::string program; // "hexmap-cli", "hexmap"... empty when not known
    long pid = -1;       // -1 when not known
    // "hexmap-cli, pid 1234", or "another process" when neither is known.
    std::string describe() const;
};

// WriteLock: "one writer at a time" between Hexmap processes. An advisory open-file-description lock
// (fcntl F_OFD_SETLK, F_WRLCK over the whole file) that every Hexmap writer takes on the file it maps read-write:
// Mapping::open(ReadWrite) and Mapping::create take it, so a MappedFile opened read-write holds it for as long as
// its mapping lives. A second writer in another process is refused with Errc::WriteLocked, naming the holder.
//
// - Within one process, all read-write mappings of one inode share one lock (a reload or a job's second mapping
//   must not lock out its own window); a forked child is another process and does not share its parent's.
// - The lock is taken on a duplicate of the mapping's descriptor (F_DUPFD_CLOEXEC, the same open file
//   description), so it stays held while any read-write mapping of the inode in this process lives, and is
//   released when the last one goes (or when the process dies: the kernel drops OFD locks with the descriptor).
// - F_OFD_GETLK cannot tell who holds an OFD lock (l_pid is -1), so the holder writes a small info file
//   ("PROGRAM\nPID\n") after taking the lock: $XDG_RUNTIME_DIR/hexmap-locks/DEV-INODE (or /tmp/hexmap-locks-UID
//   when XDG_RUNTIME_DIR is unset), removed again on release. An info file whose pid is dead is stale and ignored.
//   A holder of another user, or a program that is not Hexmap, is named "another process" (or by its pid and
//   /proc name when it holds a classic POSIX lock, which F_OFD_GETLK does report).
// - Filesystems without lock support (ENOLCK, EINVAL, ENOSYS...) are written without a lock: it is advisory.
// Thread: any (the per-process registry is internally locked).
class WriteLock {
public:
    ~WriteLock();
    WriteLock(const WriteLock &) = delete;
    WriteLock &operator=(const WriteLock &) = delete;

    // Takes (or joins, within this process) the write lock of the file open as `fd`, which must be open for
    // writing. `path` only names the file in errors. Failure contract: Errc::WriteLocked when another process
    // holds it, with context "PATH (being written by PROGRAM, pid N)"; errno from fstat/fcntl(F_DUPFD) otherwise.
    static Result<std::shared_ptr<WriteLock>> acquire(int fd, const std::string &path);

    // Who holds the write lock of the file open as `fd` (any access mode), when another open file description
    // holds it; nullopt when nobody else does (this process's own lock does not count when `fd` shares it).
    // Failure contract: errno from fstat/fcntl; filesystems without lock support report nobody.
    static Result<std::optional<WriteLockHolder>> holderOf(int fd);
    // The same for a path (opened read-only for the query). Failure contract: errno from open, as holderOf(fd).
    static Result<std::optional<WriteLockHolder>> holderOfPath(const std::string &path);

    // The program name written to the info file (default: the process's short invocation name). Thread: any;
    // call before taking locks.
    static void setProgramName(const std::string &name);
    // The folder of the info files (created on first use, mode 0700). Thread: any.
    static std::string infoDirectory();

    // True when the kernel lock is held (false on filesystems without lock support).
    bool isLocked() const { return m_fd >= 0; }
    // False in a forked child for its parent's lock (the child is another process).
    bool isOwnedByThisProcess() const;
    std::uint64_t device() const { return m_device; }
    std::uint64_t inode() const { return m_inode; }

private:
    WriteLock(int fd, std::uint64_t device, std::uint64_t inode);

    int m_fd = -1;
    std::uint64_t m_device = 0;
    std::uint64_t m_inode = 0;
    long m_ownerPid = 0;
    std::string m_infoPath; // empty when no info file was written
};

} // namespace hexmap
