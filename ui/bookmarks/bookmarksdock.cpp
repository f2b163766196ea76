#include "ui/bookmarks/bookmarksdock.h"

#include "ui/document/bookmarks.h"
#include "ui/view/hexview.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QPixmap>

namespace hexmap {

BookmarksDock::BookmarksDock(Bookmarks *bookmarks, HexView *view, QWidget *parent)
    : QDockWidget(tr("Bookmarks"), parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("bookmarksDock"));
    m_list->setAccessibleName(tr("Bookmarks"));
    m_list->installEventFilter(this);
    setWidget(m_list);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (!m_view)
            return;
        const auto offset = item->data(Qt::UserRole).toULongLong();
        m_view->setCursorOffset(offset);
        m_view->setFocus();
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_bookmarks)
            m_bookmarks->rename(m_list->row(item), item->text());
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

bool BookmarksDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete && m_list->currentRow() >= 0 && m_bookmarks) {
        m_bookmarks->remove(m_list->currentRow());
        return true;
    }
    return QDockWidget::eventFilter(watched, event);
}

void BookmarksDock::rebuild()
{
    const QSignalBlocker blocker(m_list); // filling the list is not renaming
    m_list->clear();
    if (!m_bookmarks)
        return;
    for (const Bookmarks::Bookmark &b : m_bookmarks->items()) {
        auto *item = new QListWidgetItem(b.name, m_list);
        QPixmap swatch(12, 12);
        swatch.fill(b.color);
        item->setIcon(QIcon(swatch));
        item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(b.offset));
        item->setToolTip(tr("Offset 0x%1 (%2)").arg(QString::number(b.offset, 16).toUpper()).arg(b.offset));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
}

} // namespace hexmap
