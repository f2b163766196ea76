#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hexmap::sysfs {

// Internal helpers of the block-device listing (core/blockdevice.h): small reads of sysfs attribute files.
// None of them fails loudly: an attribute that cannot be read (missing, a directory, no permission, garbage) is
// std::nullopt, and the caller keeps its default. Thread: any.

// The first line of the file at `path`, without trailing whitespace; nullopt when it cannot be read.
std::optional<std::string> readLine(const std::string &path);
// readLine parsed as an unsigned decimal number; nullopt when unreadable or not a number.
std::optional<std::uint64_t> readNumber(const std::string &path);
// "MAJ:MIN" parsed; nullopt when unreadable or malformed.
std::optional<std::pair<std::uint32_t, std::uint32_t>> readDevNumbers(const std::string &path);
// `s` without leading and trailing whitespace.
std::string trimmed(const std::string &s);
// The names in a folder except "." and ".." (unsorted); empty when it cannot be listed.
std::vector<std::string> folderEntries(const std::string &path);
// True when `path` exists (stat, following symlinks).
bool exists(const std::string &path);
// Orders names so that numbers inside them compare by value: "loop2" < "loop10", "sda2" < "sda10".
bool naturalLess(const std::string &a, const std::string &b);

} // namespace hexmap::sysfs
