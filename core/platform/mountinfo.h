#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hexmap::mountinfo {

using DevNumbers = std::pair<std::uint32_t, std::uint32_t>;

// Internal: the mount points of every major:minor in a /proc/self/mountinfo file (field 3 "MAJ:MIN", field 5 the
// mount point, octal escapes decoded), in the file's order. Empty when the file cannot be read; malformed lines
// are skipped. Thread: any.
std::map<DevNumbers, std::vector<std::string>> readMountPoints(const std::string &mountInfoPath);

} // namespace hexmap::mountinfo
