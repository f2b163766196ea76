#include "core/blockdevice.h"

#include "core/platform/blockdevicesysfs.h"
#include "core/platform/mountinfo.h"
#include "core/platform/sysfsread.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace hexmap {

bool BlockDeviceInfo::isInUse() const
{
    return !mountsAndHolders(*this).empty();
}

std::vector<std::string> mountsAndHolders(const BlockDeviceInfo &device)
{
    std::vector<std::string> uses;
    auto add = [&uses](const BlockDeviceInfo &d) {
        for (const auto &mountPoint : d.mountPoints)
            uses.push_back(mountPoint);
        for (const auto &holder : d.holders)
            uses.push_back("held by " + holder);
    };
    add(device);
    for (const auto &partition : device.partitions)
        add(partition);
    return uses;
}

Result<std::vector<BlockDeviceInfo>> listBlockDevices(const SysPaths &paths)
{
    const std::string blockFolder = paths.sysRoot + "/block";
    struct stat st {};
    if (::stat(blockFolder.c_str(), &st) != 0)
        return Error::fromErrno(errno, blockFolder);
    if (!S_ISDIR(st.st_mode))
        return Error::fromErrno(ENOTDIR, blockFolder);
    const auto mounts = mountinfo::readMountPoints(paths.mountInfo);
    auto names = sysfs::folderEntries(blockFolder);
    std::sort(names.begin(), names.end(), sysfs::naturalLess);
    std::vector<BlockDeviceInfo> devices;
    devices.reserve(names.size());
    for (const auto &name : names)
        devices.push_back(blockdevicesysfs::readDisk(blockFolder + "/" + name, name, paths, mounts));
    return devices;
}

Result<BlockDeviceInfo> describeBlockDevice(const std::string &path, const SysPaths &paths)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return Error::fromErrno(errno, path);
    if (!S_ISBLK(st.st_mode))
        return Error{make_error_code(Errc::NotRegularFile), path + " (not a block device)"};
    const std::string link = paths.sysRoot + "/dev/block/" + std::to_string(::major(st.st_rdev)) + ":"
        + std::to_string(::minor(st.st_rdev));
    char resolved[PATH_MAX];
    if (!::realpath(link.c_str(), resolved))
        return Error::fromErrno(errno, link);
    const std::string folder = resolved;
    auto baseName = [](const std::string &p) { return p.substr(p.find_last_of('/') + 1); };
    const auto mounts = mountinfo::readMountPoints(paths.mountInfo);
    if (!sysfs::exists(folder + "/partition")) {
        auto disk = blockdevicesysfs::readDisk(folder, baseName(folder), paths, mounts);
        disk.path = path;
        return disk;
    }
    const std::string parentFolder = folder.substr(0, folder.find_last_of('/'));
    const auto disk = blockdevicesysfs::readDisk(parentFolder, baseName(parentFolder), paths, mounts);
    const std::string name = baseName(folder);
    for (const auto &partition : disk.partitions) {
        if (partition.name == name) {
            auto result = partition;
            result.path = path;
            return result;
        }
    }
    return Error::fromErrno(ENOENT, folder);
}

bool isBlockDevicePath(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISBLK(st.st_mode);
}

} // namespace hexmap
