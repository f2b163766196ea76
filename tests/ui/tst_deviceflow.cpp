// A real block device in the main window (root: a loop device over an image in a QTemporaryDir, detached in the
// fixture's destructor also when an assertion fails): File > Open Device… opens the chosen row read-only and shows
// the image's bytes; Enable Editing shows the device warning (Cancel keeps it read-only, nothing written); accepted,
// a typed byte and Save change exactly that byte of the image; the device shrinking to 0 bytes (a removed disk)
// shows the banner, and `losetup -d` while shown crashes nothing. A Zero job asks the device warning (naming the
// device and its zero-out command) and zeroes exactly its range; a mounted device is refused until the second step.
#include "core/loopdevice.h"
#include "modaltesthelpers.h"
#include "ui/device/deviceeditwarning.h"
#include "ui/device/devicesupport.h"
#include "ui/device/opendevicedialog.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/filewatcher.h"
#include "ui/edit/editingsupport.h"
#include "ui/jobs/jobdialog.h"
#include "ui/jobs/jobssupport.h"
#include "ui/pane/filechangebanner.h"
#include "ui/view/hexview.h"
#include "ui/window/documenttabs.h"
#include "ui/window/filechangesupport.h"
#include "ui/window/mainwindow.h"
#include "ui/window/statusbarwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QtTest>

#include <span>
#include <unistd.h>

using namespace hexmap;

class TestDeviceFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test-deviceflow"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void openEditSaveAndVanish();
    void zeroJobAsksAndZeroesTheRange();
    void mountedDeviceIsRefusedUntilInsisted();
    void tabClosedWhileTheWarningIsOpen();
};

namespace {

QByteArray pattern(int size)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7) % 251 + 1); // never 0: zeroed bytes stand out
    return bytes;
}

// Opens `device` in `window` through File > Open Device… (the dialog's row for it).
bool openThroughDialog(MainWindow &window, const QString &device)
{
    window.devices()->setDialogRunner([&device](OpenDeviceDialog &dialog) {
        dialog.selectPath(device);
        return !dialog.selectedPath().isEmpty();
    });
    window.devices()->chooseDevice();
    return window.currentDocument() && window.currentDocument()->isDevice() && window.currentPath() == device;
}

} // namespace

