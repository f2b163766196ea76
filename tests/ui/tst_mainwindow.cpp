#include "ui/window/filepositions.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/mainwindowactions.h"
#include "ui/window/recentfiles.h"
#include "ui/window/statusbarwidgets.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace hexmap;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensReadOnlyAndFillsTheStatusBar();
    void statusBarFollowsCursorAndSelection();
    void statusTextFormats();
    void openErrorsAreReportedAndWindowStaysUsable_data();
    void openErrorsAreReportedAndWindowStaysUsable();
    void defaultErrorReporterShowsAMessageBox();
    void recentFilesListAndMenu();
    void restoresTheLastOffset();
    void viewSettingsPersist();
    void closeFileResetsTheWindow();
    void dropOpensTheFile();

private:
    QString makeFile(const QString &name, qint64 size);
    QTemporaryDir m_dir;
};

QString TestMainWindow::makeFile(const QString &name, qint64 size)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray bytes(size, '\0');
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = static_cast<char>(i & 0xFF);
    file.write(bytes);
    return path;
}

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::opensReadOnlyAndFillsTheStatusBar()
{
    const QString path = makeFile(QStringLiteral("small.bin"), 1000);
    MainWindow window;
    QStringList errors;
    window.setErrorReporter([&](const QString &message) { errors << message; });
    QVERIFY(!window.hasFile());
    QVERIFY(!window.windowActions()->goTo->isEnabled());
    QVERIFY(window.openFile(path));
    QVERIFY(errors.isEmpty());
    QVERIFY(window.hasFile());
    QVERIFY(window.windowActions()->goTo->isEnabled());
    QCOMPARE(window.hexView()->file().size(), 1000u);
    QVERIFY(!window.hexView()->file().isWritable());
    QVERIFY2(window.windowTitle().contains(QLatin1String("small.bin")), qPrintable(window.windowTitle()));
    QVERIFY2(window.windowTitle().contains(QLatin1String("read-only")), qPrintable(window.windowTitle()));
    QCOMPARE(window.currentPath(), QFileInfo(path).canonicalFilePath());

    StatusBarWidgets *status = window.statusWidgets();
    QCOMPARE(status->cursorText(), QStringLiteral("Offset: 0x0 (0)"));
    QCOMPARE(status->selectionText(), QStringLiteral("No selection"));
    QCOMPARE(status->sizeText(), QStringLiteral("Size: 1000 B (1000 bytes)"));
    QCOMPARE(status->modeText(), QStringLiteral("Read-only"));
}

void TestMainWindow::statusBarFollowsCursorAndSelection()
{
    const QString path = makeFile(QStringLiteral("cursor.bin"), 4096);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    window.hexView()->setCursorOffset(500);
    QCOMPARE(window.statusWidgets()->cursorText(), QStringLiteral("Offset: 0x1F4 (500)"));
    window.hexView()->setSelection({16, 32});
    QCOMPARE(window.statusWidgets()->selectionText(), QStringLiteral("Selection: 0x10 + 32 bytes"));
    window.windowActions()->selectAll->trigger();
    QCOMPARE(window.statusWidgets()->selectionText(), QStringLiteral("Selection: 0x0 + 4096 bytes"));
}

void TestMainWindow::statusTextFormats()
{
    QCOMPARE(StatusBarWidgets::formatCursor(0xFFFFFFFFFFull), QStringLiteral("Offset: 0xFFFFFFFFFF (1099511627775)"));
    QCOMPARE(StatusBarWidgets::formatSelection({0, 0}), QStringLiteral("No selection"));
    QCOMPARE(StatusBarWidgets::formatSelection({255, 1}), QStringLiteral("Selection: 0xFF + 1 bytes"));
    QCOMPARE(StatusBarWidgets::formatFileSize(1ull << 40), QStringLiteral("Size: 1.00 TiB (1099511627776 bytes)"));
    QCOMPARE(StatusBarWidgets::formatMode(true), QStringLiteral("Read-write"));
}

void TestMainWindow::openErrorsAreReportedAndWindowStaysUsable_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << "missing" << "No such file or directory";
    QTest::newRow("directory") << "directory" << "is a directory";
    // "Permission denied" is tested end to end in tests/app/tst_gui.cpp, as an unprivileged child even under root.
}

void TestMainWindow::openErrorsAreReportedAndWindowStaysUsable()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QString bad = m_dir.filePath(kind);
    if (kind == QLatin1String("directory"))
        QVERIFY(QDir().mkpath(bad));
    const QString good = makeFile(QStringLiteral("good.bin"), 64);

    MainWindow window;
    QStringList errors;
    window.setErrorReporter([&](const QString &message) { errors << message; });
    QVERIFY(window.openFile(good));
    QVERIFY(!window.openFile(bad));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.front().contains(bad), qPrintable(errors.front()));
    QVERIFY2(errors.front().contains(reason, Qt::CaseInsensitive), qPrintable(errors.front()));
    // The previous file stays open and the window keeps working.
    QVERIFY(window.hasFile());
    QCOMPARE(window.currentPath(), QFileInfo(good).canonicalFilePath());
    QVERIFY(!window.recentFiles()->files().contains(bad));
    QVERIFY(window.openFile(good));
    QCOMPARE(errors.size(), 1);
}

