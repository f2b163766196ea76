// Small windows (issue 19 item 7): at 400×300 and 640×480, in both themes, the window keeps the size it was given
// (no dock, toolbar or find bar forces it wider), no two visible docks overlap each other or the central widget,
// opening the find bar does not widen the window, and fit-to-width shows as many bytes per row as the view's width
// holds (exactly: twice as many would not fit). With HEXMAP_SHOT_DIR set, each case also saves a PNG of the window there (for looking at).
#include "ui/common/preferences.h"
#include "ui/common/theme.h"
#include "ui/find/findbar.h"
#include "ui/find/findsupport.h"
#include "ui/view/gotodialog.h"
#include "ui/view/hexlayout.h"
#include "ui/view/hexview.h"
#include "ui/window/dockfitter.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "modaltesthelpers.h"

using namespace hexmap;

class TestSmallWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fits_data();
    void fits();
    void fittedExtent_data();
    void fittedExtent();
    void goToLandsOnAWholeRow_data();
    void goToLandsOnAWholeRow();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void TestSmallWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_smallwindow"));
    QSettings().clear(); // no saved window layout
    QSettings().setValue(QStringLiteral("view/bytesPerRow"), 0); // View > Bytes per Row > Fit to Width
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("small.bin"));
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray bytes(64 * 1024, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i * 7);
    QCOMPARE(f.write(bytes), bytes.size());
}

void TestSmallWindow::fits_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("minBytesPerRow");
    // The least a user should get: at 640×480 the view is 296 px wide beside the Data Inspector (227 px at the
    // least) and the map, and 8 bytes need 45 characters (360 px with an 8 px font), so 4 it is.
    QTest::newRow("400x300 light") << QSize(400, 300) << false << 1;
    QTest::newRow("400x300 dark") << QSize(400, 300) << true << 1;
    QTest::newRow("640x480 light") << QSize(640, 480) << false << 4;
    QTest::newRow("640x480 dark") << QSize(640, 480) << true << 4;
    QTest::newRow("1280x800 light") << QSize(1280, 800) << false << 16;
}

namespace {

void save(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("HEXMAP_SHOT_DIR");
    if (!dir.isEmpty())
        window->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

QString visibleOverlap(QMainWindow &window)
{
    QList<QWidget *> parts{window.centralWidget()};
    for (QDockWidget *d : window.findChildren<QDockWidget *>())
        if (d->isVisible() && !d->isFloating())
            parts << d;
    for (int i = 0; i < parts.size(); ++i)
        for (int j = i + 1; j < parts.size(); ++j)
            if (parts[i]->geometry().intersects(parts[j]->geometry()))
                return parts[i]->objectName() + QStringLiteral(" overlaps ") + parts[j]->objectName();
    return {};
}

} // namespace

void TestSmallWindow::fits()
{
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    QFETCH(int, minBytesPerRow);
    applyTheme(dark ? Preferences::Theme::Dark : Preferences::Theme::Light);
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(m_file));
    QCoreApplication::processEvents();
    const QString name = QStringLiteral("small-%1x%2-%3").arg(size.width()).arg(size.height())
                             .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
    save(&window, name);
    // The size is kept: the docks' tables scroll rather than make the window taller, and nothing overlaps.
    QTRY_COMPARE(window.width(), size.width());
    QCOMPARE(window.height(), size.height());
    const QString overlap = visibleOverlap(window);
    QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
    // No docked side panel takes more than DockFitter's share of the width, unless its minimum needs more.
    for (QDockWidget *d : window.findChildren<QDockWidget *>()) {
        const Qt::DockWidgetArea area = window.dockWidgetArea(d);
        if (d->isVisible() && !d->isFloating() && (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea))
            QVERIFY2(d->width() <= std::max(int(size.width() * DockFitter::kSideShare), d->minimumSizeHint().width()),
                     qPrintable(d->objectName() + QStringLiteral(" is %1 px wide").arg(d->width())));
    }
    // Fit to width is exact: the bytes per row fit the viewport and twice as many would not.
    const HexLayout &layout = window.hexView()->layout();
    const int width = window.hexView()->viewport()->width();
    const int bpr = layout.bytesPerRow();
    QVERIFY2(bpr >= minBytesPerRow, qPrintable(QStringLiteral("%1 bytes per row in %2 px").arg(bpr).arg(width)));
    QVERIFY(layout.totalWidth() <= width || bpr == layout.groupSize());
    HexLayout twice = layout;
    twice.configure(layout.fileSize(), bpr * 2, layout.groupSize(), layout.metrics());
    QVERIFY2(twice.totalWidth() > width, qPrintable(QStringLiteral("%1 bytes per row in %2 px").arg(bpr).arg(width)));

