// The warning before a block device is written (Enable Editing, jobs): DeviceEditWarningModel's steps and texts,
// and the thin dialog over it (which button is default, when the accept button works). No root, no sysfs.
#include "devicetesthelpers.h"
#include "ui/device/deviceeditwarning.h"
#include "ui/device/deviceeditwarningmodel.h"
#include "ui/device/opendevicedialog.h"
#include "ui/common/theme.h"
#include "ui/jobs/jobdialog.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace hexmap;
using Step = DeviceEditWarningModel::Step;

class TestDeviceEditWarning : public QObject {
    Q_OBJECT

    static BlockDeviceInfo unmountedDisk()
    {
        BlockDeviceInfo sdb = devicetest::device("sdb", 64ull << 20, "USB Flash");
        sdb.partitions.push_back(devicetest::partition("sdb", 1, 63ull << 20));
        return sdb;
    }
    static BlockDeviceInfo mountedDisk() { return devicetest::sampleDevices()[0]; } // sda2 at "/mnt/my data"

private slots:
    void unmountedIsAllowedAfterOneStep()
    {
        DeviceEditWarningModel model(unmountedDisk());
        QVERIFY(!model.isInUse());
        QCOMPARE(model.step(), Step::Confirm);
        QVERIFY(model.isAllowed());
        QVERIFY(!model.isDestructive());
        QCOMPARE(model.acceptText(), QStringLiteral("&Enable Editing"));
        QVERIFY(model.usageText().contains(QStringLiteral("Neither /dev/sdb nor any of its partitions is mounted")));
    }

    void mountedIsRefusedUntilTheSecondStep()
    {
        DeviceEditWarningModel model(mountedDisk());
        QVERIFY(model.isInUse());
        QCOMPARE(model.step(), Step::Refused);
        QVERIFY(!model.isAllowed());
        QVERIFY(model.isDestructive());
        QCOMPARE(model.title(), QStringLiteral("Device in Use"));
        model.setInsisted(true);
        QCOMPARE(model.step(), Step::Insisted);
        QVERIFY(model.isAllowed());
        QCOMPARE(model.acceptText(), QStringLiteral("Edit &Anyway"));
        model.setInsisted(false);
        QVERIFY(!model.isAllowed());
        QVERIFY(model.insistText().contains(QStringLiteral("writing to a mounted device can destroy the file system")));
    }

    void heldCountsAsInUse()
    {
        DeviceEditWarningModel model(devicetest::sampleDevices()[2]); // loop0 held by dm-0, not mounted
        QVERIFY(model.isInUse());
        QCOMPARE(model.step(), Step::Refused);
        QCOMPARE(model.usageText(), QStringLiteral("/dev/loop0 is in use: held by dm-0."));
    }

    void textsNameDeviceModelSizeAndMountPoint()
    {
        const DeviceEditWarningModel model(mountedDisk());
        QVERIFY(model.headline().contains(QStringLiteral("/dev/sda")));
        const QString device = model.deviceText();
        QVERIFY2(device.contains(QStringLiteral("/dev/sda")), qPrintable(device));
        QVERIFY2(device.contains(QStringLiteral("QEMU HARDDISK")), qPrintable(device));
        QVERIFY2(device.contains(QStringLiteral("64.00 MiB")), qPrintable(device));
        QVERIFY2(device.contains(QStringLiteral("67,108,864 bytes")), qPrintable(device));
        QCOMPARE(model.usageText(), QStringLiteral("/dev/sda is in use: mounted at /mnt/my data (sda2)."));
        QCOMPARE(DeviceEditWarningModel::describe(mountedDisk()), QStringLiteral("/dev/sda (QEMU HARDDISK, 64.00 MiB)"));
    }

    void jobPurposeUsesTheJobQuestion()
    {
        const QString question = QStringLiteral("Zero 64.00 MiB (0x0 – 0x3FFFFFF) of “/dev/sdb”?");
        DeviceEditWarningModel model(unmountedDisk(), question, QStringLiteral("zero-out note"));
        QCOMPARE(model.purpose(), DeviceEditWarningModel::Purpose::Job);
        QCOMPARE(model.headline(), question);
        QCOMPARE(model.note(), QStringLiteral("zero-out note"));
        QCOMPARE(model.acceptText(), QStringLiteral("&Overwrite"));
        DeviceEditWarningModel mounted(mountedDisk(), question);
        QCOMPARE(mounted.step(), Step::Refused);
        QCOMPARE(mounted.acceptText(), QStringLiteral("Overwrite &Anyway"));
    }