void TestMainWindow::defaultErrorReporterShowsAMessageBox()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString missing = m_dir.filePath(QStringLiteral("nope.bin"));
    QString shownText;
    // The box is modal: find it from a timer while openFile() runs its event loop, record its text, close it.
    auto closer = std::make_unique<QTimer>();
    connect(closer.get(), &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shownText = box->text();
            box->accept();
        }
    });
    closer->start(20);
    QVERIFY(!window.openFile(missing));
    closer->stop();
    QVERIFY2(shownText.contains(missing), qPrintable(shownText));
    QVERIFY2(shownText.contains(QLatin1String("No such file or directory")), qPrintable(shownText));
    QVERIFY(window.isVisible());
}

void TestMainWindow::recentFilesListAndMenu()
{
    const QString a = makeFile(QStringLiteral("a.bin"), 16);
    const QString b = makeFile(QStringLiteral("b.bin"), 16);
    MainWindow window;
    QVERIFY(window.openFile(a));
    QVERIFY(window.openFile(b));
    const QStringList expected{QFileInfo(b).canonicalFilePath(), QFileInfo(a).canonicalFilePath()};
    QCOMPARE(window.recentFiles()->files(), expected);

    QMenu *menu = window.findChild<QMenu *>(QStringLiteral("recentFilesMenu"));
    QVERIFY(menu);
    // The menu is rebuilt through a queued call: two files, a separator and "Clear Menu".
    QTRY_COMPARE(menu->actions().size(), 4);
    QCOMPARE(menu->actions().at(0)->data().toString(), expected.at(0));
    menu->actions().at(1)->trigger(); // reopens a.bin
    QCOMPARE(window.currentPath(), expected.at(1));
    QTRY_COMPARE(menu->actions().at(0)->data().toString(), expected.at(1));

    QAction *clear = menu->findChild<QAction *>(QStringLiteral("clearRecentAction"));
    QVERIFY(clear && clear->isEnabled());
    clear->trigger();
    QVERIFY(window.recentFiles()->files().isEmpty());
    QTRY_COMPARE(menu->actions().size(), 1);
    QVERIFY(!menu->actions().front()->isEnabled());
}

void TestMainWindow::restoresTheLastOffset()
{
    const QString path = makeFile(QStringLiteral("position.bin"), 100000);
    {
        MainWindow window;
        QVERIFY(window.openFile(path));
        window.hexView()->setCursorOffset(77777);
        window.close(); // saves the position
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    QCOMPARE(window.hexView()->cursorOffset(), 77777u);
    QCOMPARE(window.statusWidgets()->cursorText(), QStringLiteral("Offset: 0x12FD1 (77777)"));
    const ByteRange visible = window.hexView()->visibleRange();
    QVERIFY2(visible.offset <= 77777 && 77777 < visible.end(), "restored offset is scrolled into view");
    // A stored offset past the last byte (the file shrank since) is ignored.
    window.closeFile();
    window.filePositions().setOffset(QFileInfo(path).canonicalFilePath(), 100000); // == size: not a byte
    QVERIFY(window.openFile(path));
    QCOMPARE(window.hexView()->cursorOffset(), 0u);
}

void TestMainWindow::viewSettingsPersist()
{
    {
        MainWindow window;
        QCOMPARE(window.hexView()->groupSize(), 1);
        QAction *four = nullptr;
        for (QAction *action : window.windowActions()->groupSize->actions())
            if (action->data().toInt() == 4)
                four = action;
        QVERIFY(four);
        four->trigger();
        QCOMPARE(window.hexView()->groupSize(), 4);
        for (QAction *action : window.windowActions()->bytesPerRow->actions())
            if (action->data().toInt() == 32)
                action->trigger();
    }
    QCOMPARE(QSettings().value(QStringLiteral("view/groupSize")).toInt(), 4);
    QCOMPARE(QSettings().value(QStringLiteral("view/bytesPerRow")).toInt(), 32);
    MainWindow window;
    QCOMPARE(window.hexView()->groupSize(), 4);
    QCOMPARE(window.hexView()->bytesPerRow(), 32);
    QAction *checked = window.windowActions()->bytesPerRow->checkedAction();
    QVERIFY(checked);
    QCOMPARE(checked->data().toInt(), 32);
}

void TestMainWindow::closeFileResetsTheWindow()
{
    const QString path = makeFile(QStringLiteral("close.bin"), 64);
    MainWindow window;
    QVERIFY(window.openFile(path));
    window.windowActions()->close->trigger();
    QVERIFY(!window.hasFile());
    QCOMPARE(window.windowTitle(), QStringLiteral("Hexmap"));
    QVERIFY(!window.windowActions()->close->isEnabled());
    QVERIFY(window.statusWidgets()->cursorText().isEmpty());
    QVERIFY(window.openFile(path)); // still usable
}

void TestMainWindow::dropOpensTheFile()
{
    const QString path = makeFile(QStringLiteral("dropped.bin"), 64);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint pos = window.rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(window.currentPath(), QFileInfo(path).canonicalFilePath());

    QMimeData text;
    text.setText(QStringLiteral("not a file"));
    QDragEnterEvent refused(pos, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
