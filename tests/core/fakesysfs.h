#pragma once
// A fake sysfs tree and mountinfo for tst_blockdevicelist, built under SysPaths::sysRoot / mountInfo (a QTemporaryDir):
// sdz (a 64 MiB "ATA QEMU HARDDISK", removable, 512/4096 sectors, no discard) with partitions sdz1, sdz2 (held by
// dm-0) and sdz10 (read-only); loop2 over "/tmp/img file.bin" with discard, mounted on a path with a tab; loop10 whose
// size is a folder (unreadable, also as root) and whose logical block size is garbage; sysRoot/dev/block links for
// 8:0 and 8:2. Header-only; test thread only.

#include "core/blockdevice.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <string>

namespace fakesysfs {

namespace fs = std::filesystem;

inline void writeText(const fs::path &file, const std::string &text)
{
    fs::create_directories(file.parent_path());
    std::ofstream out(file);
    out << text;
    QVERIFY2(out.good(), file.c_str());
}

// Builds the tree described above under paths.sysRoot and writes paths.mountInfo.
inline void build(const hexmap::SysPaths &paths)
{
    const fs::path sysRoot(paths.sysRoot);
    const fs::path sdz = sysRoot / "block/sdz";
    writeText(sdz / "dev", "8:0\n");
    writeText(sdz / "size", "131072\n");
    writeText(sdz / "ro", "0\n");
    writeText(sdz / "removable", "1\n");
    writeText(sdz / "device/model", "QEMU HARDDISK   \n");
    writeText(sdz / "device/vendor", "ATA     \n");
    writeText(sdz / "queue/logical_block_size", "512\n");
    writeText(sdz / "queue/physical_block_size", "4096\n");
    writeText(sdz / "queue/discard_max_bytes", "0\n");
    fs::create_directories(sdz / "holders");
    fs::create_directories(sdz / "power"); // a folder that is not a partition
    const std::pair<const char *, int> parts[] = {{"sdz1", 1}, {"sdz2", 2}, {"sdz10", 10}};
    for (const auto &[name, minor] : parts) {
        writeText(sdz / name / "partition", std::to_string(minor) + "\n");
        writeText(sdz / name / "dev", "8:" + std::to_string(minor) + "\n");
        writeText(sdz / name / "size", std::to_string(2048 * minor) + "\n");
        writeText(sdz / name / "ro", minor == 10 ? "1\n" : "0\n");
        fs::create_directories(sdz / name / "holders");
    }
    fs::create_directories(sdz / "sdz2/holders/dm-0");

    const fs::path loop2 = sysRoot / "block/loop2";
    writeText(loop2 / "dev", "7:2\n");
    writeText(loop2 / "size", "8\n");
    writeText(loop2 / "ro", "1\n");
    writeText(loop2 / "removable", "0\n");
    writeText(loop2 / "loop/backing_file", "/tmp/img file.bin\n");
    writeText(loop2 / "queue/logical_block_size", "4096\n");
    writeText(loop2 / "queue/discard_max_bytes", "4294966784\n");

    const fs::path loop10 = sysRoot / "block/loop10";
    writeText(loop10 / "dev", "7:10\n");
    fs::create_directories(loop10 / "size"); // reading it fails (EISDIR), also as root
    writeText(loop10 / "queue/logical_block_size", "garbage\n");

    fs::create_directories(sysRoot / "dev/block");
    fs::create_symlink("../../block/sdz", sysRoot / "dev/block/8:0");
    fs::create_symlink("../../block/sdz/sdz2", sysRoot / "dev/block/8:2");

    writeText(paths.mountInfo,
              "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
              "40 30 8:1 / /mnt/my\\040disk rw,relatime shared:1 - ext4 /dev/sdz1 rw\n"
              "41 30 8:1 /sub /srv/back\\134slash rw,relatime - ext4 /dev/sdz1 rw\n"
              "42 30 7:2 / /media/tab\\011here ro - iso9660 /dev/loop2 ro\n"
              "malformed line\n"
              "43 30 x:y / /nowhere rw - tmpfs tmpfs rw\n");
}

} // namespace fakesysfs
