#pragma once

#include "core/mappedfile.h"
#include "core/piecesnapshot.h"
#include "ui/compare/comparenavigator.h"

#include <QAbstractTableModel>

#include <optional>

namespace hexmap {

// The Differences list of a compare window: one row per run (offset on A, offset on B, length, the first bytes
// of each side in hex), produced lazily from the navigator, so a million runs cost no memory beyond the runs.
// The bytes are read through the two read-only mappings the window shows (never past a side's end), as the side's
// document (unsaved edits of its tab applied) when it has one.
// Thread: GUI thread only.
class CompareRunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { OffsetA, OffsetB, Length, BytesA, BytesB, ColumnCount };
    static constexpr std::size_t ShownBytes = 8;

    explicit CompareRunsModel(QObject *parent = nullptr);

    // One side: its mapping and the document over it (nullopt: the file as it is; offsets are the document's).
    struct Side {
        const MappedFile *file = nullptr;
        std::optional<PieceSnapshot> document;
    };
    // Replaces the rows; the files must stay alive while the model shows them.
    void reset(const CompareNavigator *navigator, Side a, Side b);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString bytesAt(const Side &side, std::uint64_t offset, std::uint64_t length) const;

    const CompareNavigator *m_navigator = nullptr;
    Side m_a;
    Side m_b;
};

} // namespace hexmap
