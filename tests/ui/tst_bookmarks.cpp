// Bookmarks: toggle (Ctrl+B through DesktopSupport), rename, colour, per-file storage in AppDataLocation (never
// beside the file), reload by another instance, the dock navigating to a bookmark.
#include "ui/document/bookmarks.h"
#include "ui/bookmarks/bookmarksdock.h"
#include "ui/bookmarks/bookmarkssupport.h"
#include "ui/document/document.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"
#include "ui/jobs/jobssupport.h"
#include "ui/window/mainwindowactions.h"
#include "ui/pane/overviewmap.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QTreeWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using hexmap::Bookmarks;

namespace {

// The in-place editor of the tree (a visible QLineEdit inside it), or null when none is open.
QLineEdit *openEditor(QTreeWidget *tree)
{
    for (QLineEdit *editor : tree->viewport()->findChildren<QLineEdit *>())
        if (editor->isVisible())
            return editor;
    return nullptr;
}

} // namespace

class TestBookmarks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void toggleRenameColourPersist();
    void storageIsNotBesideTheFile();
    void noFileNoBookmarks();
    void ctrlBAndDock();
    void dockJumpsRenamesAndColours();
    void shownInViewAndOnMap();

private:
    QString makeFile(const QString &name, int size);
    QTemporaryDir m_dir;
};

void TestBookmarks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_bookmarks"));
    QVERIFY(m_dir.isValid());
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QSettings().clear();
}

QString TestBookmarks::makeFile(const QString &name, int size)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QByteArray(size, 'b'));
    return QFileInfo(path).canonicalFilePath();
}

void TestBookmarks::toggleRenameColourPersist()
{
    const QString path = makeFile(QStringLiteral("a.bin"), 4096);
    QVERIFY(!path.isEmpty());
    {
        Bookmarks b;
        QSignalSpy changed(&b, &Bookmarks::changed);
        b.setFile(path);
        QVERIFY(b.items().empty());
        QVERIFY(b.toggle(4095));
        QVERIFY(b.toggle(16));
        QVERIFY(b.toggle(0));
        QVERIFY(!b.toggle(16)); // removes it
        QCOMPARE(b.items().size(), std::size_t(2));
        QCOMPARE(b.items()[0].offset, std::uint64_t(0)); // sorted by offset
        QCOMPARE(b.items()[1].offset, std::uint64_t(4095));
        QCOMPARE(b.items()[1].name, QStringLiteral("0xFFF"));
        b.rename(1, QStringLiteral("last byte"));
        b.setColor(0, QColor(Qt::red));
        QVERIFY(changed.count() >= 6);
    }
    Bookmarks again;
    again.setFile(path);
    QCOMPARE(again.items().size(), std::size_t(2));
    QCOMPARE(again.items()[1].name, QStringLiteral("last byte"));
    QCOMPARE(again.items()[0].color, QColor(Qt::red));
}

void TestBookmarks::storageIsNotBesideTheFile()
{
    const QString path = makeFile(QStringLiteral("b.bin"), 100);
    Bookmarks b;
    b.setFile(path);
    QVERIFY(b.toggle(5));
    const QString stored = Bookmarks::storagePath(path);
    QVERIFY(QFile::exists(stored));
    QVERIFY(stored.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("json")).size(), 0);
    QVERIFY(Bookmarks::storagePath(path) != Bookmarks::storagePath(makeFile(QStringLiteral("c.bin"), 100)));
}

void TestBookmarks::noFileNoBookmarks()
{
    Bookmarks b;
    QVERIFY(!b.toggle(0));
    QVERIFY(b.items().empty());
}

