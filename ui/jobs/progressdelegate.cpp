#include "ui/jobs/progressdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

#include <algorithm>

namespace hexmap {

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant value = index.data(ProgressRole);
    if (!value.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, widget); // selection background
    // The bar on the left, its label to the right of it: text never sits on a coloured chunk.
    const int textWidth = std::min(option.rect.width() / 2, option.fontMetrics.horizontalAdvance(QStringLiteral("000.00 MiB")) + 6);
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 3, -textWidth - 2, -3);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = value.toInt();
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = false;
    bar.textAlignment = Qt::AlignCenter;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    const QVariant color = index.data(ColorRole);
    if (color.isValid()) {
        const QColor c = color.value<QColor>();
        bar.palette.setColor(QPalette::Highlight, c);
        bar.palette.setColor(QPalette::HighlightedText, c.lightness() > 150 ? Qt::black : Qt::white);
    }
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    const QRect textRect(bar.rect.right() + 6, option.rect.top(), textWidth - 4, option.rect.height());
    painter->save();
    painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                                : QPalette::Text));
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignRight, bar.text);
    painter->restore();
}

} // namespace hexmap
