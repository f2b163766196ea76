// listBlockDevices / describeBlockDevice / mountsAndHolders on a fake sysfs tree and a fake mountinfo built in a
// QTemporaryDir (no root needed, except for the one case that needs a real block-device node made with mknod):
// names in natural order, sizes in bytes, partitions, models, sector sizes, mount points with octal escapes,
// holders, and a device with unreadable attributes that stays in the list.
#include "fakesysfs.h"

#include "core/blockdevice.h"

#include <QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace hexmap;
namespace fs = std::filesystem;

namespace {

const BlockDeviceInfo *findDevice(const std::vector<BlockDeviceInfo> &devices, const std::string &name)
{
    for (const auto &d : devices)
        if (d.name == name)
            return &d;
    return nullptr;
}

} // namespace

class TestBlockDeviceList : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SysPaths m_paths;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string root = m_dir.path().toStdString();
        m_paths.sysRoot = root + "/sys";
        m_paths.mountInfo = root + "/mountinfo";
        m_paths.devRoot = root + "/dev";
        fakesysfs::build(m_paths);
    }

    void namesInNaturalOrder()
    {
        const auto devices = listBlockDevices(m_paths);
        QVERIFY2(devices.ok(), devices.message().c_str());
        QCOMPARE(devices->size(), std::size_t(3));
        QCOMPARE(devices->at(0).name, std::string("loop2"));
        QCOMPARE(devices->at(1).name, std::string("loop10"));
        QCOMPARE(devices->at(2).name, std::string("sdz"));
        QCOMPARE(devices->at(2).path, m_paths.devRoot + "/sdz");
    }

    void wholeDiskAttributes()
    {
        const auto devices = listBlockDevices(m_paths);
        QVERIFY(devices.ok());
        const BlockDeviceInfo *sdz = findDevice(*devices, "sdz");
        QVERIFY(sdz);
        QCOMPARE(sdz->major, 8u);
        QCOMPARE(sdz->minor, 0u);
        QCOMPARE(sdz->size, std::uint64_t(64) << 20);
        QCOMPARE(sdz->logicalSectorSize, 512u);
        QCOMPARE(sdz->physicalSectorSize, 4096u);
        QVERIFY(sdz->removable);
        QVERIFY(!sdz->readOnly);
        QVERIFY(!sdz->supportsDiscard);
        QVERIFY(!sdz->isPartition);
        QVERIFY(sdz->parentName.empty());
        QCOMPARE(sdz->model, std::string("QEMU HARDDISK")); // trimmed; the vendor "ATA" says nothing
    }

    void partitions()
    {
        const auto devices = listBlockDevices(m_paths);
        QVERIFY(devices.ok());
        const BlockDeviceInfo *sdz = findDevice(*devices, "sdz");
        QVERIFY(sdz);
        QCOMPARE(sdz->partitions.size(), std::size_t(3));
        const char *names[] = {"sdz1", "sdz2", "sdz10"};
        const std::uint32_t minors[] = {1, 2, 10};
        for (int i = 0; i < 3; ++i) {
            const BlockDeviceInfo &p = sdz->partitions[static_cast<std::size_t>(i)];
            QCOMPARE(p.name, std::string(names[i]));
            QCOMPARE(p.path, m_paths.devRoot + "/" + names[i]);
            QCOMPARE(p.minor, minors[i]);
            QCOMPARE(p.size, std::uint64_t(2048) * minors[i] * 512);
            QVERIFY(p.isPartition);
            QCOMPARE(p.parentName, std::string("sdz"));
            QCOMPARE(p.logicalSectorSize, 512u);
            QCOMPARE(p.physicalSectorSize, 4096u);
            QCOMPARE(p.model, sdz->model);
            QVERIFY(p.partitions.empty());
            QCOMPARE(p.readOnly, minors[i] == 10);
        }
    }

    void loopDevice()
    {
        const auto devices = listBlockDevices(m_paths);
        QVERIFY(devices.ok());
        const BlockDeviceInfo *loop = findDevice(*devices, "loop2");
        QVERIFY(loop);
        QCOMPARE(loop->model, std::string("loop: /tmp/img file.bin"));
        QCOMPARE(loop->size, std::uint64_t(4096));
        QCOMPARE(loop->logicalSectorSize, 4096u);
        QCOMPARE(loop->physicalSectorSize, 512u); // not in the tree: the default
        QVERIFY(loop->readOnly);
        QVERIFY(loop->supportsDiscard);
        QVERIFY(loop->partitions.empty());
    }

    void mountPointsWithEscapes()
    {
        const auto devices = listBlockDevices(m_paths);
        QVERIFY(devices.ok());
        const BlockDeviceInfo *sdz = findDevice(*devices, "sdz");
        const BlockDeviceInfo *loop = findDevice(*devices, "loop2");
        QVERIFY(sdz && loop);
        QVERIFY(sdz->mountPoints.empty()); // the disk itself is not mounted, its partition is
        QCOMPARE(sdz->partitions[0].mountPoints,
                 (std::vector<std::string>{"/mnt/my disk", "/srv/back\\slash"}));
        QCOMPARE(loop->mountPoints, std::vector<std::string>{"/media/tab\there"});
        QVERIFY(sdz->partitions[1].mountPoints.empty());
    }

    void holdersAndUses()
    {
        const auto devices = listBlockDevices(m_paths);
        QVERIFY(devices.ok());
        const BlockDeviceInfo *sdz = findDevice(*devices, "sdz");
        const BlockDeviceInfo *loop10 = findDevice(*devices, "loop10");
        QVERIFY(sdz && loop10);
        QCOMPARE(sdz->partitions[1].holders, std::vector<std::string>{"dm-0"});
        QVERIFY(sdz->holders.empty());
        QCOMPARE(mountsAndHolders(*sdz),
                 (std::vector<std::string>{"/mnt/my disk", "/srv/back\\slash", "held by dm-0"}));
        QCOMPARE(mountsAndHolders(sdz->partitions[1]), std::vector<std::string>{"held by dm-0"});
        QVERIFY(sdz->isInUse());
        QVERIFY(mountsAndHolders(*loop10).empty());
        QVERIFY(!loop10->isInUse());
        QVERIFY(!sdz->partitions[2].isInUse());
    }

    void unreadableAttributeKeepsTheDevice()
    {
        const auto devices = listBlockDevices(m_paths);
        QVERIFY(devices.ok());
        const BlockDeviceInfo *loop10 = findDevice(*devices, "loop10");
        QVERIFY(loop10);
        QCOMPARE(loop10->size, std::uint64_t(0));
        QCOMPARE(loop10->logicalSectorSize, 512u);
        QCOMPARE(loop10->major, 7u);
        QCOMPARE(loop10->minor, 10u);
        QVERIFY(loop10->model.empty());
    }

    void missingMountInfoLeavesNoMounts()
    {
        SysPaths paths = m_paths;
        paths.mountInfo = m_paths.mountInfo + ".missing";
        const auto devices = listBlockDevices(paths);
        QVERIFY(devices.ok());
        QVERIFY(mountsAndHolders(*findDevice(*devices, "loop2")).empty());
    }

    void missingSysfsFailsNamingIt()
    {
        SysPaths paths = m_paths;
        paths.sysRoot = m_paths.sysRoot + "-missing";
        const auto devices = listBlockDevices(paths);
        QVERIFY(!devices.ok());
        QCOMPARE(devices.code(), std::error_code(ENOENT, std::system_category()));
        QVERIFY(devices.message().find(paths.sysRoot + "/block") != std::string::npos);
    }

    void unescape_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "/mnt/usb" << "/mnt/usb";
        QTest::newRow("space") << "/mnt/a\\040b" << "/mnt/a b";
        QTest::newRow("newline") << "/x\\012y" << "/x\ny";
        QTest::newRow("backslash") << "/x\\134y" << "/x\\y";
        QTest::newRow("short escape at end") << "/x\\04" << "/x\\04";
        QTest::newRow("not octal") << "/x\\08a" << "/x\\08a";
    }
    void unescape()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(unescapeMountPath(field.toStdString())), expected);
    }

    void describeRegularFileIsRefused()
    {
        const std::string file = m_dir.filePath("plain.bin").toStdString();
        fakesysfs::writeText(file, "abc");
        QVERIFY(!isBlockDevicePath(file));
        QVERIFY(!isBlockDevicePath(file + ".missing"));
        const auto info = describeBlockDevice(file, m_paths);
        QVERIFY(!info.ok());
        QCOMPARE(info.code(), make_error_code(Errc::NotRegularFile));
        QVERIFY(info.message().find("not a block device") != std::string::npos);
        QCOMPARE(describeBlockDevice(file + ".missing", m_paths).code(), std::error_code(ENOENT, std::system_category()));
    }

    // A block-device node 8:2 and 8:0 (mknod: root only) reached through a symlink, as /dev/disk/by-id/... is.
    void describeNodeThroughSymlink()
    {
        if (::geteuid() != 0)
            QSKIP("mknod of a block-device node needs root (CI runs as root)");
        const std::string node = m_dir.filePath("node-8-2").toStdString();
        const std::string disk = m_dir.filePath("node-8-0").toStdString();
        QCOMPARE(::mknod(node.c_str(), S_IFBLK | 0600, ::makedev(8, 2)), 0);
        QCOMPARE(::mknod(disk.c_str(), S_IFBLK | 0600, ::makedev(8, 0)), 0);
        const std::string link = m_dir.filePath("by-id-link").toStdString();
        fs::create_symlink(node, link);
        QVERIFY(isBlockDevicePath(link));

        const auto part = describeBlockDevice(link, m_paths);
        QVERIFY2(part.ok(), part.message().c_str());
        QCOMPARE(part->path, link);
        QCOMPARE(part->name, std::string("sdz2"));
        QVERIFY(part->isPartition);
        QCOMPARE(part->parentName, std::string("sdz"));
        QCOMPARE(part->holders, std::vector<std::string>{"dm-0"});
        QCOMPARE(part->physicalSectorSize, 4096u);

        const auto whole = describeBlockDevice(disk, m_paths);
        QVERIFY2(whole.ok(), whole.message().c_str());
        QCOMPARE(whole->name, std::string("sdz"));
        QCOMPARE(whole->partitions.size(), std::size_t(3));
        QCOMPARE(whole->size, std::uint64_t(64) << 20);
        QCOMPARE(mountsAndHolders(*whole).front(), std::string("/mnt/my disk"));

        // 8:3 is not in the fake sysfs: the error names the sysfs entry it looked for.
        const std::string unknown = m_dir.filePath("node-8-3").toStdString();
        QCOMPARE(::mknod(unknown.c_str(), S_IFBLK | 0600, ::makedev(8, 3)), 0);
        const auto missing = describeBlockDevice(unknown, m_paths);
        QVERIFY(!missing.ok());
        QVERIFY(missing.message().find("/dev/block/8:3") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestBlockDeviceList)
#include "tst_blockdevicelist.moc"