void TestBookmarks::ctrlBAndDock()
{
    const QString path = makeFile(QStringLiteral("d.bin"), 1024);
    hexmap::MainWindow window;
    hexmap::BookmarksSupport *support = window.bookmarks(); // the window creates its features
    QCOMPARE(support->toggleBookmarkAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
    QVERIFY(!support->toggleBookmarkAction()->isEnabled());
    QVERIFY(window.openFile(path));
    window.hexView()->setCursorOffset(100);
    support->toggleBookmarkAction()->trigger();
    QCOMPARE(window.currentDocument()->bookmarks()->file(), path);
    QCOMPARE(window.currentDocument()->bookmarks()->items().size(), std::size_t(1));
    QCOMPARE(support->dock()->tree()->topLevelItemCount(), 1);
    window.hexView()->setCursorOffset(0);
    emit support->dock()->tree()->itemActivated(support->dock()->tree()->topLevelItem(0), 0);
    QCOMPARE(window.hexView()->cursorOffset(), std::uint64_t(100));
    window.closeFile();
    QTRY_VERIFY(window.currentDocument()->bookmarks()->items().empty());
}

void TestBookmarks::dockJumpsRenamesAndColours()
{
    const QString path = makeFile(QStringLiteral("f.bin"), 4096);
    hexmap::MainWindow window;
    hexmap::BookmarksSupport *support = window.bookmarks();
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    hexmap::HexView *view = window.hexView();
    view->setCursorOffset(100);
    support->toggleBookmarkAction()->trigger();
    view->setCursorOffset(0x200);
    support->toggleBookmarkAction()->trigger();
    Bookmarks *bookmarks = window.currentDocument()->bookmarks();
    QTreeWidget *tree = support->dock()->tree();
    QTRY_VERIFY(tree->isVisible());

    // Two columns: the name and the offset.
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->columnCount(), 2);
    QCOMPARE(tree->headerItem()->text(hexmap::BookmarksDock::OffsetColumn), QStringLiteral("Offset"));
    QCOMPARE(tree->topLevelItem(0)->text(hexmap::BookmarksDock::OffsetColumn), QStringLiteral("0x64"));
    QCOMPARE(tree->topLevelItem(1)->text(hexmap::BookmarksDock::OffsetColumn), QStringLiteral("0x200"));
    QCOMPARE(tree->topLevelItem(1)->text(hexmap::BookmarksDock::NameColumn), QStringLiteral("0x200"));

    // A double click jumps to the bookmark; it does not open a rename editor.
    view->setCursorOffset(0);
    const QPoint first = tree->visualItemRect(tree->topLevelItem(0)).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, first);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, first);
    QCOMPARE(view->cursorOffset(), std::uint64_t(100));
    QVERIFY(!openEditor(tree));
    QCOMPARE(bookmarks->items()[0].name, QStringLiteral("0x64"));

    // F2 renames the current bookmark in place (even with the offset column current).
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(1), hexmap::BookmarksDock::OffsetColumn);
    QTest::keyClick(tree, Qt::Key_F2);
    QLineEdit *editor = openEditor(tree);
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("0x200")); // the name, not the offset column
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("header"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(bookmarks->items()[1].name, QStringLiteral("header"));
    QCOMPARE(bookmarks->items()[1].offset, std::uint64_t(0x200));

    // The context menu: Rename opens the editor; a palette colour is applied, shown and saved with the bookmark.
    std::unique_ptr<QMenu> menu = support->dock()->contextMenu(0);
    QVERIFY(menu);
    QVERIFY(!support->dock()->contextMenu(2));
    const auto palette = Bookmarks::palette();
    QVERIFY(palette.size() >= 4);
    auto *colour = menu->findChild<QAction *>(QStringLiteral("bookmarkColorAction3"));
    QVERIFY(colour);
    QCOMPARE(colour->text(), palette[3].name);
    QVERIFY(bookmarks->items()[0].color != palette[3].color);
    colour->trigger();
    QCOMPARE(bookmarks->items()[0].color, palette[3].color);
    QCOMPARE(tree->topLevelItem(0)->icon(hexmap::BookmarksDock::NameColumn).pixmap(12, 12).toImage().pixelColor(6, 6),
             palette[3].color);
    if (const QString dir = qEnvironmentVariable("HEXMAP_SHOT_DIR"); !dir.isEmpty()) // for looking at
        window.grab().save(QDir(dir).filePath(QStringLiteral("bookmarks-dock.png")));
    Bookmarks reloaded;
    reloaded.setFile(path);
    QCOMPARE(reloaded.items().size(), std::size_t(2));
    QCOMPARE(reloaded.items()[0].color, palette[3].color);
    QCOMPARE(reloaded.items()[1].name, QStringLiteral("header"));
    menu = support->dock()->contextMenu(0);
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("bookmarkColorAction3"))->isChecked());
    menu->findChild<QAction *>(QStringLiteral("renameBookmarkAction"))->trigger();
    editor = openEditor(tree);
    QVERIFY(editor);
    QCOMPARE(editor->text(), reloaded.items()[0].name);
    QTest::keyClick(editor, Qt::Key_Escape);

    // Go to and Remove from the menu.
    view->setCursorOffset(0);
    support->dock()->contextMenu(1)->findChild<QAction *>(QStringLiteral("goToBookmarkAction"))->trigger();
    QCOMPARE(view->cursorOffset(), std::uint64_t(0x200));
    support->dock()->contextMenu(0)->findChild<QAction *>(QStringLiteral("removeBookmarkAction"))->trigger();
    QCOMPARE(bookmarks->items().size(), std::size_t(1));
    QCOMPARE(tree->topLevelItemCount(), 1);
    window.closeFile();
}

