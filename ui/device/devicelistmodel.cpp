#include "ui/device/devicelistmodel.h"

#include "core/numberparser.h"

#include <QLocale>
#include <QStringList>

namespace hexmap {
namespace {

QString exactBytes(std::uint64_t bytes)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions); // "67,108,864"
    return DeviceListModel::tr("%1 bytes").arg(c.toString(static_cast<qulonglong>(bytes)));
}

// This very device's own uses: mount points, then "held by dm-0".
QStringList ownUses(const BlockDeviceInfo &device)
{
    QStringList uses;
    for (const std::string &point : device.mountPoints)
        uses << QString::fromStdString(point);
    for (const std::string &holder : device.holders)
        uses << DeviceListModel::tr("held by %1").arg(QString::fromStdString(holder));
    return uses;
}

} // namespace

DeviceListModel::DeviceListModel(QObject *parent) : QAbstractItemModel(parent) {}

void DeviceListModel::setDevices(std::vector<BlockDeviceInfo> devices)
{
    beginResetModel();
    m_devices = std::move(devices);
    m_error.clear();
    endResetModel();
}

void DeviceListModel::setError(const QString &message)
{
    beginResetModel();
    m_devices.clear();
    m_error = message;
    endResetModel();
}

const BlockDeviceInfo *DeviceListModel::device(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (index.internalId() == 0)
        return std::size_t(index.row()) < m_devices.size() ? &m_devices[std::size_t(index.row())] : nullptr;
    const std::size_t disk = std::size_t(index.internalId() - 1);
    if (disk >= m_devices.size() || std::size_t(index.row()) >= m_devices[disk].partitions.size())
        return nullptr;
    return &m_devices[disk].partitions[std::size_t(index.row())];
}

QModelIndex DeviceListModel::indexOfPath(const QString &path) const
{
    const std::string wanted = path.toStdString();
    for (std::size_t d = 0; d < m_devices.size(); ++d) {
        if (m_devices[d].path == wanted)
            return createIndex(int(d), 0, quintptr(0));
        const auto &parts = m_devices[d].partitions;
        for (std::size_t p = 0; p < parts.size(); ++p)
            if (parts[p].path == wanted)
                return createIndex(int(p), 0, quintptr(d + 1));
    }
    return {};
}

QString DeviceListModel::stateText() const
{
    if (!m_devices.empty())
        return {};
    return m_error.isEmpty() ? tr("No block devices found") : m_error;
}

std::vector<BlockDeviceInfo> DeviceListModel::withoutEmpty(std::vector<BlockDeviceInfo> devices)
{
    std::erase_if(devices, [](const BlockDeviceInfo &d) { return d.size == 0; });
    return devices;
}

QString DeviceListModel::sizeText(std::uint64_t bytes)
{
    return QString::fromStdString(formatSize(bytes));
}

QString DeviceListModel::mountedText(const BlockDeviceInfo &device)
{
    QStringList uses = ownUses(device);
    for (const BlockDeviceInfo &part : device.partitions) // a disk is in use when a partition is
        for (const QString &use : ownUses(part))
            uses << tr("%1 (on %2)").arg(use, QString::fromStdString(part.name));
    return uses.join(QStringLiteral(", "));
}

QString DeviceListModel::yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QModelIndex DeviceListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return std::size_t(row) < m_devices.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || std::size_t(parent.row()) >= m_devices.size())
        return {}; // partitions have no children
    const auto &parts = m_devices[std::size_t(parent.row())].partitions;
    return std::size_t(row) < parts.size() ? createIndex(row, column, quintptr(parent.row()) + 1) : QModelIndex();
}

QModelIndex DeviceListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int DeviceListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_devices.size());
    if (parent.column() != 0 || parent.internalId() != 0 || std::size_t(parent.row()) >= m_devices.size())
        return 0;
    return int(m_devices[std::size_t(parent.row())].partitions.size());
}

int DeviceListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DeviceListModel::data(const QModelIndex &index, int role) const
{
    const BlockDeviceInfo *d = device(index);
    if (!d)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return QString::fromStdString(d->name);
        case Model: return QString::fromStdString(d->model);
        case Size: return sizeText(d->size);
        case Removable: return yesNo(d->removable);
        case ReadOnly: return yesNo(d->readOnly);
        case Mounted: return mountedText(*d);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name: return QString::fromStdString(d->path);
        case Size: return exactBytes(d->size);
        case Model: return QString::fromStdString(d->model);
        case Mounted: return mountedText(*d);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DeviceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Device");
    case Model: return tr("Model");
    case Size: return tr("Size");
    case Removable: return tr("Removable");
    case ReadOnly: return tr("Read-only");
    case Mounted: return tr("Mounted / in use");
    default: return {};
    }
}

} // namespace hexmap
