#pragma once

#include "ui/edit/valuedecoder.h"

#include <QTableWidget>

namespace hexmap {

// InspectorTable: the data inspector's two columns (type name | value), one row per ValueDecoder::Type. Its size
// hint is wide enough for the longest value any row can show (int64/uint64 limits, a float64 in full, a combining
// character), so a dock at its default width elides nothing; narrower (small windows) a value cut with "…" carries
// its full text as the tooltip. Values use the palette's text colour (so a theme change shows at once);
// unavailable ones are dimmed. Owned by its InspectorDock (QObject parent). Thread: GUI thread only.
class InspectorTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit InspectorTable(QWidget *parent = nullptr);

    // Shows `text` in the row of `type`. available = false dims it (the value runs past the end); editable makes
    // the cell editable; otherwise, when readOnlyHint is not empty, the cell's tooltip says why it cannot be edited.
    void setValue(ValueDecoder::Type type, const QString &text, bool available, bool editable,
                  const QString &readOnlyHint);
    QString valueText(ValueDecoder::Type type) const;
    // The tooltip of a value cell: the full value when it is elided, then why it cannot be edited (if it cannot).
    QString valueToolTip(ValueDecoder::Type type) const;
    // True when the row's value does not fit its cell (the delegate draws it elided).
    bool isValueElided(ValueDecoder::Type type) const;
    // The width of the value column's longest possible text, cell margins included.
    int fullValueColumnWidth() const;

    QSize sizeHint() const override;

signals:
    // The user tried to edit a value cell that is not editable (double-click, F2, or typing a character on it).
    void editRefused(hexmap::ValueDecoder::Type type);

protected:
    void changeEvent(QEvent *event) override;
    bool edit(const QModelIndex &index, EditTrigger trigger, QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    int cellTextMargin() const; // the delegate's padding on each side of a cell's text

    QStringList m_hints; // per row: why the value is unavailable or cannot be edited (empty when it can)
    QList<bool> m_available;
};

} // namespace hexmap