    void dialogForAnUnmountedDevice()
    {
        DeviceEditWarning dialog{DeviceEditWarningModel(unmountedDisk())};
        QVERIFY(!dialog.insistBox());
        QVERIFY(dialog.cancelButton()->isDefault()); // Enter does not write to a disk
        QVERIFY(dialog.acceptButton()->isEnabled());
        QCOMPARE(dialog.acceptButton()->text(), QStringLiteral("&Enable Editing"));
        dialog.show();
        QTest::mouseClick(dialog.acceptButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void dialogForAMountedDeviceNeedsTheCheckBox()
    {
        DeviceEditWarning dialog{DeviceEditWarningModel(mountedDisk())};
        QVERIFY(dialog.insistBox());
        QVERIFY(dialog.cancelButton()->isDefault());
        QVERIFY(!dialog.acceptButton()->isEnabled());
        dialog.show();
        dialog.accept(); // refused while not insisted
        QVERIFY(dialog.isVisible());
        auto *usage = dialog.findChild<QLabel *>(QStringLiteral("deviceEditUsage"));
        QVERIFY(usage && usage->text().contains(QStringLiteral("/mnt/my data")));
        dialog.insistBox()->setChecked(true);
        QVERIFY(dialog.acceptButton()->isEnabled());
        QCOMPARE(dialog.acceptButton()->text(), QStringLiteral("Edit &Anyway"));
        QTest::mouseClick(dialog.acceptButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }

    // Zero on a device offers "Discard (TRIM) instead" only where the device supports discard.
    void zeroDialogOffersDiscardOnlyWhereSupported()
    {
        for (const bool discard : {false, true}) {
            BlockDeviceInfo sdb = unmountedDisk();
            sdb.supportsDiscard = discard;
            JobDialog dialog(JobOperation::Zero, sdb.size, {});
            dialog.setDevice(sdb);
            dialog.show();
            auto *release = dialog.findChild<QCheckBox *>(QLatin1String(JobDialog::ObjectName::releaseSpace));
            QVERIFY(release);
            QCOMPARE(release->isVisible(), discard);
            QVERIFY(release->text().contains(QStringLiteral("TRIM")));
            if (discard) {
                release->setChecked(true);
                QCOMPARE(dialog.spec()->zeroMode, ZeroMode::ReleaseSpace);
            } else {
                QCOMPARE(dialog.spec()->zeroMode, ZeroMode::KeepSpace);
            }
        }
    }

    void textsFitInEveryThemeAndLanguage();

    void escapeCancels()
    {
        DeviceEditWarning dialog{DeviceEditWarningModel(unmountedDisk())};
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
};

// Nothing a user reads is cut off in the Open Device dialog and the warning (mounted: the longest texts), in the light
// and dark themes and in zh_CN: every label gets the height its text needs at its width, every button its text's
// width, and the list's columns their contents. With HEXMAP_SCREENSHOT_DIR set (run under xvfb-run -a with
// QT_QPA_PLATFORM=xcb for the real style) it also saves opendevice-*.png and devicewarning-*.png.
void TestDeviceEditWarning::textsFitInEveryThemeAndLanguage()
{
    const QString outDir = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    QTranslator chinese;
    QVERIFY(chinese.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("hexmap"), QStringLiteral("_"),
                         QStringLiteral(":/hexmap/translations")));
    struct Variant {
        const char *name;
        Preferences::Theme theme;
        bool zh;
    };
    for (const Variant &v : {Variant{"light", Preferences::Theme::Light, false},
                             Variant{"dark", Preferences::Theme::Dark, false},
                             Variant{"zh_CN", Preferences::Theme::Light, true}}) {
        applyTheme(v.theme);
        if (v.zh)
            QVERIFY(QCoreApplication::installTranslator(&chinese));
        OpenDeviceDialog list;
        list.model()->setDevices(devicetest::sampleDevices());
        list.selectPath(QStringLiteral("/dev/sda2"));
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        QVERIFY(list.view()->isVisible());
        QTreeView *tree = list.view();
        for (int c = 0; c + 1 < DeviceListModel::ColumnCount; ++c) { // the last column stretches
            QVERIFY2(tree->columnWidth(c) >= tree->header()->sectionSizeHint(c), v.name);
            for (int row = 0; row < list.model()->rowCount(); ++row) {
                const QModelIndex disk = list.model()->index(row, c);
                QList<QPair<QModelIndex, int>> cells{{disk, 1}};
                for (int p = 0; p < list.model()->rowCount(disk.siblingAtColumn(0)); ++p)
                    cells.append({list.model()->index(p, c, disk.siblingAtColumn(0)), 2});
                for (const auto &[cell, depth] : cells) {
                    const int text = tree->fontMetrics().horizontalAdvance(cell.data().toString());
                    const int needed = text + (c == 0 ? depth * tree->indentation() : 0);
                    QVERIFY2(tree->columnWidth(c) >= needed, qPrintable(cell.data().toString()));
                }
            }
        }
        DeviceEditWarningModel model(devicetest::sampleDevices()[0]);
        DeviceEditWarning warning{std::move(model)};
        warning.insistBox()->setChecked(true);
        warning.show();
        QVERIFY(QTest::qWaitForWindowExposed(&warning));
        for (QWidget *dialog : {static_cast<QWidget *>(&list), static_cast<QWidget *>(&warning)}) {
            for (const QLabel *label : dialog->findChildren<QLabel *>()) {
                if (!label->isVisible() || label->text().isEmpty())
                    continue;
                const int needed = label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height();
                QVERIFY2(label->height() >= needed, qPrintable(QStringLiteral("%1 %2: %3 < %4").arg(
                    QLatin1String(v.name), label->objectName()).arg(label->height()).arg(needed)));
                if (!label->wordWrap())
                    QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
            }
            for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
                if (button->isVisible())
                    QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
        }
        if (v.zh) {
            QVERIFY2(warning.acceptButton()->text() != QStringLiteral("Edit &Anyway"), "not translated");
            QCoreApplication::removeTranslator(&chinese);
        }
        if (!outDir.isEmpty()) {
            const QString suffix = QLatin1String(v.name) + QStringLiteral(".png");
            QVERIFY(list.grab().save(outDir + QStringLiteral("/opendevice-") + suffix));
            QVERIFY(warning.grab().save(outDir + QStringLiteral("/devicewarning-") + suffix));
        }
    }
    applyTheme(Preferences::Theme::System);
}

QTEST_MAIN(TestDeviceEditWarning)
#include "tst_deviceeditwarning.moc"
