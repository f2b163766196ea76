#include "app/cli/devicegate.h"

#include "app/cli/commandline.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"

#include <QJsonArray>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace hexmap::cli::devicegate {
namespace {

QString q(const std::string &s) { return CommandLine::fromStd(s); }

// "MODEL, 64 MiB" for messages; just the size without a model.
QString shortDescription(const BlockDeviceInfo &d)
{
    const QString size = q(formatSize(d.size));
    return d.model.empty() ? size : q(d.model) + QStringLiteral(", ") + size;
}

// Every use of the device (and of its partitions), naming which device each one concerns.
QStringList usesOf(const BlockDeviceInfo &d)
{
    QStringList uses;
    auto add = [&uses](const BlockDeviceInfo &one) {
        for (const auto &m : one.mountPoints)
            uses << QStringLiteral("mounted on %1 (%2)").arg(q(m), q(one.name));
        for (const auto &h : one.holders)
            uses << QStringLiteral("held by %1 (%2)").arg(q(h), q(one.name));
    };
    add(d);
    for (const auto &p : d.partitions)
        add(p);
    return uses;
}

// The whole disk of a partition, from the listing; nullopt when it cannot be found.
std::optional<BlockDeviceInfo> parentOf(const BlockDeviceInfo &partition)
{
    auto all = listBlockDevices();
    if (!all)
        return std::nullopt;
    for (auto &d : *all)
        if (d.name == partition.parentName)
            return std::move(d);
    return std::nullopt;
}

} // namespace

std::optional<int> refuseWrite(const CommandLine &cli, const std::string &path, bool *isDevice, int *claimFd)
{
    *isDevice = isBlockDevicePath(path);
    if (!*isDevice)
        return std::nullopt;
    const QString shownPath = q(path);
    auto info = describeBlockDevice(path);
    if (!cli.isSet(QStringLiteral("force"))) {
        const QString what = info ? QStringLiteral(" (%1)").arg(shortDescription(*info)) : QString();
        return cli.fail(ExitUsage, QStringLiteral("%1 is a block device%2: writing to it needs --force; nothing was "
                                                  "written").arg(shownPath, what));
    }
    if (!info)
        return cli.fail(ExitIoError, QStringLiteral("cannot tell whether %1 is mounted, so not writing: %2")
                                         .arg(shownPath, q(info.message())));
    QStringList uses = usesOf(*info);
    if (info->isPartition) {
        if (const auto disk = parentOf(*info)) {
            BlockDeviceInfo own = *disk;
            own.partitions.clear(); // the disk's own mounts and holders; the partition's are counted already
            uses << usesOf(own);
        }
    }
    if (!uses.isEmpty())
        return cli.fail(ExitUsage, QStringLiteral("%1 is in use: %2; not writing, even with --force (unmount it "
                                                  "first); nothing was written")
                                       .arg(shownPath, uses.join(QStringLiteral(", "))));
    // O_EXCL on a block device claims it: EBUSY while mounted, used for swap, held by dm/md or claimed by another
    // program (a disk counts as claimed while one of its partitions is); held until the command ends.
    const int fd = ::open(path.c_str(), O_RDONLY | O_EXCL | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0 && errno == EBUSY)
        return cli.fail(ExitUsage, QStringLiteral("%1 is in use: the kernel reports it busy (mounted, swap, "
                                                  "device-mapper/md, or held exclusively by another program); not "
                                                  "writing, even with --force; nothing was written")
                                       .arg(shownPath));
    *claimFd = fd; // -1 on another error (EACCES...): the open for writing reports it
    return std::nullopt;
}

std::optional<int> refuseResize(const CommandLine &cli, const std::string &path)
{
    if (!isBlockDevicePath(path))
        return std::nullopt;
    return cli.fail(ExitUsage, QStringLiteral("%1 is a block device: %2 would change its size, and a device cannot "
                                              "change size; nothing was written")
                                   .arg(q(path), cli.command()));
}