void TestDeviceFlow::openEditSaveAndVanish()
{
    if (geteuid() != 0)
        QSKIP("attaches a loop device: needs root (CI runs as root)");
    const QByteArray bytes = pattern(1 << 20);
    devicetest::LoopImage loop; // declared before the window: detached after the window closed the device
    QString why;
    QVERIFY2(loop.attach(bytes, std::uint64_t(bytes.size()), {}, &why), qPrintable(why));
    const QString device = loop.device();

    MainWindow window;
    QStringList errors;
    window.setErrorReporter([&errors](const QString &message) { errors << message; });
    window.resize(1280, 640);
    window.show();

    // File > Open Device…: the dialog lists the loop device; its row opens read-only in a tab.
    bool listed = false;
    window.devices()->setDialogRunner([&](OpenDeviceDialog &dialog) {
        listed = dialog.model()->indexOfPath(device).isValid();
        dialog.selectPath(device);
        return true;
    });
    window.devices()->chooseDevice();
    QVERIFY2(listed, qPrintable(device));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    Document *document = window.currentDocument();
    QVERIFY(document && document->isOpen());
    QVERIFY(document->isDevice());
    QVERIFY(!document->isWritable());
    QCOMPARE(window.currentPath(), device);
    QVERIFY2(window.windowTitle().startsWith(device + QStringLiteral(" (device)")), qPrintable(window.windowTitle()));
    QCOMPARE(window.statusWidgets()->modeText(), QStringLiteral("Read-only (device)"));
    QCOMPARE(window.tabs()->tabText(window.currentPane()), device + QStringLiteral(" (device)"));
    QCOMPARE(document->size(), std::uint64_t(bytes.size()));
    QByteArray shown(bytes.size(), '\0');
    QCOMPARE(document->session()->readDisplayed(0, std::as_writable_bytes(std::span(shown.data(), shown.size()))),
             std::size_t(bytes.size()));
    QCOMPARE(shown, bytes);
    const QString shots = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QCoreApplication::processEvents(); // the status bar's labels take their new widths
        QVERIFY(window.grab().save(shots + QStringLiteral("/device-open.png")));
    }
    const QAction *insert = window.findChild<QAction *>(QStringLiteral("actionInsertBytes"));
    QVERIFY(insert && !insert->isEnabled()); // a device cannot change size
    QVERIFY(insert->toolTip().contains(QStringLiteral("cannot change size")));

    // Enable Editing: the warning first; Cancel keeps the device read-only.
    EditingSupport *editing = window.editing();
    QString warned;
    modaltest::onNextModal<DeviceEditWarning>(this, [&warned](DeviceEditWarning *warning) {
        warned = warning->model().deviceText() + QLatin1Char('\n') + warning->model().usageText();
        warning->cancelButton()->click();
    });
    editing->enableEditing->trigger();
    QVERIFY2(warned.contains(device), qPrintable(warned));
    QVERIFY2(warned.contains(QStringLiteral("not mounted")), qPrintable(warned));
    QVERIFY(!document->isWritable());
    QVERIFY(!editing->enableEditing->isChecked());

    // Accepted: read-write; one typed byte at an odd offset, then Save.
    bool defaultIsCancel = false;
    modaltest::onNextModal<DeviceEditWarning>(this, [&defaultIsCancel](DeviceEditWarning *warning) {
        defaultIsCancel = warning->cancelButton()->isDefault() && !warning->insistBox();
        warning->acceptButton()->click();
    });
    editing->enableEditing->trigger();
    QVERIFY(defaultIsCancel);
    QVERIFY(document->isWritable());
    QCOMPARE(window.statusWidgets()->modeText(), QStringLiteral("Read-write (device)"));
    constexpr int Offset = 0x1235;
    window.hexView()->setCursorOffset(Offset);
    QTest::keyClicks(window.hexView(), QStringLiteral("a5"));
    QVERIFY(window.isWindowModified());
    QCOMPARE(loop.imageBytes(), bytes); // nothing written before Save
    editing->save->trigger();
    QVERIFY(!window.isWindowModified());
    QByteArray expected = bytes;
    expected[Offset] = char(0xA5);
    QCOMPARE(loop.imageBytes(), expected); // exactly that byte changed, through the device
    document->watcher()->check();
    QVERIFY(!window.fileChanges()->isBannerShown()); // Hexmap's own write is not "changed on disk"

    // The device goes away (0 bytes, as a removed disk reads): the banner says so, the window still works.
    QVERIFY2(loop.shrink(0, &why), qPrintable(why));
    document->watcher()->check();
    QVERIFY(window.fileChanges()->isBannerShown());
    QCOMPARE(window.fileChanges()->banner()->message(), device + QStringLiteral(" is no longer available (size 0)"));
    window.hexView()->setCursorOffset(std::uint64_t(bytes.size() - 1));
    QTest::keyClick(window.hexView(), Qt::Key_PageUp);
    QVERIFY(!window.grab().isNull()); // paints through the SIGBUS guard
    if (!shots.isEmpty()) {
        QCoreApplication::processEvents();
        QVERIFY(window.grab().save(shots + QStringLiteral("/device-gone.png")));
    }
    // Reload shows the device as it is now: 0 bytes.
    window.fileChanges()->banner()->reloadButton()->click();
    QVERIFY(document->isOpen());
    QCOMPARE(document->size(), std::uint64_t(0)); // what the device holds now; the status bar says so
    QVERIFY(!window.fileChanges()->isBannerShown());
    QVERIFY(!window.grab().isNull());
    // losetup -d while shown: the kernel detaches at the last close; nothing crashes meanwhile.
    loop.detach();
    document->watcher()->check();
    QVERIFY(!window.grab().isNull());
    QVERIFY(window.closeFile());
    QVERIFY(!window.hasFile());
}

