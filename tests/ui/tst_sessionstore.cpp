// SessionStore: the open files of the last session, in tab order, and the current one; saved from a window and
// reopened into another.
#include "ui/window/documenttabs.h"
#include "ui/window/mainwindow.h"
#include "ui/window/sessionstore.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using hexmap::SessionStore;

class TestSessionStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sessionstore"));
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void emptyWhenNothingWasSaved()
    {
        const auto session = SessionStore().load();
        QVERIFY(session.paths.isEmpty());
        QCOMPARE(session.current, -1);
    }

    void roundTripKeepsOrderAndCurrent()
    {
        SessionStore().save({QStringLiteral("/b.bin"), QStringLiteral("/a.bin"), QStringLiteral("/c.bin")}, 2);
        const auto session = SessionStore().load();
        QCOMPARE(session.paths, QStringList({QStringLiteral("/b.bin"), QStringLiteral("/a.bin"), QStringLiteral("/c.bin")}));
        QCOMPARE(session.current, 2);
    }

    void currentIsClamped()
    {
        SessionStore().save({QStringLiteral("/a.bin"), QStringLiteral("/b.bin")}, 7);
        QCOMPARE(SessionStore().load().current, 1);
        SessionStore().save({}, 3);
        QCOMPARE(SessionStore().load().current, -1);
    }

    void damagedSettingsAreCleanedUp()
    {
        QSettings settings;
        settings.setValue(QStringLiteral("session/files"),
                          QStringList({QString(), QStringLiteral("/a.bin"), QStringLiteral("/b.bin"), QStringLiteral("/a.bin")}));
        settings.setValue(QStringLiteral("session/current"), 2); // "/b.bin" in the stored list
        settings.sync();
        const auto session = SessionStore().load();
        QCOMPARE(session.paths, QStringList({QStringLiteral("/a.bin"), QStringLiteral("/b.bin")}));
        QCOMPARE(session.current, 1); // still the file that was current, after the clean-up
    }

    void windowRoundTripReopensTheTabsAndNamesWhatIsGone()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList paths;
        for (const char *name : {"a.bin", "b.bin", "c.bin"}) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(QByteArray(4096, name[0])), qint64(4096));
            f.close();
            paths << QFileInfo(f.fileName()).canonicalFilePath();
        }
        {
            hexmap::MainWindow window;
            QCOMPARE(window.openFiles(paths), 3);
            QVERIFY(window.openFile(paths.at(1))); // b's tab current again
            SessionStore().saveFrom(window);
        }
        const auto stored = SessionStore().load();
        QCOMPARE(stored.paths, paths);
        QCOMPARE(stored.current, 1);

        QVERIFY(QFile::remove(paths.at(2))); // gone before the next start
        hexmap::MainWindow window;
        QCOMPARE(SessionStore().restoreInto(window), 2);
        QCOMPARE(window.tabs()->count(), 2);
        QCOMPARE(window.currentPath(), paths.at(1));
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("c.bin")), qPrintable(message));
    }

    void groupsAreSeparateAndClearForgets()
    {
        SessionStore(QStringLiteral("one")).save({QStringLiteral("/a.bin")}, 0);
        QVERIFY(SessionStore(QStringLiteral("two")).load().paths.isEmpty());
        SessionStore(QStringLiteral("one")).clear();
        QVERIFY(SessionStore(QStringLiteral("one")).load().paths.isEmpty());
    }
};

QTEST_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
