#pragma once

#include "core/blockdevice.h"
#include "core/mappedfile.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>

namespace hexmap::cli {

class CommandLine;

// The CLI's rules for block devices (issue 18). A write command (fill, zero, pattern, sync) on a device is refused
// without --force (exit 2: the message names the device and says to add --force; nothing is opened for writing),
// and refused even with --force while the device, one of its partitions or (for a partition) its disk is mounted
// or held by device-mapper/md (exit 2: the message names the mount point). Insert and delete are always refused on
// a device (a device cannot change size). Thread: the main thread only.
namespace devicegate {

// What may write `path`: nullopt when it is not a block device (open it as a file) or when writing is allowed
// (open it with OpenMode::ReadWriteDevice); else the exit code after reporting why not. When allowed, *claimFd
// receives a descriptor of the device opened with O_EXCL, to keep open while writing: the kernel then refuses to
// mount it (or use it for swap, LVM, md) meanwhile, and a device that something holds exclusively already (also
// in another mount namespace, where mountinfo cannot see it) is refused here with EBUSY (exit 2).
std::optional<int> refuseWrite(const CommandLine &cli, const std::string &path, bool *isDevice, int *claimFd);
// Refuses insert/delete on a device (exit 2, reported); nullopt for anything else.
std::optional<int> refuseResize(const CommandLine &cli, const std::string &path);
// info's lines (or JSON members added to `json`) about the device `file` at `path`: model, sector sizes,
// removable, read-only, partitions, mounts and holders.
void describe(const CommandLine &cli, const std::string &path, const MappedFile &file, QJsonObject *json);

} // namespace devicegate
} // namespace hexmap::cli