void TestDeviceFlow::zeroJobAsksAndZeroesTheRange()
{
    if (geteuid() != 0)
        QSKIP("attaches a loop device: needs root (CI runs as root)");
    const QByteArray bytes = pattern(1 << 20);
    devicetest::LoopImage loop;
    QString why;
    QVERIFY2(loop.attach(bytes, std::uint64_t(bytes.size()), {}, &why), qPrintable(why));
    const QString device = loop.device();
    MainWindow window;
    window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(openThroughDialog(window, device));
    Document *document = window.currentDocument();

    // The dialog's OK asks the device warning: the job's question names the device, the note its zero-out command.
    QString asked;
    modaltest::onNextModal<DeviceEditWarning>(this, [&asked](DeviceEditWarning *warning) {
        asked = warning->model().headline() + QLatin1Char('\n') + warning->model().note();
        warning->acceptButton()->click();
    });
    bool accepted = false;
    QString whole;
    window.jobs()->setDialogRunner([&accepted, &whole](JobDialog &dialog) {
        whole = dialog.findChild<QRadioButton *>(QLatin1String(JobDialog::ObjectName::wholeFile))->text();
        dialog.findChild<QRadioButton *>(QLatin1String(JobDialog::ObjectName::customRange))->setChecked(true);
        dialog.findChild<QLineEdit *>(QLatin1String(JobDialog::ObjectName::offset))->setText(QStringLiteral("0x10000"));
        dialog.findChild<QLineEdit *>(QLatin1String(JobDialog::ObjectName::length))->setText(QStringLiteral("0x20000"));
        dialog.findChild<QCheckBox *>(QLatin1String(JobDialog::ObjectName::releaseSpace))->setChecked(false);
        dialog.accept(); // OK: the device warning, answered above
        accepted = dialog.result() == QDialog::Accepted;
        return accepted;
    });
    window.jobs()->askJob(JobOperation::Zero);
    QVERIFY(accepted);
    QVERIFY2(whole.startsWith(QStringLiteral("&Whole device: ")), qPrintable(whole));
    QVERIFY2(asked.contains(device), qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("BLKZEROOUT")), qPrintable(asked));
    QTRY_VERIFY_WITH_TIMEOUT(!document->hasRunningJobs(), 20000);
    QVERIFY(document->isWritable());
    MappedFile shown = document->file(); // a handle on the same mapping
    QVERIFY(shown.sync().ok());
    QByteArray expected = bytes;
    expected.replace(0x10000, 0x20000, QByteArray(0x20000, '\0'));
    QCOMPARE(loop.imageBytes(), expected);
    document->watcher()->check();
    QVERIFY(!window.fileChanges()->isBannerShown());
    QVERIFY(window.closeFile());
}

void TestDeviceFlow::mountedDeviceIsRefusedUntilInsisted()
{
    if (geteuid() != 0)
        QSKIP("attaches and mounts a loop device: needs root (CI runs as root)");
    devicetest::LoopImage loop; // destroyed last: unmounts and detaches
    QString why;
    QVERIFY2(loop.attach({}, 8 << 20, {}, &why), qPrintable(why));
    const QString device = loop.device();
    const QString mountPoint = loop.mountExt4(device, &why);
    QVERIFY2(!mountPoint.isEmpty(), qPrintable(why));

    MainWindow window;
    window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(openThroughDialog(window, device));
    Document *document = window.currentDocument();
    bool refused = false;
    QString usage;
    modaltest::onNextModal<DeviceEditWarning>(this, [&](DeviceEditWarning *warning) {
        usage = warning->model().usageText();
        refused = warning->insistBox() && !warning->acceptButton()->isEnabled() && warning->cancelButton()->isDefault();
        warning->accept(); // refused: still open
        refused = refused && warning->isVisible();
        warning->insistBox()->setChecked(true); // the second step enables the red button...
        refused = refused && warning->acceptButton()->isEnabled();
        warning->cancelButton()->click(); // ...but the user cancels
    });
    window.editing()->enableEditing->trigger();
    QVERIFY(refused);
    QVERIFY2(usage.contains(QStringLiteral("mounted at ") + mountPoint), qPrintable(usage));
    QVERIFY(!document->isWritable());
    QVERIFY(window.closeFile());
}

// The warning is modal, but the device's tab can go while it is open (a file-change banner's Close, Quit): nothing
// is made writable and the window follows the tab that remains.
void TestDeviceFlow::tabClosedWhileTheWarningIsOpen()
{
    if (geteuid() != 0)
        QSKIP("attaches a loop device: needs root (CI runs as root)");
    devicetest::LoopImage loop;
    QString why;
    QVERIFY2(loop.attach(pattern(64 << 10), 64 << 10, {}, &why), qPrintable(why));
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.bin"));
    QFile f(plain);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(QByteArray(100, 'p')) == 100);
    f.close();
    MainWindow window;
    window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(window.openFile(plain));
    QVERIFY(openThroughDialog(window, loop.device()));
    QCOMPARE(window.tabs()->count(), 2);
    Document *device = window.currentDocument();
    modaltest::onNextModal<DeviceEditWarning>(this, [&window, device](DeviceEditWarning *warning) {
        QVERIFY(window.closeDocument(device)); // deletes the tab, its document and its edit session
        warning->acceptButton()->click();
    });
    window.editing()->enableEditing->trigger();
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(window.currentPath(), QFileInfo(plain).canonicalFilePath());
    QVERIFY(!window.currentDocument()->isWritable());
    QVERIFY(!window.editing()->enableEditing->isChecked());
}

QTEST_MAIN(TestDeviceFlow)
#include "tst_deviceflow.moc"
