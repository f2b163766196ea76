// Issue 13 row 12, in process: the settings file (and a bookmarks file) that is a symlink, a dangling symlink or a
// FIFO. StorageCheck tells them apart with lstat and never opens a FIFO; SettingsGuard::protectSettings points
// QSettings at a private session directory then, so settings work for the session while the link's target (checked
// byte for byte and by inode) and the FIFO stay as they were; Bookmarks keep their changes in memory. A watchdog
// thread ends the process if anything blocks (a FIFO read would hang forever).
#include "ui/document/bookmarks.h"
#include "ui/common/settingsguard.h"
#include "ui/common/storagecheck.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace hexmap;
using Verdict = StorageCheck::Verdict;

namespace {

// Ends the process (exit 3) when not stopped within `seconds`: a FIFO opened for reading blocks forever.
class Watchdog {
public:
    explicit Watchdog(const char *what, int seconds = 15)
        : m_thread([this, what, seconds] {
              std::unique_lock lock(m_mutex);
              if (!m_stop.wait_for(lock, std::chrono::seconds(seconds), [this] { return m_done; })) {
                  std::fprintf(stderr, "FAIL: blocked for %d s: %s\n", seconds, what);
                  std::_Exit(3);
              }
          })
    {
    }
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_stop.notify_all();
        m_thread.join();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_stop;
    bool m_done = false;
    std::thread m_thread;
};

QByteArray enc(const QString &path) { return QFile::encodeName(path); }

bool isFifo(const QString &path)
{
    struct stat st {};
    return ::lstat(enc(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

bool isLink(const QString &path)
{
    struct stat st {};
    return ::lstat(enc(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

ino_t inodeOf(const QString &path)
{
    struct stat st {};
    return ::stat(enc(path).constData(), &st) == 0 ? st.st_ino : 0;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestSettingsSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void verdicts();
    void readNeverOpensAFifo();
    void safeSettingsAreLeftAlone();
    void fifoSettings();
    void symlinkSettings();
    void danglingSymlinkSettings();
    void bookmarksFifoAndSymlink();

private:
    // The config dir `name` under the temporary directory, with QSettings pointed at it as at the user's.
    QString configDir(const QString &name);
    QString settingsFile(const QString &dir) const;

    QTemporaryDir m_dir;
};

void TestSettingsSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settingssafety"));
    QVERIFY(m_dir.isValid());
}

QString TestSettingsSafety::configDir(const QString &name)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir + QStringLiteral("/HexmapTest"));
    for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, dir);
    return dir;
}

QString TestSettingsSafety::settingsFile(const QString &dir) const
{
    return dir + QStringLiteral("/HexmapTest/tst_settingssafety.conf");
}

void TestSettingsSafety::verdicts()
{
    const QString regular = m_dir.filePath(QStringLiteral("v/regular"));
    QVERIFY(writeFile(regular, "x"));
    QCOMPARE(checkStoragePath(enc(regular)).verdict, Verdict::Regular);
    QCOMPARE(checkStoragePath(enc(m_dir.filePath(QStringLiteral("v/missing")))).verdict, Verdict::Missing);

    const QString link = m_dir.filePath(QStringLiteral("v/link"));
    QVERIFY(QFile::link(regular, link));
    StorageCheck c = checkStoragePath(enc(link));
    QCOMPARE(c.verdict, Verdict::Unsafe);
    QVERIFY(c.symlinkToRegularFile);
    QVERIFY2(c.reason.contains(QLatin1String("symbolic link to")) && c.reason.contains(regular), qPrintable(c.reason));

    const QString dangling = m_dir.filePath(QStringLiteral("v/dangling"));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("v/nowhere")), dangling));
    c = checkStoragePath(enc(dangling));
    QCOMPARE(c.verdict, Verdict::Unsafe);
    QVERIFY(!c.symlinkToRegularFile);
    QVERIFY2(c.reason.contains(QLatin1String("does not exist")), qPrintable(c.reason));

