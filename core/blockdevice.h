#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hexmap {

// Where the block-device listing reads the system's state. Tests point it at a fake tree built in a temporary
// folder (sysRoot/block/NAME/..., a mountinfo file, a devRoot for the device paths). Plain value; any thread.
struct SysPaths {
    std::string sysRoot = "/sys";
    std::string mountInfo = "/proc/self/mountinfo";
    std::string devRoot = "/dev";
};

// What sysfs and mountinfo say about one block device (a whole disk, a partition or a loop device), read once:
// a snapshot, not a live view. Plain value; any thread.
struct BlockDeviceInfo {
    std::string path;                 // "/dev/loop0" (devRoot + "/" + name)
    std::string name;                 // "loop0", "sda1"
    std::uint32_t major = 0, minor = 0;
    std::uint64_t size = 0;           // bytes (sysfs "size" * 512)
    std::uint32_t logicalSectorSize = 512, physicalSectorSize = 512; // queue/logical_block_size, physical_block_size
    bool readOnly = false, removable = false, isPartition = false, supportsDiscard = false;
    std::string parentName;           // "sda" for "sda1"; empty for a whole disk
    std::string model;                // device/model (trimmed) or vendor+model; for a loop device "loop: <backing file>"
    std::vector<std::string> mountPoints;    // where this very device is mounted (/proc/self/mountinfo, by major:minor)
    std::vector<std::string> holders;        // /sys/.../holders (device-mapper, md): in use even when not mounted
    std::vector<BlockDeviceInfo> partitions; // whole disks only, sorted by name

    // True when the device, or for a whole disk any of its partitions, is mounted or held.
    bool isInUse() const;
};

// Every mount point of the device and, for a whole disk, of its partitions; plus "held by <dm-0>" entries for
// the holders of the device and of its partitions. Empty when nothing uses it. Any thread; never fails.
std::vector<std::string> mountsAndHolders(const BlockDeviceInfo &device);

// Every block device under sysRoot/block (whole disks, loop devices, dm, md...), sorted by name, each with its
// partitions and mount points. A device whose attribute cannot be read keeps the defaults for that attribute and
// stays in the list; a device whose "size" or "dev" cannot be read at all is still listed (size 0).
// Any thread. Failure contract: errno naming sysRoot/block only when that folder cannot be listed; an unreadable
// mountinfo leaves mountPoints empty.
Result<std::vector<BlockDeviceInfo>> listBlockDevices(const SysPaths &paths = {});

// The device at `path` (a node under /dev, or a symlink to one such as /dev/disk/by-id/...): stat gives its
// major:minor, and sysRoot/dev/block/MAJ:MIN names its sysfs folder. A partition is described with its
// parentName; a whole disk with its partitions. `path` is kept as given.
// Any thread. Failure contract: errno from stat (naming the path), Errc::NotRegularFile "(not a block device)"
// when the path is not a block device, ENOENT naming the sysfs folder when sysfs does not know the device.
Result<BlockDeviceInfo> describeBlockDevice(const std::string &path, const SysPaths &paths = {});

// stat(path) is a block device (follows symlinks such as /dev/disk/by-id/...). False when stat fails. Any thread.
bool isBlockDevicePath(const std::string &path);

// Decodes the octal escapes mountinfo uses in paths ("\040" space, "\011" tab, "\012" newline, "\134" backslash).
// Any thread; never fails (a malformed escape is kept as written).
std::string unescapeMountPath(const std::string &field);

} // namespace hexmap
