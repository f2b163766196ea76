// One writer at a time (issue 13, row 7): a read-write MappedFile holds an fcntl OFD write lock; another process's
// read-write open (or create over the file) is refused with Errc::WriteLocked naming the holder ("PROGRAM, pid N"),
// read-only opens are not; the lock is released when the mapping goes (not only when the process exits); mappings
// of one inode in one process share it; a stale info file (dead pid) is never taken for the holder.
// The "other process" is a fork()ed child driven through pipes.
#include "core/mappedfile.h"
#include "core/writelock.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hexmap;

namespace {

// A forked child running `body`, which talks to the parent through two pipes: the child says a byte when it
// reached a step (toParent) and waits for a byte before the next one (toChild). Killed and reaped on destruction.
class Child {
public:
    using Body = std::function<int(Child &)>;
    explicit Child(const Body &body)
    {
        if (::pipe(m_toParent) != 0 || ::pipe(m_toChild) != 0)
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::close(m_toParent[0]);
            ::close(m_toChild[1]);
            ::_exit(body(*this));
        }
        ::close(m_toParent[1]);
        ::close(m_toChild[0]);
    }
    ~Child()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        ::close(m_toParent[0]);
        ::close(m_toChild[1]);
    }
    pid_t pid() const { return m_pid; }
    // In the child:
    void tell(char c) { (void)!::write(m_toParent[1], &c, 1); }
    char await()
    {
        char c = 0;
        return ::read(m_toChild[0], &c, 1) == 1 ? c : 0;
    }
    // In the parent:
    char expect()
    {
        char c = 0;
        return ::read(m_toParent[0], &c, 1) == 1 ? c : 0;
    }
    void send(char c) { (void)!::write(m_toChild[1], &c, 1); }
    int wait() // exit status, or -1
    {
        int status = 0;
        const pid_t pid = std::exchange(m_pid, -1);
        if (pid <= 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
            return -1;
        return WEXITSTATUS(status);
    }

private:
    pid_t m_pid = -1;
    int m_toParent[2] = {-1, -1};
    int m_toChild[2] = {-1, -1};
};

std::string makeFile(const QTemporaryDir &dir, const char *name, qint64 size = 8192)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray(size, 'a')) != size)
        return {};
    return QFile::encodeName(path).toStdString();
}

// Exit codes of a child that tries to open `path` read-write: 0 opened, 1 refused as write-locked, 2 other error.
int tryOpenReadWrite(const std::string &path)
{
    auto file = MappedFile::openReadWrite(path);
    return file.ok() ? 0 : file.code() == Errc::WriteLocked ? 1 : 2;
}

} // namespace

