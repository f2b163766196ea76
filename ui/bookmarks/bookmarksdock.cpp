#include "ui/bookmarks/bookmarksdock.h"

#include "ui/document/bookmarks.h"
#include "ui/view/hexview.h"

#include <QActionGroup>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPixmap>
#include <QTreeWidget>

namespace hexmap {

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(color);
    return QIcon(pixmap);
}

} // namespace

BookmarksDock::BookmarksDock(Bookmarks *bookmarks, HexView *view, QWidget *parent)
    : QDockWidget(tr("Bookmarks"), parent), m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("bookmarksDock"));
    m_tree->setAccessibleName(tr("Bookmarks"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Name"), tr("Offset")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(OffsetColumn, QHeaderView::ResizeToContents);
    // Double click and Enter jump (itemActivated); renaming is F2 or the context menu (see eventFilter), so a
    // double click never opens an editor and only the name column is ever edited.
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->installEventFilter(this);
    setWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { goTo(m_tree->indexOfTopLevelItem(item)); });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_bookmarks && column == NameColumn)
            m_bookmarks->rename(m_tree->indexOfTopLevelItem(item), item->text(NameColumn));
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (auto menu = contextMenu(m_tree->indexOfTopLevelItem(m_tree->itemAt(pos))))
            menu->exec(m_tree->viewport()->mapToGlobal(pos));
    });
    setBookmarks(bookmarks, view);
}

void BookmarksDock::setBookmarks(Bookmarks *bookmarks, HexView *view)
{
    disconnect(m_connection);
    m_bookmarks = bookmarks;
    m_view = view;
    if (bookmarks)
        m_connection = connect(bookmarks, &Bookmarks::changed, this, &BookmarksDock::rebuild);
    rebuild();
}

std::unique_ptr<QMenu> BookmarksDock::contextMenu(int row)
{
    if (!m_bookmarks || row < 0 || row >= int(m_bookmarks->items().size()))
        return nullptr;
    auto menu = std::make_unique<QMenu>(this);
    QAction *go = menu->addAction(tr("&Go to Bookmark"));
    connect(go, &QAction::triggered, this, [this, row] { goTo(row); });
    go->setObjectName(QStringLiteral("goToBookmarkAction"));
    QAction *rename = menu->addAction(tr("&Rename"));
    connect(rename, &QAction::triggered, this, [this, row] { this->rename(row); });
    rename->setObjectName(QStringLiteral("renameBookmarkAction"));
    rename->setShortcut(QKeySequence(Qt::Key_F2)); // shown in the menu; the key itself is handled by eventFilter
    QMenu *colors = menu->addMenu(tr("&Colour"));
    auto *group = new QActionGroup(colors);
    const QColor current = m_bookmarks->items()[std::size_t(row)].color;
    const auto palette = Bookmarks::palette();
    for (std::size_t i = 0; i < palette.size(); ++i) {
        const QColor color = palette[i].color;
        QAction *a = colors->addAction(swatch(color), palette[i].name);
        connect(a, &QAction::triggered, this, [this, row, color] {
            if (m_bookmarks)
                m_bookmarks->setColor(row, color);
        });
        a->setObjectName(QStringLiteral("bookmarkColorAction%1").arg(i));
        a->setCheckable(true);
        a->setChecked(color == current);
        group->addAction(a);
    }
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Re&move"));
    connect(remove, &QAction::triggered, this, [this, row] {
        if (m_bookmarks)
            m_bookmarks->remove(row);
    });
    remove->setObjectName(QStringLiteral("removeBookmarkAction"));
    remove->setShortcut(QKeySequence(Qt::Key_Delete));
    return menu;
}

void BookmarksDock::goTo(int row)
{
    if (!m_view || !m_bookmarks || row < 0 || row >= int(m_bookmarks->items().size()))
        return;
    m_view->setCursorOffset(m_bookmarks->items()[std::size_t(row)].offset);
    m_view->setFocus();
}

void BookmarksDock::rename(int row)
{
    if (QTreeWidgetItem *item = m_tree->topLevelItem(row)) {
        m_tree->setCurrentItem(item, NameColumn);
        m_tree->editItem(item, NameColumn);
    }
}

bool BookmarksDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress && m_bookmarks && m_tree->currentItem()) {
        const int row = m_tree->indexOfTopLevelItem(m_tree->currentItem());
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete) {
            m_bookmarks->remove(row);
            return true;
        }
        if (key == Qt::Key_F2) { // while the editor is open, keys go to it, not to the tree
            rename(row);
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

void BookmarksDock::rebuild()
{
    const QSignalBlocker blocker(m_tree); // filling the list is not renaming
    const int current = m_tree->currentItem() ? m_tree->indexOfTopLevelItem(m_tree->currentItem()) : -1;
    m_tree->clear();
    if (!m_bookmarks)
        return;
    for (const Bookmarks::Bookmark &b : m_bookmarks->items()) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(NameColumn, b.name);
        item->setIcon(NameColumn, swatch(b.color));
        item->setText(OffsetColumn, QStringLiteral("0x") + QString::number(b.offset, 16).toUpper());
        item->setTextAlignment(OffsetColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(NameColumn, Qt::UserRole, QVariant::fromValue<qulonglong>(b.offset));
        item->setToolTip(OffsetColumn, tr("Offset 0x%1 (%2)").arg(QString::number(b.offset, 16).toUpper()).arg(b.offset));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    if (current >= 0 && current < m_tree->topLevelItemCount())
        m_tree->setCurrentItem(m_tree->topLevelItem(current)); // a rename or a new colour keeps the row selected
}

} // namespace hexmap