    const QString fifo = m_dir.filePath(QStringLiteral("v/fifo"));
    QCOMPARE(::mkfifo(enc(fifo).constData(), 0600), 0);
    c = checkStoragePath(enc(fifo));
    QCOMPARE(c.verdict, Verdict::Unsafe);
    QVERIFY2(c.reason.contains(QLatin1String("FIFO")), qPrintable(c.reason));

    QCOMPARE(checkStoragePath(enc(m_dir.filePath(QStringLiteral("v")))).verdict, Verdict::Unsafe); // a directory
    QCOMPARE(checkStoragePath("/dev/null").verdict, Verdict::Unsafe);                               // a device
    QCOMPARE(checkStorageDirectory(enc(m_dir.filePath(QStringLiteral("v")))).verdict, Verdict::Regular);
    QCOMPARE(checkStorageDirectory(enc(fifo)).verdict, Verdict::Unsafe);
}

void TestSettingsSafety::readNeverOpensAFifo()
{
    const QString fifo = m_dir.filePath(QStringLiteral("r/fifo"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("r")));
    QCOMPARE(::mkfifo(enc(fifo).constData(), 0600), 0);
    const QString target = m_dir.filePath(QStringLiteral("r/target"));
    QVERIFY(writeFile(target, "abc"));
    const QString link = m_dir.filePath(QStringLiteral("r/link"));
    QVERIFY(QFile::link(target, link));
    const QString fifoLink = m_dir.filePath(QStringLiteral("r/fifolink"));
    QVERIFY(QFile::link(fifo, fifoLink));
    Watchdog watchdog("readRegularFile on a FIFO");
    QVERIFY(!readRegularFile(enc(fifo), false));
    QVERIFY(!readRegularFile(enc(fifo), true));
    QVERIFY(!readRegularFile(enc(fifoLink), true));
    QVERIFY(!readRegularFile(enc(link), false)); // not following: a link is not a regular file
    QCOMPARE(readRegularFile(enc(link), true).value_or(QByteArray()), QByteArray("abc"));
    QCOMPARE(readRegularFile(enc(target), false).value_or(QByteArray()), QByteArray("abc"));
    QVERIFY(!readRegularFile("/dev/zero", true));
}

void TestSettingsSafety::safeSettingsAreLeftAlone()
{
    const QString dir = configDir(QStringLiteral("safe"));
    QVERIFY(writeFile(settingsFile(dir), "[General]\nk=1\n"));
    QCOMPARE(SettingsGuard::instance()->protectSettings(dir), QString());
    QVERIFY(!SettingsGuard::instance()->isSessionOnly());
    QCOMPARE(QSettings().value(QStringLiteral("k")).toInt(), 1);
}

