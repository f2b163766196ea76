// DeviceListModel over hand-made BlockDeviceInfo vectors: the tree of disks and partitions, the cell texts
// (size, mounted, flags) and the empty and error states. No root, no sysfs.
#include "devicetesthelpers.h"
#include "ui/device/devicelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hexmap;

class TestDeviceListModel : public QObject {
    Q_OBJECT

    static QString cell(const DeviceListModel &model, const QModelIndex &row, int column)
    {
        return model.data(row.siblingAtColumn(column)).toString();
    }

private slots:
    void rowsAndPartitionsAsChildren()
    {
        DeviceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDevices(devicetest::sampleDevices());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(DeviceListModel::ColumnCount));
        const QModelIndex sda = model.index(0, 0);
        QCOMPARE(cell(model, sda, DeviceListModel::Name), QStringLiteral("sda"));
        QCOMPARE(model.rowCount(sda), 2); // partitions are children: the view indents them
        const QModelIndex sda2 = model.index(1, 0, sda);
        QCOMPARE(cell(model, sda2, DeviceListModel::Name), QStringLiteral("sda2"));
        QCOMPARE(model.parent(sda2), sda);
        QVERIFY(!model.parent(sda).isValid());
        QCOMPARE(model.rowCount(sda2), 0);
        QCOMPARE(model.rowCount(model.index(1, 0)), 0); // sdb has no partitions
        QCOMPARE(QString::fromStdString(model.device(sda2)->path), QStringLiteral("/dev/sda2"));
        QCOMPARE(model.data(sda2, Qt::ToolTipRole).toString(), QStringLiteral("/dev/sda2"));
        QCOMPARE(model.indexOfPath(QStringLiteral("/dev/sda2")), sda2);
        QCOMPARE(model.indexOfPath(QStringLiteral("/dev/loop0")), model.index(2, 0));
        QVERIFY(!model.indexOfPath(QStringLiteral("/dev/nvme0n1")).isValid());
        QVERIFY(model.stateText().isEmpty());
    }

    void cellTexts()
    {
        DeviceListModel model;
        model.setDevices(devicetest::sampleDevices());
        const QModelIndex sda = model.index(0, 0);
        QCOMPARE(cell(model, sda, DeviceListModel::Model), QStringLiteral("QEMU HARDDISK"));
        QCOMPARE(cell(model, sda, DeviceListModel::Size), QStringLiteral("64.00 MiB"));
        QCOMPARE(model.data(sda.siblingAtColumn(DeviceListModel::Size), Qt::ToolTipRole).toString(),
                 QStringLiteral("67,108,864 bytes"));
        QCOMPARE(cell(model, model.index(1, 0), DeviceListModel::Size), QStringLiteral("1.50 GiB"));
        QCOMPARE(cell(model, model.index(2, 0), DeviceListModel::Size), QStringLiteral("1000 B"));
        // Mounted: the partition's own mount point (with its space); the disk names the partition that is.
        QCOMPARE(cell(model, model.index(1, 0, sda), DeviceListModel::Mounted), QStringLiteral("/mnt/my data"));
        QCOMPARE(cell(model, model.index(0, 0, sda), DeviceListModel::Mounted), QString());
        QCOMPARE(cell(model, sda, DeviceListModel::Mounted), QStringLiteral("/mnt/my data (on sda2)"));
        QCOMPARE(cell(model, model.index(2, 0), DeviceListModel::Mounted), QStringLiteral("held by dm-0"));
        QCOMPARE(cell(model, model.index(1, 0), DeviceListModel::Mounted), QString());
    }

    void flags()
    {
        DeviceListModel model;
        model.setDevices(devicetest::sampleDevices());
        QCOMPARE(cell(model, model.index(1, 0), DeviceListModel::Removable), QStringLiteral("yes"));
        QCOMPARE(cell(model, model.index(1, 0), DeviceListModel::ReadOnly), QStringLiteral("yes"));
        QCOMPARE(cell(model, model.index(0, 0), DeviceListModel::Removable), QStringLiteral("no"));
        QCOMPARE(cell(model, model.index(0, 0), DeviceListModel::ReadOnly), QStringLiteral("no"));
    }

    void emptyState()
    {
        DeviceListModel model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.stateText(), QStringLiteral("No block devices found"));
        model.setDevices(devicetest::sampleDevices());
        QVERIFY(model.stateText().isEmpty());
        model.setDevices({});
        QCOMPARE(model.stateText(), QStringLiteral("No block devices found"));
    }

    void errorStateReplacesTheRows()
    {
        DeviceListModel model;
        model.setDevices(devicetest::sampleDevices());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setError(QStringLiteral("/sys/block: Permission denied"));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.stateText(), QStringLiteral("/sys/block: Permission denied"));
        model.setDevices(devicetest::sampleDevices()); // a refresh that works clears the error
        QVERIFY(model.stateText().isEmpty());
        QCOMPARE(model.rowCount(), 3);
    }

    void emptyDevicesAreLeftOut()
    {
        std::vector<BlockDeviceInfo> devices = devicetest::sampleDevices();
        devices.push_back(devicetest::device("loop7", 0)); // an unattached loop device
        const auto shown = DeviceListModel::withoutEmpty(devices);
        QCOMPARE(shown.size(), std::size_t(3));
        QCOMPARE(shown[0].partitions.size(), std::size_t(2));
        for (const BlockDeviceInfo &d : shown)
            QVERIFY(d.name != "loop7");
        QVERIFY(DeviceListModel::withoutEmpty({devicetest::device("loop0", 0)}).empty());
    }

    void invalidIndexesHaveNoDevice()
    {
        DeviceListModel model;
        model.setDevices(devicetest::sampleDevices());
        QVERIFY(!model.device(QModelIndex()));
        QVERIFY(!model.index(3, 0).isValid());
        QVERIFY(!model.index(0, DeviceListModel::ColumnCount).isValid());
        QVERIFY(!model.index(2, 0, model.index(0, 0)).isValid()); // sda has two partitions
        QVERIFY(!model.index(0, 0, model.index(0, 0, model.index(0, 0))).isValid()); // no grandchildren
    }
};

QTEST_GUILESS_MAIN(TestDeviceListModel)
#include "tst_devicelistmodel.moc"
