#pragma once

#include <QStyledItemDelegate>

namespace hexmap {

// Paints a progress bar in a view cell: value from ProgressRole (0..1000), bar colour from ColorRole (optional),
// label from Qt::DisplayRole. No widget per row, so a dock with many jobs and workers stays cheap.
// Thread: GUI thread only.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int ProgressRole = Qt::UserRole + 10;
    static constexpr int ColorRole = Qt::UserRole + 11;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace hexmap
