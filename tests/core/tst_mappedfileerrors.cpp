// Errors of MappedFile::open/create: each case a distinct, named error, and create on a full disk (ENOSPC)
// leaving no file behind.
#include "enginetesthelpers.h"

#include "core/mappedfile.h"

#include <QtTest>

#include <cstdint>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <sys/un.h>
#include <sys/wait.h>

using namespace hexmap;
using namespace enginetest;

namespace {

std::error_code sys(int err) { return {err, std::system_category()}; }

// Opens `path` read-only in a child that dropped root for nobody (65534); the exit status tells what happened:
// 0 opened, 1 EACCES, 2 another error, 3 could not drop privileges.
int openAsNobody(const std::string &path)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(3);
        auto file = MappedFile::openReadOnly(path);
        ::_exit(file.ok() ? 0 : file.code() == sys(EACCES) ? 1 : 2);
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

} // namespace

class TestMappedFileErrors : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void expectOpenError(const std::string &path, std::error_code expected, OpenMode mode = OpenMode::ReadOnly,
                         const char *kind = nullptr)
    {
        auto file = MappedFile::open(path, mode);
        QVERIFY2(!file.ok(), path.c_str());
        QCOMPARE(file.code(), expected);
        QVERIFY2(file.message().find(path) != std::string::npos, file.message().c_str());
        if (kind)
            QVERIFY2(file.message().find(kind) != std::string::npos, file.message().c_str());
    }

