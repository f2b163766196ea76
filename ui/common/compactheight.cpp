#include "ui/common/compactheight.h"

#include <QAbstractItemView>
#include <QFrame>
#include <QHeaderView>

#include <algorithm>

namespace hexmap {

int compactItemViewHeight(const QAbstractItemView *view, const QHeaderView *header, int rows)
{
    const int row = std::max(view->sizeHintForRow(0), view->fontMetrics().height() + 4);
    const int headerHeight = header && !header->isHidden() ? header->sizeHint().height() : 0;
    return 2 * view->frameWidth() + headerHeight + rows * row;
}

} // namespace hexmap
