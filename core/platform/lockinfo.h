#pragma once

#include "core/writelock.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hexmap::lockinfo {

// Internal: the small files that name the holder of a WriteLock (F_OFD_GETLK cannot: it reports l_pid = -1).
// One file per locked inode, "PROGRAM\nPID\n", in directory(). Thread: any.

// $XDG_RUNTIME_DIR/hexmap-locks when XDG_RUNTIME_DIR is an absolute path, else /tmp/hexmap-locks-UID; created
// with mode 0700 on first use. A folder that is a symlink or belongs to another user is not used (empty result).
std::string directory();
// Writes the info of (device, inode) atomically (a temporary file renamed over it). Returns its path, or an empty
// string when it could not be written (the lock works without it; only the holder's name is then unknown).
std::string write(std::uint64_t device, std::uint64_t inode, const std::string &program, long pid);
// Removes `path` when it still names `pid` (never another holder's info).
void remove(const std::string &path, long pid);
// The holder recorded for (device, inode), or nullopt when there is none, it is malformed, or its pid is dead
// (stale: left by a process that was killed).
std::optional<WriteLockHolder> read(std::uint64_t device, std::uint64_t inode);
// The name of a running process (/proc/PID/comm), empty when unknown.
std::string processName(long pid);
// True when a process with this pid exists (kill(pid, 0) succeeds or fails with EPERM).
bool isAlive(long pid);

} // namespace hexmap::lockinfo