private slots:
    void missingFile() { expectOpenError(pathIn(m_dir, "missing.bin"), sys(ENOENT)); }
    void directory()
    {
        expectOpenError(m_dir.path().toStdString(), make_error_code(Errc::IsDirectory));
        auto created = MappedFile::create(m_dir.path().toStdString(), 10);
        QCOMPARE(created.code(), make_error_code(Errc::IsDirectory));
    }
    void emptyFileOpens()
    {
        const std::string path = pathIn(m_dir, "empty.bin");
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        // A zero-length file opens (nothing is mapped: mmap of length 0 is invalid) in both modes, and every
        // access is an empty result or a clear out-of-range error, never a dereference of the missing mapping.
        for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
            auto opened = MappedFile::open(path, mode);
            QVERIFY2(opened.ok(), opened.ok() ? "" : opened.message().c_str());
            MappedFile file = std::move(opened).value();
            QCOMPARE(file.size(), std::uint64_t(0));
            QCOMPARE(file.isWritable(), mode == OpenMode::ReadWrite);
            QVERIFY(file.readSlice(0, 16).empty());
            std::byte buffer[4] {};
            QCOMPARE(file.readAt(0, buffer), std::size_t(0));
            const std::byte one[1] = {std::byte{0x41}};
            QCOMPARE(file.writeAt(0, one), std::size_t(0));
            QVERIFY(file.advise(Advice::Random).ok());
            QVERIFY(file.flushAsync().ok());
            QVERIFY(file.sync().ok());
            QVERIFY(!file.wasTruncatedOnDisk());
            if (mode == OpenMode::ReadWrite) {
                QCOMPARE(file.writeAllAt(0, one).code(), make_error_code(Errc::OutOfBounds));
                QVERIFY(file.writeAllAt(0, {}).ok());
                QVERIFY(file.fill(ByteRange{0, 0}, std::byte{1}).ok());
                QCOMPARE(file.fill(ByteRange{0, 1}, std::byte{1}).code(), make_error_code(Errc::OutOfBounds));
                QVERIFY(file.zero(ByteRange{0, 0}).ok());
            }
        }
        QCOMPARE(QFileInfo(QString::fromStdString(path)).size(), qint64(0)); // nothing was written
    }
    void sizeZero()
    {
        const std::string path = pathIn(m_dir, "zero.bin");
        auto created = MappedFile::create(path, 0);
        QCOMPARE(created.code(), make_error_code(Errc::InvalidFileSize));
        QVERIFY(created.message().find(path) != std::string::npos);
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
    }
    void createInMissingFolder()
    {
        auto created = MappedFile::create(pathIn(m_dir, "no/such/dir.bin"), 10);
        QCOMPARE(created.code(), sys(ENOENT));
    }
    void readOnlyFileOpenedReadWrite()
    {
        const std::string path = pathIn(m_dir, "readonly.bin");
        QVERIFY(MappedFile::create(path, 100).ok());
        QVERIFY(::chmod(path.c_str(), 0444) == 0);
        // Refused even as root (who could open it read-write): the permission bits are the user's intent.
        expectOpenError(path, make_error_code(Errc::ReadOnlyFile), OpenMode::ReadWrite);
        auto ro = MappedFile::openReadOnly(path);
        QVERIFY2(ro.ok(), ro.message().c_str()); // read-only files open read-only
    }
    void unreadableFile()
    {
        const std::string path = pathIn(m_dir, "unreadable.bin");
        QVERIFY(MappedFile::create(path, 100).ok());
        QVERIFY(::chmod(path.c_str(), 0) == 0);
        if (::geteuid() != 0) {
            expectOpenError(path, sys(EACCES));
            return;
        }
        // Root reads anything: drop to nobody in a child. The folder must be traversable for nobody, so that
        // the file's own mode (not the folder's) is what refuses.
        QVERIFY(::chmod(m_dir.path().toLocal8Bit().constData(), 0755) == 0);
        const int result = openAsNobody(path);
        QVERIFY(::chmod(m_dir.path().toLocal8Bit().constData(), 0700) == 0);
        if (result == 3)
            QSKIP("running as root but setuid(65534) is not permitted here (no CAP_SETUID)");
        QCOMPARE(result, 1);
        // Control: the same child can open a readable file, so the EACCES above came from the mode bits.
        QVERIFY(::chmod(path.c_str(), 0444) == 0);
        QVERIFY(::chmod(m_dir.path().toLocal8Bit().constData(), 0755) == 0);
        const int control = openAsNobody(path);
        QVERIFY(::chmod(m_dir.path().toLocal8Bit().constData(), 0700) == 0);
        QCOMPARE(control, 0);
    }
    void fifoDoesNotBlock()
    {
        const std::string path = pathIn(m_dir, "fifo");
        QVERIFY(::mkfifo(path.c_str(), 0600) == 0);
        expectOpenError(path, make_error_code(Errc::NotRegularFile), OpenMode::ReadOnly, "FIFO");
        expectOpenError(path, make_error_code(Errc::NotRegularFile), OpenMode::ReadWrite, "FIFO");
        QCOMPARE(MappedFile::create(path, 10).code(), make_error_code(Errc::NotRegularFile));
    }
    void socket()
    {
        const std::string path = pathIn(m_dir, "sock");
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un addr {};
        addr.sun_family = AF_UNIX;
        QVERIFY(path.size() < sizeof(addr.sun_path));
        std::copy(path.begin(), path.end(), addr.sun_path);
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0);
        expectOpenError(path, make_error_code(Errc::NotRegularFile), OpenMode::ReadOnly, "socket");
        ::close(fd);
    }
    void characterDevice()
    {
        expectOpenError("/dev/null", make_error_code(Errc::NotRegularFile), OpenMode::ReadOnly, "character device");
    }

    // Defect (6): a full disk fails at create with ENOSPC, leaves no file and keeps an existing one intact.
    void fullDiskFailsAtCreate()
    {
        const std::string mountPoint = pathIn(m_dir, "small");
        QVERIFY(QDir().mkpath(QString::fromStdString(mountPoint)));
        const bool mounted = ::mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=1M") == 0;
        std::string folder = mountPoint;
        std::uint64_t tooBig = 2 << 20;
        if (!mounted) {
            // No mount permission: ask for more than the temp folder's filesystem has free (fallocate refuses
            // with ENOSPC; nothing is ever written).
            struct statvfs vfs {};
            QVERIFY(::statvfs(m_dir.path().toLocal8Bit().constData(), &vfs) == 0);
            folder = m_dir.path().toStdString();
            tooBig = static_cast<std::uint64_t>(vfs.f_bavail) * vfs.f_frsize + (std::uint64_t{1} << 30);
        }
        const std::string path = folder + "/full.bin";
        const std::string existing = folder + "/existing.bin";
        {
            auto small = MappedFile::create(existing, 1000);
            QVERIFY2(small.ok(), small.message().c_str());
            QVERIFY(small->fill(ByteRange{0, 1000}, std::byte{0x3c}).ok());
            QVERIFY(small->sync().ok());
        }
        auto full = MappedFile::create(path, tooBig);
        const auto replaced = MappedFile::create(existing, tooBig);
        const QStringList left = QDir(QString::fromStdString(folder)).entryList(QDir::Files | QDir::Hidden);
        const auto original = preadBytes(existing, 0, 1000);
        if (mounted)
            ::umount2(mountPoint.c_str(), MNT_DETACH);
        else
            QFile::remove(QString::fromStdString(existing));
        QCOMPARE(full.code(), sys(ENOSPC));
        QVERIFY(full.message().find(path) != std::string::npos);
        QCOMPARE(replaced.code(), sys(ENOSPC));
        QCOMPARE(left, QStringList{QStringLiteral("existing.bin")}); // no partial or temporary file
        QCOMPARE(original.size(), std::size_t{1000});
        QVERIFY(allEqual(original, std::byte{0x3c}));
    }
};

QTEST_GUILESS_MAIN(TestMappedFileErrors)
#include "tst_mappedfileerrors.moc"