void describe(const CommandLine &cli, const std::string &path, const MappedFile &file, QJsonObject *json)
{
    auto info = describeBlockDevice(path);
    const bool writable = MappedFile::open(path, OpenMode::ReadWriteDevice).ok();
    const std::uint64_t size = file.size();
    QStringList partitions;
    QJsonArray partitionsJson;
    if (info) {
        for (const auto &p : info->partitions) {
            partitions << QStringLiteral("%1 (%2)").arg(q(p.path), q(formatSize(p.size)));
            QJsonObject o;
            o.insert(QStringLiteral("name"), q(p.name));
            o.insert(QStringLiteral("path"), q(p.path));
            o.insert(QStringLiteral("size"), static_cast<qint64>(p.size));
            QJsonArray mounts;
            for (const auto &m : p.mountPoints)
                mounts.append(q(m));
            o.insert(QStringLiteral("mountPoints"), mounts);
            partitionsJson.append(o);
        }
    }
    const QStringList uses = info ? usesOf(*info) : QStringList();
    if (cli.json()) {
        json->insert(QStringLiteral("blockDevice"), true);
        json->insert(QStringLiteral("size"), static_cast<qint64>(size));
        json->insert(QStringLiteral("logicalSectorSize"), static_cast<qint64>(file.logicalSectorSize()));
        json->insert(QStringLiteral("physicalSectorSize"), static_cast<qint64>(file.physicalSectorSize()));
        json->insert(QStringLiteral("readOnly"), !writable);
        json->insert(QStringLiteral("mapped"), file.isMapped());
        if (info) {
            json->insert(QStringLiteral("name"), q(info->name));
            json->insert(QStringLiteral("model"), q(info->model));
            json->insert(QStringLiteral("removable"), info->removable);
            json->insert(QStringLiteral("partition"), info->isPartition);
            json->insert(QStringLiteral("parent"), q(info->parentName));
            json->insert(QStringLiteral("discard"), info->supportsDiscard);
            json->insert(QStringLiteral("partitions"), partitionsJson);
            QJsonArray usesJson;
            for (const auto &u : mountsAndHolders(*info))
                usesJson.append(q(u));
            json->insert(QStringLiteral("mountsAndHolders"), usesJson);
        } else {
            json->insert(QStringLiteral("sysfsError"), q(info.message()));
        }
        return;
    }
    const auto yesNo = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); };
    printOut(QStringLiteral("file:       %1").arg(q(path)));
    printOut(QStringLiteral("size:       %1 bytes (%2)").arg(size).arg(q(formatSize(size))));
    printOut(QStringLiteral("sectors:    %1 bytes logical, %2 bytes physical")
                 .arg(file.logicalSectorSize())
                 .arg(file.physicalSectorSize()));
    if (info) {
        printOut(QStringLiteral("device:     %1 %2:%3%4")
                     .arg(info->isPartition ? QStringLiteral("partition") : QStringLiteral("block device"))
                     .arg(info->major)
                     .arg(info->minor)
                     .arg(info->isPartition ? QStringLiteral(" of ") + q(info->parentName) : QString()));
        printOut(QStringLiteral("model:      %1").arg(info->model.empty() ? QStringLiteral("(unknown)") : q(info->model)));
        printOut(QStringLiteral("removable:  %1").arg(yesNo(info->removable)));
        printOut(QStringLiteral("discard:    %1").arg(yesNo(info->supportsDiscard)));
        if (!info->isPartition)
            printOut(QStringLiteral("partitions: %1").arg(partitions.isEmpty() ? QStringLiteral("none")
                                                                               : partitions.join(QStringLiteral(", "))));
        printOut(QStringLiteral("in use:     %1").arg(uses.isEmpty() ? QStringLiteral("none")
                                                                     : uses.join(QStringLiteral(", "))));
    } else {
        printOut(QStringLiteral("device:     block device (sysfs: %1)").arg(q(info.message())));
    }
    printOut(QStringLiteral("page size:  %1 bytes").arg(MappedFile::pageSize()));
    printOut(QStringLiteral("mapping:    %1").arg(mappingDescription(file)));
    printOut(QStringLiteral("access:     %1").arg(writable ? QStringLiteral("read-write (with --force)")
                                                           : QStringLiteral("read-only")));
}

} // namespace hexmap::cli::devicegate
