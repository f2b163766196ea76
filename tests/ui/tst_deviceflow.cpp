// A real block device in the main window (root: a loop device over an image in a QTemporaryDir, detached in the
// fixture's destructor also when an assertion fails): File > Open Device… opens the chosen row read-only and shows
// the image's bytes; Enable Editing shows the device warning (Cancel keeps it read-only, nothing written); accepted,
// a typed byte and Save change exactly that byte of the image; the device shrinking to 0 bytes (a removed disk)
// shows the banner, and `losetup -d` while shown crashes nothing.
#include "loopdevice.h"
#include "modaltesthelpers.h"
#include "ui/device/deviceeditwarning.h"
#include "ui/device/devicesupport.h"
#include "ui/device/opendevicedialog.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/filewatcher.h"
#include "ui/edit/editingsupport.h"
#include "ui/pane/filechangebanner.h"
#include "ui/view/hexview.h"
#include "ui/window/filechangesupport.h"
#include "ui/window/mainwindow.h"
#include "ui/window/statusbarwidgets.h"

#include <QAction>
#include <QPushButton>
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
};

void TestDeviceFlow::openEditSaveAndVanish()
{
    if (geteuid() != 0)
        QSKIP("attaches a loop device: needs root (CI runs as root)");
    QByteArray bytes(1 << 20, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7) % 251);
    devicetest::LoopDevice loop; // declared before the window: detached after the window closed the device
    QString why;
    QVERIFY2(loop.attach(bytes, &why), qPrintable(why));
    const QString device = loop.device();

    MainWindow window;
    QStringList errors;
    window.setErrorReporter([&errors](const QString &message) { errors << message; });
    window.resize(1000, 600);
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
    QCOMPARE(document->size(), std::uint64_t(bytes.size()));
    QByteArray shown(bytes.size(), '\0');
    QCOMPARE(document->session()->readDisplayed(0, std::as_writable_bytes(std::span(shown.data(), shown.size()))),
             std::size_t(bytes.size()));
    QCOMPARE(shown, bytes);
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

    // The device goes away (0 bytes, as a removed disk reads): the banner says so, the window still works.
    QVERIFY2(loop.vanish(&why), qPrintable(why));
    document->watcher()->check();
    QVERIFY(window.fileChanges()->isBannerShown());
    QCOMPARE(window.fileChanges()->banner()->message(), device + QStringLiteral(" is no longer available (size 0)"));
    window.hexView()->setCursorOffset(std::uint64_t(bytes.size() - 1));
    QTest::keyClick(window.hexView(), Qt::Key_PageUp);
    QVERIFY(!window.grab().isNull()); // paints through the SIGBUS guard
    // losetup -d while shown: the kernel detaches at the last close; nothing crashes meanwhile.
    QVERIFY2(loop.detach(&why), qPrintable(why));
    document->watcher()->check();
    QVERIFY(!window.grab().isNull());
    QVERIFY(window.closeFile());
    QVERIFY(!window.hasFile());
}

QTEST_MAIN(TestDeviceFlow)
#include "tst_deviceflow.moc"
