// SessionStore: the open files of the last session, in tab order, and the current one.
#include "ui/window/sessionstore.h"

#include <QSettings>
#include <QStandardPaths>
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

    void groupsAreSeparateAndClearForgets()
    {
        SessionStore(QStringLiteral("one")).save({QStringLiteral("/a.bin")}, 0);
        QVERIFY(SessionStore(QStringLiteral("two")).load().paths.isEmpty());
        SessionStore(QStringLiteral("one")).clear();
        QVERIFY(SessionStore(QStringLiteral("one")).load().paths.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
