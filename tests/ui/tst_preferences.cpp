// Preferences (the QSettings model: defaults, validation, change signals), PreferencesDialog (every control
// writes the model at once) and DesktopSupport (Edit > Preferences…, the View menu following a preference,
// window state saved on close and restored, the hex view's accessible description following the cursor).
#include "ui/window/desktopsupport.h"
#include "ui/view/hexview.h"
#include "ui/jobs/jobdialog.h"
#include "jobdialogtesthelpers.h"
#include "labeltesthelpers.h"
#include "ui/jobs/jobssupport.h"
#include "ui/window/mainwindow.h"
#include "ui/window/mainwindowactions.h"
#include "ui/common/preferences.h"
#include "ui/window/preferencesdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFontComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using hexmap::Preferences;

class TestPreferences : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void defaults();
    void bytesPerRow_data();
    void bytesPerRow();
    void invalidStoredValuesReadAsDefaults();
    void chunkSizeLimits_data();
    void chunkSizeLimits();
    void signalsOnlyOnChange();
    void fontRoundTrip();
    void dialogWritesTheModelLive();
    void dialogLabelsHaveBuddies();
    void viewFollowsPreferences();
    void windowStatePersists();
    void accessibleDescriptionFollowsCursor();
    void ctrlTabLeavesTheHexView();
    void jobDialogUsesTheDefaults();
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
}

void TestPreferences::init()
{
    hexmap::JobDialog::forgetInputs(); // the job dialog starts from Preferences, not from an earlier test
    QSettings().clear();
}

void TestPreferences::defaults()
{
    const Preferences p;
    QCOMPARE(p.bytesPerRow(), 16);
    QCOMPARE(p.groupSize(), 1);
    QCOMPARE(p.theme(), Preferences::Theme::System);
    QCOMPARE(p.jobThreads(), 0);
    QCOMPARE(p.jobChunkSize(), std::uint64_t{0});
    QCOMPARE(p.confirmJobs(), true);
    QCOMPARE(p.restoreSession(), false);
    QVERIFY(!p.font().family().isEmpty());
}

void TestPreferences::bytesPerRow_data()
{
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("fit") << 0 << 0;
    QTest::newRow("8") << 8 << 8;
    QTest::newRow("64") << 64 << 64;
    QTest::newRow("7 ignored") << 7 << 16;
    QTest::newRow("128 ignored") << 128 << 16;
    QTest::newRow("-1 ignored") << -1 << 16;
}

void TestPreferences::bytesPerRow()
{
    QFETCH(int, value);
    QFETCH(int, expected);
    Preferences p;
    p.setBytesPerRow(value);
    QCOMPARE(p.bytesPerRow(), expected);
    QCOMPARE(Preferences().bytesPerRow(), expected); // stored, seen by another instance
}

void TestPreferences::invalidStoredValuesReadAsDefaults()
{
    QSettings s;
    s.setValue(QStringLiteral("view/bytesPerRow"), 12);
    s.setValue(QStringLiteral("view/groupSize"), QStringLiteral("x"));
    s.setValue(QStringLiteral("view/theme"), QStringLiteral("purple"));
    s.setValue(QStringLiteral("jobs/threads"), 1000);
    s.setValue(QStringLiteral("jobs/chunkSize"), 3);
    s.sync();
    const Preferences p;
    QCOMPARE(p.bytesPerRow(), 16);
    QCOMPARE(p.groupSize(), 1);
    QCOMPARE(p.theme(), Preferences::Theme::System);
    QCOMPARE(p.jobThreads(), 0);
    QCOMPARE(p.jobChunkSize(), std::uint64_t{0});
}

void TestPreferences::chunkSizeLimits_data()
{
    QTest::addColumn<quint64>("value");
    QTest::addColumn<quint64>("expected");
    QTest::newRow("default") << quint64(0) << quint64(0);
    QTest::newRow("min-1") << quint64(Preferences::MinChunkSize - 1) << quint64(0);
    QTest::newRow("min") << quint64(Preferences::MinChunkSize) << quint64(Preferences::MinChunkSize);
    QTest::newRow("max") << quint64(Preferences::MaxChunkSize) << quint64(Preferences::MaxChunkSize);
    QTest::newRow("max+1") << quint64(Preferences::MaxChunkSize + 1) << quint64(0);
}

void TestPreferences::chunkSizeLimits()
{
    QFETCH(quint64, value);
    QFETCH(quint64, expected);
    Preferences p;
    p.setJobChunkSize(value);
    QCOMPARE(quint64(p.jobChunkSize()), expected);
}