    // The find bar opens inside the window as it is.
    window.find()->find->trigger();
    QTRY_VERIFY(window.find()->bar()->isVisible());
    QCoreApplication::processEvents();
    save(&window, name + QStringLiteral("-find"));
    QCOMPARE(window.width(), size.width());
    QCOMPARE(window.height(), size.height());
    QVERIFY(window.find()->bar()->geometry().right() < window.centralWidget()->width());
    // The bytes keep at least three whole rows under the header, also at 400×300 with the find bar open (the
    // legend gives way first: DocumentPane::legendFits).
    const HexView *view = window.hexView();
    const int rowsShown = (view->viewport()->height() - view->headerHeight()) / layout.metrics().lineHeight;
    QVERIFY2(rowsShown >= 3, qPrintable(QStringLiteral("%1 rows shown").arg(rowsShown)));
    const QString overlapWithBar = visibleOverlap(window);
    QVERIFY2(overlapWithBar.isEmpty(), qPrintable(overlapWithBar));
    applyTheme(Preferences::Theme::Light);
}

void TestSmallWindow::fittedExtent_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("extent");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("expected");
    QTest::newRow("within the share: kept") << 1000 << 300 << 145 << 300;
    QTest::newRow("at the share: kept") << 1000 << 400 << 145 << 400;
    QTest::newRow("over: the share") << 1000 << 500 << 145 << 400;
    QTest::newRow("over, share below the minimum: the minimum") << 300 << 273 << 145 << 145;
    QTest::newRow("narrower than its minimum already: kept") << 300 << 100 << 145 << 100;
}

// DockFitter's rule (side share 0.4): a dock wider than 40 % of the window is narrowed to it, never below its
// minimum, and never widened.
void TestSmallWindow::fittedExtent()
{
    QFETCH(int, window);
    QFETCH(int, extent);
    QFETCH(int, minimum);
    QFETCH(int, expected);
    QCOMPARE(DockFitter::fittedExtent(window, extent, minimum, DockFitter::kSideShare), expected);
}

void TestSmallWindow::goToLandsOnAWholeRow_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qint64>("fileSize");
    for (const QSize size : {QSize(400, 300), QSize(640, 480), QSize(1280, 800), QSize(1600, 1000)}) {
        const QByteArray name = QByteArray::number(size.width()) + "x" + QByteArray::number(size.height());
        QTest::newRow(name + " 64 KiB") << size << qint64(64 * 1024);
        QTest::newRow(name + " 1 TiB sparse") << size << (qint64(1) << 40);
    }
}

// Edit > Go to (Ctrl+G) a forward offset, through the dialog as a user does it, in a real window: the target's
// row is drawn whole inside the view, never cut by its bottom edge.
void TestSmallWindow::goToLandsOnAWholeRow()
{
    QFETCH(QSize, size);
    QFETCH(qint64, fileSize);
    const QString path = m_dir.filePath(QStringLiteral("goto-%1.bin").arg(fileSize));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(fileSize)); // sparse
    }
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    QCoreApplication::processEvents();
    HexView *view = window.hexView();
    for (const qint64 target : {qint64(0x1234), fileSize / 2 + 5, fileSize - 1}) {
        view->setCursorOffset(0);
        modaltest::onNextModal<GotoDialog>(this, [target](GotoDialog *dialog) {
            dialog->setText(QStringLiteral("0x%1").arg(target, 0, 16));
            dialog->accept();
        });
        window.goToOffset();
        QCoreApplication::processEvents();
        QCOMPARE(view->cursorOffset(), std::uint64_t(target));
        const QRectF cell = view->cellRect(std::uint64_t(target), HexView::Area::Hex);
        QVERIFY2(cell.top() >= view->headerHeight() && cell.bottom() <= view->viewport()->height(),
                 qPrintable(QStringLiteral("target 0x%1: row %2..%3, viewport height %4")
                                .arg(target, 0, 16).arg(cell.top()).arg(cell.bottom()).arg(view->viewport()->height())));
    }
    save(&window, QStringLiteral("goto-%1x%2-%3").arg(size.width()).arg(size.height()).arg(fileSize));
    QVERIFY(window.closeFile());
    QFile::remove(path);
}

QTEST_MAIN(TestSmallWindow)
#include "tst_smallwindow.moc"
