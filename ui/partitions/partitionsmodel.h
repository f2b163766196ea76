#pragma once

#include "core/partitiontable.h"

#include <QAbstractTableModel>

namespace hexmap {

// PartitionsModel: a disk image's partition table as a table model for the Partitions dock: one row per partition
// in table order, columns number, start ("0x…"), size (bytes in words, the exact count in the tooltip), type and
// name. Extended MBR containers are listed (type "Extended"), their logicals after them. rangeAt(row) is the
// partition's bytes. The scheme, sector size and the parser's warnings are kept for the dock's header line.
// Owned by its QObject parent. Thread: GUI thread only.
class PartitionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NumberColumn, StartColumn, SizeColumn, TypeColumn, NameColumn, ColumnCount };

    explicit PartitionsModel(QObject *parent = nullptr);

    void setTable(PartitionTable table);
    const PartitionTable &table() const { return m_table; }
    // The partition's bytes in `row`; empty for a row out of range.
    ByteRange rangeAt(int row) const;
    // "GPT, 512-byte sectors, 3 partitions"; "No partition table found" when there is none.
    QString summary() const;
    // The parser's warnings, one per line (empty when there were none).
    QString warningsText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    PartitionTable m_table;
};

} // namespace hexmap
