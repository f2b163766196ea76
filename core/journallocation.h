#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>

namespace hexmap {

// Where save journals live, computed the same way by the GUI and the CLI (no Qt):
//   $HEXMAP_JOURNAL_DIR when set and not empty (tests, or to keep journals on another disk), else
//   $XDG_DATA_HOME/hexmap/journals when XDG_DATA_HOME is an absolute path, else
//   $HOME/.local/share/hexmap/journals (the password database's home directory when HOME is unset).
// One journal per target file, named after the file's device and inode ("<dev>-<ino>.hexmap-journal", hex), so
// a journal is found again whatever path the file is opened by; the journal's header holds the path too.
// Thread: any (reads the environment). Failure contract: returns an empty string when no directory can be
// derived (no HOME and no password entry); callers then fail with ENOENT.
std::string saveJournalDirectory();
std::string saveJournalPath(std::uint64_t device, std::uint64_t inode);

// Creates `directory` and its missing parents with mode 0700 and syncs the parent of each new one.
// Thread: any. Failure contract: errno (EACCES, ENOSPC, ENOTDIR, EROFS...) naming the directory that failed.
Status makeJournalDirectory(const std::string &directory);

// Syncs the directory `directory` (fsync on an O_DIRECTORY descriptor), so a new or removed entry in it is
// durable. Thread: any. Failure contract: errno naming the directory.
Status syncDirectory(const std::string &directory);

// The canonical absolute path of an existing `path` (realpath), or `path` unchanged when it cannot be resolved.
// Thread: any. Failure contract: never fails.
std::string canonicalFilePath(const std::string &path);

} // namespace hexmap
