#pragma once

#include "core/blockdevice.h"
#include "core/platform/mountinfo.h"

#include <map>
#include <string>
#include <vector>

namespace hexmap::blockdevicesysfs {

using MountMap = std::map<mountinfo::DevNumbers, std::vector<std::string>>;

// Internal: reads the whole disk whose sysfs folder is `folder` (sysRoot/block/NAME, or what
// sysRoot/dev/block/MAJ:MIN resolves to) and named `name`, with its partitions (sub-folders holding a
// "partition" file) and the mount points from `mounts`. Unreadable attributes keep their defaults. Thread: any.
BlockDeviceInfo readDisk(const std::string &folder, const std::string &name, const SysPaths &paths,
                         const MountMap &mounts);

} // namespace hexmap::blockdevicesysfs
