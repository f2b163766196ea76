#include "ui/edit/inspectortable.h"

#include <QEvent>
#include <QHelpEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStyle>
#include <QToolTip>

#include <algorithm>

namespace hexmap {

namespace {

constexpr int kValueColumn = 1;

// The longest texts a value cell can show: the 64-bit integer limits, the longest shortest-round-trip float64
// ("-2.2250738585072014e-308", 24 characters) and a combining character with its code point.
QStringList longestValues()
{
    return {QStringLiteral("-9223372036854775808"), QStringLiteral("18446744073709551615"),
            QStringLiteral("-2.2250738585072014e-308"), QString::fromUtf8("\u25CC\u07AD (U+07AD, combining)")};
}

} // namespace

InspectorTable::InspectorTable(QWidget *parent)
    : QTableWidget(ValueDecoder::kTypeCount, 2, parent), m_hints(ValueDecoder::kTypeCount),
      m_available(ValueDecoder::kTypeCount, true)
{
    setHorizontalHeaderLabels({tr("Type"), tr("Value")});
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    setTextElideMode(Qt::ElideRight);
    for (int row = 0; row < ValueDecoder::kTypeCount; ++row) {
        auto *name = new QTableWidgetItem(ValueDecoder::name(ValueDecoder::Type(row)));
        name->setFlags(Qt::ItemIsEnabled);
        setItem(row, 0, name);
        setItem(row, kValueColumn, new QTableWidgetItem());
    }
    resizeRowsToContents();
}

void InspectorTable::setValue(ValueDecoder::Type type, const QString &text, bool available, bool editable,
                              const QString &readOnlyHint)
{
    const int row = int(type);
    QTableWidgetItem *cell = item(row, kValueColumn);
    cell->setText(text);
    m_available[row] = available;
    if (available)
        cell->setData(Qt::ForegroundRole, QVariant()); // the palette's text colour, whatever the theme
    else
        cell->setForeground(palette().color(QPalette::PlaceholderText));
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (editable)
        flags |= Qt::ItemIsEditable;
    cell->setFlags(flags);
    m_hints[row] = !available ? tr("The value runs past the end of the file") : editable ? QString() : readOnlyHint;
}

QString InspectorTable::valueText(ValueDecoder::Type type) const { return item(int(type), kValueColumn)->text(); }

QString InspectorTable::valueToolTip(ValueDecoder::Type type) const
{
    QStringList lines;
    if (isValueElided(type))
        lines << valueText(type);
    if (!m_hints[int(type)].isEmpty())
        lines << m_hints[int(type)];
    return lines.join(QLatin1Char('\n'));
}

int InspectorTable::cellTextMargin() const
{
    // QStyledItemDelegate's text rectangle: the cell minus (PM_FocusFrameHMargin + 1) on each side.
    return style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1;
}

bool InspectorTable::isValueElided(ValueDecoder::Type type) const
{
    const int available = columnWidth(kValueColumn) - 2 * cellTextMargin();
    return fontMetrics().horizontalAdvance(valueText(type)) > available;
}

int InspectorTable::fullValueColumnWidth() const
{
    int widest = 0;
    for (const QString &text : longestValues())
        widest = std::max(widest, fontMetrics().horizontalAdvance(text));
    return widest + 2 * cellTextMargin() + fontMetrics().averageCharWidth(); // a character of slack
}

QSize InspectorTable::sizeHint() const
{
    // Type column (sized to its names) + the full value column + the frame, and room for a vertical scroll bar
    // so that a short dock scrolling its rows does not elide them either.
    const int typeWidth = std::max(horizontalHeader()->sectionSize(0), sizeHintForColumn(0));
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar());
    const int width = typeWidth + fullValueColumnWidth() + 2 * frameWidth() + scrollBar;
    int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
    for (int row = 0; row < rowCount(); ++row)
        height += rowHeight(row);
    return {width, height};
}

void InspectorTable::changeEvent(QEvent *event)
{
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        for (int row = 0; row < rowCount(); ++row)
            if (!m_available[row])
                item(row, kValueColumn)->setForeground(palette().color(QPalette::PlaceholderText));
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        resizeRowsToContents();
        updateGeometry();
    }
}

bool InspectorTable::edit(const QModelIndex &index, EditTrigger trigger, QEvent *event)
{
    if (QTableWidget::edit(index, trigger, event))
        return true;
    if (!index.isValid() || index.column() != kValueColumn
        || (item(index.row(), kValueColumn)->flags() & Qt::ItemIsEditable))
        return false;
    bool typed = false; // a printable character without a shortcut modifier (not Ctrl+C)
    if (trigger == AnyKeyPressed && event && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<const QKeyEvent *>(event);
        typed = key->text().size() == 1 && key->text()[0].isPrint()
                && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    }
    if (trigger == DoubleClicked || trigger == EditKeyPressed || typed)
        emit editRefused(ValueDecoder::Type(index.row()));
    return false;
}

bool InspectorTable::viewportEvent(QEvent *event)
{
    // The value cells' tooltip is computed when asked: it depends on the column's current width.
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        if (index.isValid() && index.column() == kValueColumn) {
            const QString tip = valueToolTip(ValueDecoder::Type(index.row()));
            if (tip.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), tip, viewport(), visualRect(index));
            return true;
        }
    }
    return QTableWidget::viewportEvent(event);
}

} // namespace hexmap