void TestPreferences::signalsOnlyOnChange()
{
    Preferences p;
    QSignalSpy rows(&p, &Preferences::bytesPerRowChanged);
    QSignalSpy theme(&p, &Preferences::themeChanged);
    QSignalSpy threads(&p, &Preferences::jobThreadsChanged);
    QSignalSpy confirm(&p, &Preferences::confirmJobsChanged);
    p.setBytesPerRow(16); // the default: no change
    p.setBytesPerRow(32);
    p.setBytesPerRow(32);
    p.setTheme(Preferences::Theme::Dark);
    p.setTheme(Preferences::Theme::Dark);
    p.setJobThreads(200); // clamped to the maximum
    p.setConfirmJobs(true);
    p.setConfirmJobs(false);
    QCOMPARE(rows.count(), 1);
    QCOMPARE(rows.at(0).at(0).toInt(), 32);
    QCOMPARE(theme.count(), 1);
    QCOMPARE(threads.count(), 1);
    QCOMPARE(threads.at(0).at(0).toInt(), Preferences::MaxJobThreads);
    QCOMPARE(confirm.count(), 1);
    QCOMPARE(p.confirmJobs(), false);
    QSignalSpy restore(&p, &Preferences::restoreSessionChanged);
    p.setRestoreSession(false); // the default: no change
    p.setRestoreSession(true);
    p.setRestoreSession(true);
    QCOMPARE(restore.count(), 1);
    QCOMPARE(Preferences().restoreSession(), true);
}

void TestPreferences::fontRoundTrip()
{
    Preferences p;
    QSignalSpy spy(&p, &Preferences::fontChanged);
    QFont font = p.font();
    font.setPointSize(font.pointSize() > 0 && font.pointSize() != 17 ? 17 : 15);
    p.setFont(font);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(Preferences().font().pointSize(), font.pointSize());
    p.resetFont();
    QCOMPARE(spy.count(), 2);
}

void TestPreferences::dialogWritesTheModelLive()
{
    Preferences p;
    hexmap::PreferencesDialog dialog(&p);
    QSignalSpy rows(&p, &Preferences::bytesPerRowChanged);
    QSignalSpy chunk(&p, &Preferences::jobChunkSizeChanged);
    dialog.bytesPerRowBox()->setCurrentIndex(dialog.bytesPerRowBox()->findData(64));
    QCOMPARE(rows.count(), 1);
    QCOMPARE(p.bytesPerRow(), 64);
    dialog.groupSizeBox()->setCurrentIndex(dialog.groupSizeBox()->findData(4));
    QCOMPARE(p.groupSize(), 4);
    dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(static_cast<int>(Preferences::Theme::Light)));
    QCOMPARE(p.theme(), Preferences::Theme::Light);
    dialog.threadsBox()->setValue(6);
    QCOMPARE(p.jobThreads(), 6);
    dialog.chunkSizeBox()->setCurrentIndex(dialog.chunkSizeBox()->findData(QVariant::fromValue<qulonglong>(16u << 20)));
    QCOMPARE(chunk.count(), 1);
    QCOMPARE(p.jobChunkSize(), std::uint64_t{16} << 20);
    dialog.confirmJobsBox()->setChecked(false);
    QCOMPARE(p.confirmJobs(), false);
    auto *restore = dialog.findChild<QCheckBox *>(QStringLiteral("restoreSession"));
    QVERIFY(restore);
    QVERIFY(!restore->isChecked());
    restore->setChecked(true);
    QCOMPARE(p.restoreSession(), true);
    dialog.fontSizeBox()->setValue(dialog.fontSizeBox()->value() == 20 ? 21 : 20);
    QCOMPARE(p.font().pointSize(), dialog.fontSizeBox()->value());

    // reload() shows values written elsewhere without writing them back.
    Preferences other;
    other.setBytesPerRow(8);
    rows.clear();
    dialog.reload();
    QCOMPARE(dialog.bytesPerRowBox()->currentData().toInt(), 8);
    QCOMPARE(rows.count(), 0);
}

// Every "&X" label of the dialog is a mnemonic for its field, never a literal ampersand ("&Font:" was one).
void TestPreferences::dialogLabelsHaveBuddies()
{
    Preferences p;
    hexmap::PreferencesDialog dialog(&p);
    const QStringList bare = labeltest::labelsShowingAmpersands(dialog);
    QVERIFY2(bare.isEmpty(), qPrintable(bare.join(QStringLiteral(", "))));
    QLabel *font = nullptr;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        if (label->text() == hexmap::PreferencesDialog::tr("&Font:"))
            font = label;
    QVERIFY(font);
    QCOMPARE(font->buddy(), static_cast<QWidget *>(dialog.findChild<QFontComboBox *>()));
}

