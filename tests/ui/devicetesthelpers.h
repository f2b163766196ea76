#pragma once
// Hand-made BlockDeviceInfo values for the device model suites (no sysfs, no root). Header-only; any thread.

#include "core/blockdevice.h"

#include <cstdint>
#include <string>
#include <vector>

namespace devicetest {

inline hexmap::BlockDeviceInfo device(const std::string &name, std::uint64_t size, const std::string &model = {})
{
    hexmap::BlockDeviceInfo d;
    d.name = name;
    d.path = "/dev/" + name;
    d.size = size;
    d.model = model;
    return d;
}

inline hexmap::BlockDeviceInfo partition(const std::string &parent, int number, std::uint64_t size)
{
    hexmap::BlockDeviceInfo p = device(parent + std::to_string(number), size);
    p.isPartition = true;
    p.parentName = parent;
    return p;
}

// sda (a 64 MiB disk "QEMU HARDDISK" with sda1 and sda2, sda2 mounted at "/mnt/my data"), sdb (removable,
// read-only, nothing mounted) and loop0 (held by dm-0).
inline std::vector<hexmap::BlockDeviceInfo> sampleDevices()
{
    hexmap::BlockDeviceInfo sda = device("sda", 64ull << 20, "QEMU HARDDISK");
    sda.partitions.push_back(partition("sda", 1, 16ull << 20));
    hexmap::BlockDeviceInfo sda2 = partition("sda", 2, 47ull << 20);
    sda2.mountPoints = {"/mnt/my data"};
    sda.partitions.push_back(sda2);
    hexmap::BlockDeviceInfo sdb = device("sdb", 1536ull << 20, "USB Flash");
    sdb.removable = true;
    sdb.readOnly = true;
    hexmap::BlockDeviceInfo loop0 = device("loop0", 1000, "loop: /tmp/disk.img");
    loop0.holders = {"dm-0"};
    return {sda, sdb, loop0};
}

} // namespace devicetest
