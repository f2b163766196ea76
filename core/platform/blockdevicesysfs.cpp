#include "core/platform/blockdevicesysfs.h"

#include "core/platform/sysfsread.h"

#include <algorithm>

namespace hexmap::blockdevicesysfs {
namespace {

// "vendor model" from device/vendor and device/model, or the one that exists; ATA disks report the vendor "ATA",
// which says nothing, and many models already start with their vendor.
std::string modelOf(const std::string &folder)
{
    if (const auto backing = sysfs::readLine(folder + "/loop/backing_file"))
        return "loop: " + sysfs::trimmed(*backing);
    const std::string model = sysfs::trimmed(sysfs::readLine(folder + "/device/model").value_or(""));
    const std::string vendor = sysfs::trimmed(sysfs::readLine(folder + "/device/vendor").value_or(""));
    if (vendor.empty() || vendor == "ATA" || model.rfind(vendor, 0) == 0)
        return model;
    return model.empty() ? vendor : vendor + " " + model;
}

std::vector<std::string> holdersOf(const std::string &folder)
{
    auto holders = sysfs::folderEntries(folder + "/holders");
    std::sort(holders.begin(), holders.end(), sysfs::naturalLess);
    return holders;
}

// The attributes a device folder has for itself (whole disk or partition).
void readOwn(BlockDeviceInfo &info, const std::string &folder, const SysPaths &paths, const MountMap &mounts)
{
    info.path = paths.devRoot + "/" + info.name;
    if (const auto dev = sysfs::readDevNumbers(folder + "/dev")) {
        info.major = dev->first;
        info.minor = dev->second;
        if (const auto it = mounts.find(*dev); it != mounts.end())
            info.mountPoints = it->second;
    }
    if (const auto sectors = sysfs::readNumber(folder + "/size"))
        info.size = *sectors * 512; // sysfs counts 512-byte units whatever the logical block size
    if (const auto ro = sysfs::readNumber(folder + "/ro"))
        info.readOnly = *ro != 0;
    info.holders = holdersOf(folder);
}

} // namespace

BlockDeviceInfo readDisk(const std::string &folder, const std::string &name, const SysPaths &paths,
                         const MountMap &mounts)
{
    BlockDeviceInfo disk;
    disk.name = name;
    readOwn(disk, folder, paths, mounts);
    if (const auto removable = sysfs::readNumber(folder + "/removable"))
        disk.removable = *removable != 0;
    if (const auto logical = sysfs::readNumber(folder + "/queue/logical_block_size"); logical && *logical > 0)
        disk.logicalSectorSize = static_cast<std::uint32_t>(*logical);
    if (const auto physical = sysfs::readNumber(folder + "/queue/physical_block_size"); physical && *physical > 0)
        disk.physicalSectorSize = static_cast<std::uint32_t>(*physical);
    if (const auto discard = sysfs::readNumber(folder + "/queue/discard_max_bytes"))
        disk.supportsDiscard = *discard > 0;
    disk.model = modelOf(folder);

    auto children = sysfs::folderEntries(folder);
    std::sort(children.begin(), children.end(), sysfs::naturalLess);
    for (const auto &child : children) {
        const std::string childFolder = folder + "/" + child;
        if (!sysfs::exists(childFolder + "/partition"))
            continue;
        BlockDeviceInfo part;
        part.name = child;
        part.isPartition = true;
        part.parentName = name;
        readOwn(part, childFolder, paths, mounts);
        // A partition shares its disk's queue, removable flag and model.
        part.removable = disk.removable;
        part.logicalSectorSize = disk.logicalSectorSize;
        part.physicalSectorSize = disk.physicalSectorSize;
        part.supportsDiscard = disk.supportsDiscard;
        part.model = disk.model;
        part.readOnly = part.readOnly || disk.readOnly;
        disk.partitions.push_back(std::move(part));
    }
    return disk;
}

} // namespace hexmap::blockdevicesysfs
