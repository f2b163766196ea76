#include "core/platform/mountinfo.h"

#include "core/blockdevice.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace hexmap {

std::string unescapeMountPath(const std::string &field)
{
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        const auto isOctal = [&](std::size_t k) { return k < field.size() && field[k] >= '0' && field[k] <= '7'; };
        if (field[i] == '\\' && isOctal(i + 1) && isOctal(i + 2) && isOctal(i + 3)) {
            const int value = (field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0');
            if (value <= 0xff) {
                out.push_back(static_cast<char>(value));
                i += 3;
                continue;
            }
        }
        out.push_back(field[i]);
    }
    return out;
}

namespace mountinfo {

std::map<DevNumbers, std::vector<std::string>> readMountPoints(const std::string &mountInfoPath)
{
    std::map<DevNumbers, std::vector<std::string>> mounts;
    std::ifstream in(mountInfoPath);
    std::string line;
    while (std::getline(in, line)) {
        // "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw": fields are separated by single
        // spaces and never contain one (the kernel escapes it as \040).
        std::istringstream fields(line);
        std::string id, parent, devField, root, mountPoint;
        if (!(fields >> id >> parent >> devField >> root >> mountPoint))
            continue;
        const auto colon = devField.find(':');
        if (colon == std::string::npos)
            continue;
        std::uint32_t major = 0, minor = 0;
        const char *begin = devField.data();
        const char *end = begin + devField.size();
        const auto a = std::from_chars(begin, begin + colon, major);
        const auto b = std::from_chars(begin + colon + 1, end, minor);
        if (a.ec != std::errc() || a.ptr != begin + colon || b.ec != std::errc() || b.ptr != end)
            continue;
        mounts[{major, minor}].push_back(unescapeMountPath(mountPoint));
    }
    return mounts;
}

} // namespace mountinfo
} // namespace hexmap
