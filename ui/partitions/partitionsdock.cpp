#include "ui/partitions/partitionsdock.h"

#include "ui/partitions/documentpartitions.h"
#include "ui/partitions/partitionsmodel.h"
#include "ui/view/hexview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace hexmap {

PartitionsDock::PartitionsDock(QWidget *parent)
    : QDockWidget(tr("Partitions"), parent), m_model(new PartitionsModel(this)), m_tree(new QTreeView),
      m_summary(new QLabel), m_warnings(new QLabel)
{
    setObjectName(QStringLiteral("partitionsDock"));
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setObjectName(QStringLiteral("partitionsSummary"));
    m_summary->setWordWrap(true);
    m_warnings->setObjectName(QStringLiteral("partitionsWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setObjectName(QStringLiteral("partitionsTree"));
    m_tree->setModel(m_model);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_warnings);
    setWidget(body);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) { goTo(index.row()); });
    connect(m_tree, &QTreeView::clicked, this, [this](const QModelIndex &index) { goTo(index.row()); });
    reload();
}

void PartitionsDock::setSource(DocumentPartitions *partitions, HexView *view)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = partitions;
    m_view = view;
    if (m_source)
        connect(m_source, &DocumentPartitions::changed, this, &PartitionsDock::reload);
    reload();
}

DocumentPartitions *PartitionsDock::source() const { return m_source; }

void PartitionsDock::reload()
{
    m_model->setTable(m_source ? m_source->table() : PartitionTable{});
    m_summary->setText(m_model->summary());
    m_tree->setVisible(m_model->rowCount() > 0);
    const QString warnings = m_model->warningsText();
    m_warnings->setText(warnings.isEmpty() ? QString() : tr("Warnings:\n%1").arg(warnings));
    m_warnings->setVisible(!warnings.isEmpty());
}

void PartitionsDock::goTo(int row)
{
    if (!m_view || row < 0 || row >= m_model->rowCount())
        return;
    const ByteRange range = m_model->rangeAt(row);
    m_view->setCursorOffset(range.offset);
    m_view->scrollToOffset(range.offset); // the partition's first row at the top, its bytes below
    m_view->setSelection(range);
}

} // namespace hexmap
