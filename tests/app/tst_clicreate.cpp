// Issue 13 row 13: Ctrl+C (SIGINT), SIGTERM or SIGHUP during `hexmap-cli create` leaves no hidden
// ".hexmap-create-XXXXXX" temporary file behind and never touches an existing target before the rename; temporary
// files of creators that died without a chance to clean up (kill -9) are removed by the next create in the folder.
// Moments: the test hook HEXMAP_CLI_TEST_PAUSE_IN_CREATE stops create at each stage, and a series of runs sends
// SIGINT at random moments (start-up, fallocate of 128 MiB on tmpfs, rename, after).
#include "rawprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using hexmap::testing::RawOptions;
using hexmap::testing::RawProcess;
using hexmap::testing::runRaw;

namespace {

const QByteArray kOld("the original target: must survive an interrupted create --force\n");

QStringList tempFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral(".hexmap-create-*")}, QDir::Files | QDir::Hidden | QDir::System,
                                 QDir::Name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

ino_t inodeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class TestCliCreate : public QObject {
    Q_OBJECT
private slots:
    void interruptedAtStage_data();
    void interruptedAtStage();
    void interruptedAtRandomMoments();
    void staleTemporaryFilesRemoved();

private:
    static QByteArray cli() { return QByteArrayLiteral(HEXMAP_CLI_PATH); }
};

void TestCliCreate::interruptedAtStage_data()
{
    QTest::addColumn<QByteArray>("stage");
    QTest::addColumn<int>("signal");
    QTest::addColumn<bool>("replaced"); // the rename had happened: the target is the new file
    for (const char *stage : {"created", "reserved", "renamed"}) {
        const bool replaced = QByteArray(stage) == "renamed";
        QTest::addRow("%s SIGINT", stage) << QByteArray(stage) << SIGINT << replaced;
        QTest::addRow("%s SIGTERM", stage) << QByteArray(stage) << SIGTERM << replaced;
    }
    QTest::addRow("created SIGHUP") << QByteArray("created") << SIGHUP << false;
}

void TestCliCreate::interruptedAtStage()
{
    QFETCH(QByteArray, stage);
    QFETCH(int, signal);
    QFETCH(bool, replaced);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (bool force : {true, false}) {
        const QString target = dir.filePath(force ? QStringLiteral("existing.bin") : QStringLiteral("new.bin"));
        if (force)
            QVERIFY(writeFile(target, kOld));
        const ino_t inode = inodeOf(target);
        RawOptions options;
        options.env = {"HEXMAP_CLI_TEST_PAUSE_IN_CREATE=" + stage};
        QList<QByteArray> args{"create", QFile::encodeName(target), "1M"};
        if (force)
            args << "--force";
        RawProcess create;
        QVERIFY(create.start(cli(), args, options));
        QVERIFY2(create.waitForErr("test hook: create paused at " + stage, 30000), create.err().constData());
        if (stage != "renamed")
            QCOMPARE(tempFiles(dir.path()).size(), 1); // the hook really stopped it mid-create
        create.sendSignal(signal);
        const auto result = create.wait(30000);
        QCOMPARE(result.signal, signal); // died of the signal, as after the default action (shell: 128 + signal)
        QVERIFY2(tempFiles(dir.path()).isEmpty(), qPrintable(tempFiles(dir.path()).join(QLatin1Char(' '))));
        if (replaced) {
            QCOMPARE(QFileInfo(target).size(), 1 << 20);
            QVERIFY(!result.err.contains("temporary file was removed"));
        } else {
            QVERIFY2(result.err.contains("interrupted: the temporary file was removed, nothing was created or "
                                         "replaced"), result.err.constData());
            if (force) {
                QCOMPARE(readAll(target), kOld);
                QCOMPARE(inodeOf(target), inode);
            } else {
                QVERIFY(!QFileInfo::exists(target));
            }
        }
        QFile::remove(target);
    }
}

void TestCliCreate::interruptedAtRandomMoments()
{
    // tmpfs: posix_fallocate really allocates the 128 MiB page by page, which takes long enough to be hit.
    QTemporaryDir dir(QStringLiteral("/dev/shm/tst_clicreate-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("t.bin"));
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    int untouched = 0;
    for (int run = 0; run < 12; ++run) {
        QVERIFY(writeFile(target, kOld));
        RawProcess create;
        QVERIFY(create.start(cli(), {"create", QFile::encodeName(target), "128M", "--force"}));
        QThread::usleep(random.bounded(150000)); // start-up ~50 ms, then ~50 ms of fallocate
        create.sendSignal(SIGINT);
        const auto result = create.wait(30000);
        QVERIFY(!result.timedOut);
        QVERIFY2(tempFiles(dir.path()).isEmpty(), qPrintable(QStringLiteral("run %1: %2").arg(run)
                                                                 .arg(tempFiles(dir.path()).join(QLatin1Char(' ')))));
        // Either the old file untouched (interrupted before the rename) or the whole new one (after it).
        const qint64 size = QFileInfo(target).size();
        if (size == kOld.size()) {
            QCOMPARE(readAll(target), kOld);
            ++untouched;
        } else {
            QCOMPARE(size, qint64(128) << 20);
        }
    }
    qInfo("%d of 12 runs interrupted before the rename", untouched);
}

void TestCliCreate::staleTemporaryFilesRemoved()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto make = [&](const char *name, bool old) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QVERIFY(writeFile(path, "leftover"));
        if (old) {
            const timespec times[2] = {{0, UTIME_OMIT}, {std::time(nullptr) - 3600, 0}};
            QVERIFY(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0);
        }
    };
    make(".hexmap-create-dead01", true);  // left by a kill -9 an hour ago: removed
    make(".hexmap-create-fresh1", false); // may be a creator between mkostemp and its lock: kept
    make(".hexmap-create-live01", true);  // locked by a live creator (this test): kept
    make(".hexmap-create-toolongname", true); // not a temporary name: kept
    QFile live(dir.filePath(QStringLiteral(".hexmap-create-live01")));
    QVERIFY(live.open(QIODevice::ReadOnly));
    QVERIFY(::flock(live.handle(), LOCK_EX | LOCK_NB) == 0);
    const auto result = runRaw(cli(), {"create", QFile::encodeName(dir.filePath(QStringLiteral("new.bin"))), "4K"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(tempFiles(dir.path()),
             (QStringList{".hexmap-create-fresh1", ".hexmap-create-live01", ".hexmap-create-toolongname"}));
    QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("new.bin"))).size(), 4096);
}

QTEST_GUILESS_MAIN(TestCliCreate)
#include "tst_clicreate.moc"
