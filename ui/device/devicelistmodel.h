#pragma once

#include "core/blockdevice.h"

#include <QAbstractItemModel>
#include <QString>

#include <vector>

namespace hexmap {

// DeviceListModel: the block devices of File > Open Device… as a two-level tree: whole disks (and loop, dm, md
// devices) at the top level in the order listBlockDevices() gives, each with its partitions as children (a
// QTreeView indents them). Columns: name (with the path as tool tip), model, size (human-readable; the exact byte
// count as tool tip), removable, read-only, mounted at (this device's mount points and holders; for a disk whose
// partitions are mounted, "partitions mounted" so that nobody takes it for unused). When there is nothing to show,
// stateText() says why: "No block devices found", or the listing's error. Plain data, no I/O: the dialog feeds it
// with listBlockDevices() (tests with hand-made vectors). Thread: GUI thread only (a Qt model).
class DeviceListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Model, Size, Removable, ReadOnly, Mounted, ColumnCount };

    explicit DeviceListModel(QObject *parent = nullptr);

    // Replaces the list (and clears an error).
    void setDevices(std::vector<BlockDeviceInfo> devices);
    // The listing failed: no rows, stateText() gives `message`.
    void setError(const QString &message);
    const std::vector<BlockDeviceInfo> &devices() const { return m_devices; }

    // The device of a row (a disk or a partition), or null for an invalid index.
    const BlockDeviceInfo *device(const QModelIndex &index) const;
    // The index of the device at `path` (column 0), invalid when not listed.
    QModelIndex indexOfPath(const QString &path) const;
    // Empty when there are rows; otherwise "No block devices found" or the error.
    QString stateText() const;

    // `devices` without those of size 0 (unattached loop devices, empty card readers), as lsblk lists them;
    // a disk keeps its partitions.
    static std::vector<BlockDeviceInfo> withoutEmpty(std::vector<BlockDeviceInfo> devices);

    // Cell texts, also used by tests and the dialog's summary line.
    static QString sizeText(std::uint64_t bytes);            // "64.00 MiB"
    static QString mountedText(const BlockDeviceInfo &device); // "/mnt/a, /mnt/b", "held by dm-0", "" when unused
    static QString yesNo(bool value);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // internalId: 0 for a top-level row, otherwise 1 + the index of the parent disk.
    std::vector<BlockDeviceInfo> m_devices;
    QString m_error;
};

} // namespace hexmap
