#pragma once

class QAbstractItemView;
class QHeaderView;

namespace hexmap {

// The least height an item view needs to show its horizontal header (when given and visible) and `rows` rows:
// used as the view's minimum height so a dock holding it can shrink in a small window (a QAbstractScrollArea's
// own minimum is much taller). Thread: GUI thread.
int compactItemViewHeight(const QAbstractItemView *view, const QHeaderView *header, int rows);

} // namespace hexmap
