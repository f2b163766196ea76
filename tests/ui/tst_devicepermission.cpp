// Open Device as a user without rights on the device (root: a loop device, then setpriv to nobody without groups).
#include "core/loopdevice.h"
#include "core/otheruser.h"
#include "ui/device/devicesupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QProcess>
#include <QtTest>

#include <cstdio>
#include <unistd.h>

using namespace hexmap;

class TestDevicePermission : public QObject {
    Q_OBJECT

private slots:
    void permissionFailureSaysWhatIsNeeded();
};

// As a user without rights on the device (setpriv to nobody, no groups), Open Device reports the engine's message:
// it names the device and says that root or the device's group is needed, not a generic error. The suite runs
// itself for that user (HEXMAP_DEVICEPERMISSION_CHILD names the device); the child prints what it was told.
void TestDevicePermission::permissionFailureSaysWhatIsNeeded()
{
    if (const QString child = qEnvironmentVariable("HEXMAP_DEVICEPERMISSION_CHILD"); !child.isEmpty()) {
        QWidget window;
        DeviceSupport devices(&window);
        QString reported;
        devices.setErrorReporter([&reported](const QString &message) { reported = message; });
        QVERIFY(!devices.openDevice(child));
        std::fprintf(stdout, "REPORTED: %s\n", qPrintable(reported));
        return;
    }
    if (geteuid() != 0)
        QSKIP("attaches a loop device and switches user: needs root (CI runs as root)");
    devicetest::LoopImage loop;
    QString why;
    QVERIFY2(loop.attach(QByteArray(64 << 10, 'x'), 64 << 10, {}, &why), qPrintable(why));
    devicetest::OtherUserCopy copy; // runnable by nobody wherever the build tree lives (CI may build under /root)
    QVERIFY2(copy.make(QCoreApplication::applicationFilePath(), &why), qPrintable(why));
    QProcess child;
    QProcessEnvironment env = copy.environment();
    env.insert(QStringLiteral("HEXMAP_DEVICEPERMISSION_CHILD"), loop.device());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), QDir::tempPath());
    child.setProcessEnvironment(env);
    child.start(QStringLiteral("setpriv"), copy.setprivArguments({QStringLiteral("permissionFailureSaysWhatIsNeeded")}));
    QVERIFY(child.waitForFinished(30000));
    const QString out = QString::fromLocal8Bit(child.readAllStandardOutput());
    QVERIFY2(child.exitCode() == 0, qPrintable(out + QString::fromLocal8Bit(child.readAllStandardError())));
    const QString reported = out.section(QStringLiteral("REPORTED: "), 1).section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(reported.startsWith(loop.device()), qPrintable(out));
    QVERIFY2(reported.contains(QStringLiteral("permission denied")), qPrintable(reported));
    QVERIFY2(reported.contains(QStringLiteral("root")), qPrintable(reported)); // root or the device's group
}

QTEST_MAIN(TestDevicePermission)
#include "tst_devicepermission.moc"
