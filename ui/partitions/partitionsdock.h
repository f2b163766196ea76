#pragma once

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QTreeView;

namespace hexmap {

class DocumentPartitions;
class HexView;
class PartitionsModel;

// The Partitions dock: the current document's partition table (PartitionsModel: number, start, size, type, name)
// under a line naming the scheme and sector size, and the parser's warnings (a damaged table) under it. Clicking or
// activating (Enter, double click) a row moves the view's cursor to the partition's start and selects the
// partition. Without a table (or a file) it says "No partition table found". Follows the DocumentPartitions it is
// given (setSource, the current tab's). Thread: GUI thread only.
class PartitionsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit PartitionsDock(QWidget *parent = nullptr);

    // Shows another document's table and moves another view; nulls show the empty state.
    void setSource(DocumentPartitions *partitions, HexView *view);

    DocumentPartitions *source() const;
    PartitionsModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *warningsLabel() const { return m_warnings; }
    // What clicking or activating `row` does: cursor to the partition's start, the partition selected.
    void goTo(int row);

private:
    void reload();

    PartitionsModel *m_model;
    QTreeView *m_tree;
    QLabel *m_summary;
    QLabel *m_warnings;
    QPointer<DocumentPartitions> m_source;
    QPointer<HexView> m_view;
};

} // namespace hexmap
