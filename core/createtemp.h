#pragma once

#include <cstddef>
#include <string>

namespace hexmap::createtemp {

// The hidden temporary files (".hexmap-create-XXXXXX" beside the target) that MappedFile::create builds a new
// file under before renaming it into place, and how they are cleaned up when create is interrupted:
// - a process-wide registry of the temporary files being built, which a signal handler can empty with
//   unlinkRegistered() (async-signal-safe: fixed static buffers and atomics only). The CLI's SIGINT/SIGTERM/SIGHUP
//   handler calls it and then re-raises the signal. Mapping::create registers the file with SIGINT, SIGTERM and
//   SIGHUP blocked on its thread, so that no signal arrives between creating the file and registering it (or
//   between the rename and unregistering it);
// - a creator holds flock(LOCK_EX) on its temporary file until it is renamed, and removeStale() deletes the
//   temporary files of dead creators (unlocked and not modified for kStaleSeconds), which kill -9 or a power cut left.
// Thread: any. Slots are claimed with atomics; a path longer than kPathCapacity or more than kSlots creates at
// once are not registered (removeStale still finds their files later).
inline constexpr std::size_t kSlots = 16;
inline constexpr std::size_t kPathCapacity = 4096;
inline constexpr int kStaleSeconds = 60;
inline constexpr const char *kPrefix = ".hexmap-create-";

// Registers `path` (a temporary file just created); returns its slot or -1 when it could not be registered.
int registerPath(const std::string &path);
// Forgets the slot (after the rename, or after the file was removed). -1 is ignored.
void unregisterPath(int slot);
// Unlinks every registered temporary file; returns how many it removed. Async-signal-safe.
int unlinkRegistered();

// Deletes the temporary files in `directory` whose creator is gone: name kPrefix + 6 characters, a regular file,
// not locked, modified more than kStaleSeconds ago. Returns how many it removed; errors (unreadable
// folder, a file that vanished) are skipped silently: this is best-effort housekeeping.
int removeStale(const std::string &directory);

// Test hook: when set, Mapping::create calls it with "created" (temporary file made and registered),
// "reserved" (its blocks reserved, before the rename) and "renamed" (after the rename). nullptr = none.
using Hook = void (*)(const char *stage);
void setHook(Hook hook);
void runHook(const char *stage);

} // namespace hexmap::createtemp