void TestBookmarks::shownInViewAndOnMap()
{
    const QString path = makeFile(QStringLiteral("e.bin"), 1 << 20);
    hexmap::MainWindow window;
    hexmap::BookmarksSupport *support = window.bookmarks(); // the window creates its features
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    hexmap::HexView *view = window.hexView();
    hexmap::OverviewMap *map = window.jobs()->map();
    view->setCursorOffset(0x40);
    support->toggleBookmarkAction()->trigger();
    view->setCursorOffset(0x80000); // far below the first page
    support->toggleBookmarkAction()->trigger();
    const auto &items = window.currentDocument()->bookmarks()->items();
    QCOMPARE(items.size(), std::size_t(2));

    // The map has one flag per bookmark, drawn in its colour at the left edge of the bookmark's pixel row.
    QCOMPARE(map->bookmarks().size(), std::size_t(2));
    QCOMPARE(map->bookmarks()[1].offset, std::uint64_t(0x80000));
    const QImage mapImage = map->grab().toImage();
    const int row = map->topMargin() + map->model().rowsOf(hexmap::ByteRange{0x80000, 1}).first;
    QCOMPARE(mapImage.pixelColor(0, row), items[1].color);
    QCOMPARE(mapImage.pixelColor(map->width() / 2, row), items[1].color);

    // The view tints only the visible bookmarked byte: scrolled to the top, 0x40 is tinted, 0x80000 is not sent.
    view->setCursorOffset(0x10);
    view->scrollToOffset(0);
    QCoreApplication::processEvents();
    const auto &marks = view->highlights(hexmap::HighlightLayer::Bookmarks);
    QCOMPARE(marks.size(), std::size_t(1));
    QCOMPARE(marks[0].range, (hexmap::ByteRange{0x40, 1}));
    const QImage shot = view->viewport()->grab().toImage();
    const QPoint inside = view->cellRect(0x40, hexmap::HexView::Area::Hex).topLeft().toPoint() + QPoint(1, 1);
    QCOMPARE(shot.pixelColor(inside), marks[0].color);
    QVERIFY(marks[0].color != view->palette().color(QPalette::Base));

    // Scrolled to the second one: it replaces the first in the view.
    view->scrollToOffset(0x80000);
    QCoreApplication::processEvents();
    QCOMPARE(view->highlights(hexmap::HighlightLayer::Bookmarks).size(), std::size_t(1));
    QCOMPARE(view->highlights(hexmap::HighlightLayer::Bookmarks)[0].range.offset, std::uint64_t(0x80000));

    // Removing a bookmark removes its flag and its tint.
    view->setCursorOffset(0x80000);
    support->toggleBookmarkAction()->trigger();
    QCOMPARE(map->bookmarks().size(), std::size_t(1));
    QVERIFY(view->highlights(hexmap::HighlightLayer::Bookmarks).empty());
}

QTEST_MAIN(TestBookmarks)
#include "tst_bookmarks.moc"