class TestWriteLock : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path())); // our own info folder, also for children
        QCOMPARE(QString::fromStdString(WriteLock::infoDirectory()), m_runtime.filePath(QStringLiteral("hexmap-locks")));
    }

    void secondWriterInAnotherProcessIsRefused()
    {
        const std::string path = makeFile(m_dir, "held.bin");
        QVERIFY(!path.empty());
        Child child([&](Child &self) {
            WriteLock::setProgramName("hexmap-cli");
            auto file = MappedFile::openReadWrite(path);
            if (!file)
                return 2;
            self.tell('L'); // locked
            if (self.await() != 'R')
                return 3;
            file = MappedFile(); // release by closing, while the process lives on
            self.tell('U');
            self.await();
            return 0;
        });
        QCOMPARE(child.expect(), 'L');

        auto refused = MappedFile::openReadWrite(path);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.code(), make_error_code(Errc::WriteLocked));
        const std::string holder = "being written by hexmap-cli, pid " + std::to_string(child.pid());
        QVERIFY2(refused.message().find(holder) != std::string::npos, refused.message().c_str());
        QVERIFY2(refused.message().find(path) != std::string::npos, refused.message().c_str());
        auto who = WriteLock::holderOfPath(path);
        QVERIFY(who.ok() && who->has_value());
        QCOMPARE((*who)->pid, long(child.pid()));
        QCOMPARE(QString::fromStdString((*who)->program), QStringLiteral("hexmap-cli"));
        // Readers are never refused; create --force cannot swap the file out from under the writer either.
        QVERIFY(MappedFile::openReadOnly(path).ok());
        auto created = MappedFile::create(path, 4096);
        QVERIFY(!created.ok());
        QCOMPARE(created.code(), make_error_code(Errc::WriteLocked));
        QCOMPARE(QFileInfo(QString::fromStdString(path)).size(), 8192);

        child.send('R');
        QCOMPARE(child.expect(), 'U'); // the child closed its mapping but still runs
        auto mine = MappedFile::openReadWrite(path);
        QVERIFY2(mine.ok(), mine.message().c_str());
        child.send('X');
        QCOMPARE(child.wait(), 0);
    }

    void releasedWhenTheHolderDies()
    {
        const std::string path = makeFile(m_dir, "killed.bin");
        {
            Child child([&](Child &self) {
                auto file = MappedFile::openReadWrite(path);
                self.tell(file ? 'L' : 'E');
                self.await();
                return 0;
            });
            QCOMPARE(child.expect(), 'L');
            QCOMPARE(MappedFile::openReadWrite(path).code(), make_error_code(Errc::WriteLocked));
        } // SIGKILL: no clean-up ran, its info file stays behind (stale)
        auto mine = MappedFile::openReadWrite(path);
        QVERIFY2(mine.ok(), mine.message().c_str());
    }

    void mappingsOfOneProcessShareTheLock()
    {
        const std::string path = makeFile(m_dir, "shared.bin");
        auto first = MappedFile::openReadWrite(path);
        QVERIFY(first.ok());
        auto second = MappedFile::openReadWrite(path); // e.g. a reload while the old mapping still lives
        QVERIFY2(second.ok(), second.message().c_str());
        *first = MappedFile();
        // The second mapping still holds it: another process (even our own fork) is refused, naming us.
        Child child([&](Child &) {
            auto file = MappedFile::openReadWrite(path);
            if (file.ok())
                return 0;
            const std::string holder = "tst_writelock, pid " + std::to_string(::getppid());
            return file.message().find(holder) != std::string::npos ? 1 : 2;
        });
        QCOMPARE(child.wait(), 1);
        *second = MappedFile();
        Child after([&](Child &) { return tryOpenReadWrite(path); });
        QCOMPARE(after.wait(), 0);
    }

    void staleInfoIsIgnored()
    {
        const std::string path = makeFile(m_dir, "stale.bin");
        struct stat st {};
        QVERIFY(::stat(path.c_str(), &st) == 0);
        pid_t dead = 0;
        {
            Child gone([](Child &) { return 0; });
            dead = gone.pid();
            QCOMPARE(gone.wait(), 0); // reaped: its pid names no process now
        }
        char name[64];
        std::snprintf(name, sizeof name, "%llx-%llx", static_cast<unsigned long long>(st.st_dev),
                      static_cast<unsigned long long>(st.st_ino));
        const QString info = QString::fromStdString(WriteLock::infoDirectory() + "/" + name);
        const QString otherInfo = QString::fromStdString(WriteLock::infoDirectory() + "/ffff-ffff");
        for (const QString &file : {info, otherInfo}) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hexmap-cli\n" + QByteArray::number(dead) + "\n");
        }
        // A holder that writes no info (not Hexmap): the dead pid's info must not be taken for it.
        Child raw([&](Child &self) {
            const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
            struct flock fl {};
            fl.l_type = F_WRLCK;
            fl.l_whence = SEEK_SET;
            if (fd < 0 || ::fcntl(fd, F_OFD_SETLK, &fl) != 0)
                return 2;
            self.tell('L');
            self.await();
            return 0;
        });
        QCOMPARE(raw.expect(), 'L');
        auto refused = MappedFile::openReadWrite(path);
        QCOMPARE(refused.code(), make_error_code(Errc::WriteLocked));
        QVERIFY2(refused.message().find("being written by another process") != std::string::npos,
                 refused.message().c_str());
        QVERIFY2(refused.message().find(std::to_string(dead)) == std::string::npos, refused.message().c_str());
        raw.send('X');
        QCOMPARE(raw.wait(), 0);

        // Free again: the stale file does not stop us, and is replaced by ours while we hold the lock.
        auto mine = MappedFile::openReadWrite(path);
        QVERIFY2(mine.ok(), mine.message().c_str());
        QFile f(info);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("tst_writelock\n" + QByteArray::number(::getpid()) + "\n"));
        f.close();
        QVERIFY(!QFile::exists(otherInfo)); // stale files of other inodes are swept when a lock is taken
        *mine = MappedFile();
        QVERIFY(!QFile::exists(info)); // removed on release
    }

    void classicPosixLockHolderIsNamedByTheKernel()
    {
        const std::string path = makeFile(m_dir, "posix.bin");
        Child child([&](Child &self) {
            const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
            struct flock fl {};
            fl.l_type = F_WRLCK;
            fl.l_whence = SEEK_SET;
            if (fd < 0 || ::fcntl(fd, F_SETLK, &fl) != 0)
                return 2;
            self.tell('L');
            self.await();
            return 0;
        });
        QCOMPARE(child.expect(), 'L');
        auto refused = MappedFile::openReadWrite(path);
        QCOMPARE(refused.code(), make_error_code(Errc::WriteLocked));
        const std::string holder = "tst_writelock, pid " + std::to_string(child.pid());
        QVERIFY2(refused.message().find(holder) != std::string::npos, refused.message().c_str());
        child.send('X');
        QCOMPARE(child.wait(), 0);
    }

    void createdFileIsLocked()
    {
        const std::string path = QFile::encodeName(m_dir.filePath(QStringLiteral("created.bin"))).toStdString();
        auto created = MappedFile::create(path, 4096);
        QVERIFY2(created.ok(), created.message().c_str());
        Child child([&](Child &) { return tryOpenReadWrite(path); });
        QCOMPARE(child.wait(), 1);
        *created = MappedFile();
        Child after([&](Child &) { return tryOpenReadWrite(path); });
        QCOMPARE(after.wait(), 0);
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_runtime;
};

QTEST_GUILESS_MAIN(TestWriteLock)
#include "tst_writelock.moc"