void TestSettingsSafety::fifoSettings()
{
    const QString dir = configDir(QStringLiteral("fifo"));
    const QString fifo = settingsFile(dir);
    QCOMPARE(::mkfifo(enc(fifo).constData(), 0600), 0);
    Watchdog watchdog("QSettings on a FIFO settings file");
    const QString warning = SettingsGuard::instance()->protectSettings(dir);
    QVERIFY2(warning.contains(QLatin1String("FIFO")) && warning.contains(fifo), qPrintable(warning));
    QVERIFY(SettingsGuard::instance()->isSessionOnly());
    QVERIFY(SettingsGuard::instance()->warnings().contains(warning));
    {
        QSettings settings;
        settings.setValue(QStringLiteral("k"), 42);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    QCOMPARE(QSettings().value(QStringLiteral("k")).toInt(), 42); // kept for the session
    QVERIFY(QSettings().fileName().startsWith(SettingsGuard::instance()->sessionDirectory()));
    QVERIFY(isFifo(fifo)); // never replaced
}

void TestSettingsSafety::symlinkSettings()
{
    const QString dir = configDir(QStringLiteral("link"));
    const QString target = m_dir.filePath(QStringLiteral("elsewhere/target.conf"));
    const QByteArray content("[General]\nk=7\n");
    QVERIFY(writeFile(target, content));
    const ino_t inode = inodeOf(target);
    QVERIFY(QFile::link(target, settingsFile(dir)));
    const QString warning = SettingsGuard::instance()->protectSettings(dir);
    QVERIFY2(warning.contains(QLatin1String("symbolic link")), qPrintable(warning));
    QCOMPARE(QSettings().value(QStringLiteral("k")).toInt(), 7); // read through the link (a regular file)
    {
        QSettings settings;
        settings.setValue(QStringLiteral("k"), 8);
        settings.setValue(QStringLiteral("recentFiles"), QStringList{QStringLiteral("/a")});
        settings.sync();
    }
    QCOMPARE(QSettings().value(QStringLiteral("k")).toInt(), 8);
    QVERIFY(isLink(settingsFile(dir)));
    QCOMPARE(readAll(target), content); // the target, byte for byte
    QCOMPARE(inodeOf(target), inode);   // and not replaced by a new file
}

void TestSettingsSafety::danglingSymlinkSettings()
{
    const QString dir = configDir(QStringLiteral("dangling"));
    const QString nowhere = m_dir.filePath(QStringLiteral("nowhere.conf"));
    QVERIFY(QFile::link(nowhere, settingsFile(dir)));
    const QString warning = SettingsGuard::instance()->protectSettings(dir);
    QVERIFY2(warning.contains(QLatin1String("does not exist")), qPrintable(warning));
    {
        QSettings settings;
        settings.setValue(QStringLiteral("k"), 9);
        settings.sync();
    }
    QCOMPARE(QSettings().value(QStringLiteral("k")).toInt(), 9);
    QVERIFY(isLink(settingsFile(dir)));
    QVERIFY(!QFileInfo::exists(nowhere)); // nothing created through the link
}

void TestSettingsSafety::bookmarksFifoAndSymlink()
{
    const QString fileA = m_dir.filePath(QStringLiteral("a.bin"));
    const QString fileB = m_dir.filePath(QStringLiteral("b.bin"));
    QVERIFY(writeFile(fileA, "a"));
    QVERIFY(writeFile(fileB, "b"));
    const QString storeA = Bookmarks::storagePath(fileA);
    const QString storeB = Bookmarks::storagePath(fileB);
    QDir().mkpath(QFileInfo(storeA).absolutePath());
    QFile::remove(storeA);
    QFile::remove(storeB);
    QCOMPARE(::mkfifo(enc(storeA).constData(), 0600), 0);
    const QString target = m_dir.filePath(QStringLiteral("bookmarks-target.json"));
    const QByteArray content("{\"bookmarks\":[{\"offset\":\"16\",\"name\":\"kept\",\"color\":\"#ff0000\"}]}");
    QVERIFY(writeFile(target, content));
    QVERIFY(QFile::link(target, storeB));

    Watchdog watchdog("Bookmarks on a FIFO");
    Bookmarks bookmarks;
    bookmarks.setFile(fileA); // would block forever reading the FIFO
    QVERIFY(bookmarks.items().empty());
    QVERIFY(bookmarks.toggle(0x20));
    QCOMPARE(bookmarks.items().size(), std::size_t(1)); // kept in memory
    QVERIFY(isFifo(storeA));
    bool warned = false;
    for (const QString &w : SettingsGuard::instance()->warnings())
        warned = warned || (w.contains(QLatin1String("Bookmarks")) && w.contains(storeA));
    QVERIFY(warned);

    bookmarks.setFile(fileB);
    QCOMPARE(bookmarks.items().size(), std::size_t(1)); // read through the link
    QCOMPARE(bookmarks.items().front().name, QStringLiteral("kept"));
    QVERIFY(bookmarks.toggle(0x40));
    bookmarks.rename(0, QStringLiteral("renamed"));
    QVERIFY(isLink(storeB));
    QCOMPARE(readAll(target), content); // never written through
    QFile::remove(storeA);
    QFile::remove(storeB);
}

QTEST_MAIN(TestSettingsSafety)
#include "tst_settingssafety.moc"