void TestPreferences::viewFollowsPreferences()
{
    hexmap::MainWindow window;
    hexmap::DesktopSupport *support = window.desktop(); // the window creates its features
    QVERIFY(support->preferencesAction()->isEnabled());
    QVERIFY(!support->preferencesAction()->shortcut().isEmpty());
    support->preferences()->setBytesPerRow(32);
    QCOMPARE(window.hexView()->bytesPerRow(), 32);
    support->preferences()->setGroupSize(8);
    QCOMPARE(window.hexView()->groupSize(), 8);
    QCOMPARE(QSettings().value(QStringLiteral("view/bytesPerRow")).toInt(), 32);
    QFont font = support->preferences()->font();
    font.setPointSize(font.pointSize() == 19 ? 18 : 19);
    support->preferences()->setFont(font);
    QCOMPARE(window.hexView()->viewFont().pointSize(), font.pointSize());
    // Live theme: the application palette turns dark.
    support->preferences()->setTheme(Preferences::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Base).lightness() < 100);
    support->preferences()->setTheme(Preferences::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Base).lightness() > 150);
    support->preferences()->setTheme(Preferences::Theme::System);
}

void TestPreferences::windowStatePersists()
{
    QByteArray saved;
    {
        hexmap::MainWindow window;
        window.resize(700, 500);
        const auto docks = window.findChildren<QDockWidget *>();
        QVERIFY(!docks.isEmpty());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        docks.front()->setFloating(true);
        saved = window.saveState(1);
        window.close(); // the close event saves the state
    }
    QVERIFY(QSettings().contains(QStringLiteral("window/state")));
    hexmap::MainWindow window;
    hexmap::DesktopSupport *support = window.desktop(); // the window creates its features
    Q_UNUSED(support);
    QCOMPARE(window.saveState(1), saved);
    QCOMPARE(window.size(), QSize(700, 500));
}

void TestPreferences::accessibleDescriptionFollowsCursor()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("a.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromHex("00112233445566778899AABBCCDDEEFF"));
    f.close();
    hexmap::MainWindow window;
    QCOMPARE(window.hexView()->accessibleName(), QStringLiteral("Hex view"));
    QVERIFY(window.openFile(path));
    window.hexView()->setCursorOffset(10);
    const QString text = window.hexView()->accessibleDescription();
    QVERIFY2(text.startsWith(QStringLiteral("Offset 0xA (10) of 16 bytes, value 0xaa (170)")), qPrintable(text));
    window.hexView()->setCursorOffset(15, true);
    QVERIFY2(window.hexView()->accessibleDescription().contains(QStringLiteral("6 bytes selected from 0xA")),
             qPrintable(window.hexView()->accessibleDescription()));
}

// Tab switches the hex/text column inside the view; Ctrl+Tab must still move the keyboard focus on.
void TestPreferences::ctrlTabLeavesTheHexView()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("b.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(64, 'x'));
    f.close();
    hexmap::MainWindow window;
    QVERIFY(window.openFile(path));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    window.hexView()->setFocus();
    QTRY_VERIFY(window.hexView()->hasFocus());
    QTest::keyClick(window.hexView(), Qt::Key_Tab);
    QCOMPARE(window.hexView()->cursorArea(), hexmap::HexView::Area::Ascii);
    QVERIFY(window.hexView()->hasFocus());
    QTest::keyClick(window.hexView(), Qt::Key_Tab, Qt::ControlModifier);
    QTRY_VERIFY(!window.hexView()->hasFocus());
}

void TestPreferences::jobDialogUsesTheDefaults()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("c.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    hexmap::MainWindow window;
    QVERIFY(window.openFile(path));
    int threads = -1;
    QString chunk = QStringLiteral("unset");
    window.jobs()->setDialogRunner([&](hexmap::JobDialog &dialog) {
        threads = jobdialogtest::threadsBox(dialog)->value();
        chunk = jobdialogtest::chunkEdit(dialog)->text();
        return false; // cancel: nothing is written
    });
    window.jobs()->fill->trigger();
    QVERIFY(threads >= 1);
    QCOMPARE(chunk, QString()); // no preference: the dialog's own defaults
    Preferences p;
    p.setJobThreads(3);
    p.setJobChunkSize(16u << 20);
    window.jobs()->fill->trigger();
    QCOMPARE(threads, 3);
    QCOMPARE(chunk, QString::number(16u << 20));
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
