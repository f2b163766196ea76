#include "ui/partitions/partitionsmodel.h"

#include "core/numberparser.h"

namespace hexmap {

PartitionsModel::PartitionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void PartitionsModel::setTable(PartitionTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

ByteRange PartitionsModel::rangeAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_table.partitions[std::size_t(row)].range;
}

QString PartitionsModel::summary() const
{
    if (m_table.scheme == PartitionScheme::None)
        return tr("No partition table found");
    const QString scheme = m_table.scheme == PartitionScheme::Gpt ? QStringLiteral("GPT") : QStringLiteral("MBR");
    if (rowCount() == 1)
        return tr("%1, %2-byte sectors, 1 partition").arg(scheme).arg(m_table.sectorSize);
    return tr("%1, %2-byte sectors, %3 partitions").arg(scheme).arg(m_table.sectorSize).arg(rowCount());
}

QString PartitionsModel::warningsText() const
{
    QStringList lines;
    for (const std::string &w : m_table.warnings)
        lines << QString::fromStdString(w);
    return lines.join(QLatin1Char('\n'));
}

int PartitionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.partitions.size());
}

int PartitionsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PartitionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Partition &p = m_table.partitions[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NumberColumn:
            return p.number;
        case StartColumn:
            return QStringLiteral("0x") + QString::number(p.range.offset, 16).toUpper();
        case SizeColumn:
            return QString::fromStdString(formatSize(p.range.size));
        case TypeColumn:
            return p.bootable ? tr("%1 (bootable)").arg(QString::fromStdString(p.typeName))
                              : QString::fromStdString(p.typeName);
        case NameColumn:
            return QString::fromUtf8(p.name);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        return tr("Partition %1: bytes 0x%2 – 0x%3 (%4 bytes), type %5")
            .arg(p.number)
            .arg(QString::number(p.range.offset, 16).toUpper(),
                 QString::number(p.range.isEmpty() ? p.range.offset : p.range.end() - 1, 16).toUpper())
            .arg(p.range.size)
            .arg(QString::fromStdString(p.typeId));
    }
    if (role == Qt::TextAlignmentRole && (index.column() == NumberColumn || index.column() == StartColumn ||
                                          index.column() == SizeColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PartitionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case StartColumn:
        return tr("Start");
    case SizeColumn:
        return tr("Size");
    case TypeColumn:
        return tr("Type");
    case NameColumn:
        return tr("Name");
    default:
        return {};
    }
}

} // namespace hexmap
