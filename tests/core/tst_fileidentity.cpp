// MappedFile::checkIdentity: each way another program can change the file under an open mapping is told apart
// (deleted, replaced, truncated, extended, rewritten), and Hexmap's own refreshIdentity() accepts its own writes.
#include "enginetesthelpers.h"

#include "core/mappedfile.h"

#include <QtTest>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hexmap;
using namespace enginetest;

Q_DECLARE_METATYPE(hexmap::FileChange)

namespace {

void writeFile(const std::string &path, std::size_t size, char fill)
{
    const std::string bytes(size, fill);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    ::close(fd);
}

// Sets the file's mtime to a fixed instant in the past, so that a later write (same second or not) differs.
void ageFile(const std::string &path)
{
    const struct timespec times[2] = {{1000000000, 0}, {1000000000, 0}};
    QCOMPARE(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

} // namespace

class TestFileIdentity : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void change_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<FileChange>("expected");
        QTest::newRow("untouched") << "none" << FileChange::None;
        QTest::newRow("deleted") << "unlink" << FileChange::Deleted;
        QTest::newRow("replaced by mv, same size") << "replace" << FileChange::Replaced;
        QTest::newRow("truncated") << "truncate" << FileChange::Shrunk;
        QTest::newRow("extended") << "extend" << FileChange::Grown;
        QTest::newRow("rewritten in place, same size") << "rewrite" << FileChange::Modified;
    }
    void change()
    {
        QFETCH(QString, action);
        QFETCH(FileChange, expected);
        const std::string path = pathIn(m_dir, "id.bin");
        writeFile(path, 3 * page(), 'a');
        ageFile(path);
        auto file = MappedFile::openReadOnly(path);
        QVERIFY(file.ok());
        QCOMPARE(file->identity().size, 3 * page());
        QCOMPARE(file->identity().inode, static_cast<std::uint64_t>(statOf(path).st_ino));

        if (action == "unlink") {
            QCOMPARE(::unlink(path.c_str()), 0);
        } else if (action == "replace") {
            const std::string other = pathIn(m_dir, "other.bin");
            writeFile(other, 3 * page(), 'a');
            ageFile(other);
            QCOMPARE(std::rename(other.c_str(), path.c_str()), 0);
        } else if (action == "truncate") {
            QCOMPARE(::truncate(path.c_str(), static_cast<off_t>(page())), 0);
        } else if (action == "extend") {
            QCOMPARE(::truncate(path.c_str(), static_cast<off_t>(5 * page())), 0);
        } else if (action == "rewrite") {
            writeFile(path, 3 * page(), 'b');
        }
        auto change = file->checkIdentity();
        QVERIFY2(change.ok(), change.message().c_str());
        QCOMPARE(*change, expected);
        QCOMPARE(mustNotWriteSilently(*change), expected != FileChange::None);
        QVERIFY(std::string(describeFileChange(*change)).size() > 0);
        ::unlink(path.c_str());
    }

    // Hexmap's own write changes the mtime; refreshIdentity() records it so the next check is clean, but a
    // replacement is still seen after a refresh (the inode recorded at open is kept).
    void refreshAcceptsOwnWritesOnly()
    {
        const std::string path = pathIn(m_dir, "own.bin");
        writeFile(path, 2 * page(), 'a');
        ageFile(path);
        auto file = MappedFile::openReadWrite(path);
        QVERIFY(file.ok());
        const std::byte b[1] = {std::byte{0x42}};
        QVERIFY(file->writeThrough(10, b).ok());
        QCOMPARE(*file->checkIdentity(), FileChange::Modified);
        QVERIFY(file->refreshIdentity().ok());
        QCOMPARE(*file->checkIdentity(), FileChange::None);

        const std::string other = pathIn(m_dir, "other2.bin");
        writeFile(other, 2 * page(), 'a');
        QCOMPARE(std::rename(other.c_str(), path.c_str()), 0);
        QVERIFY(file->refreshIdentity().ok());
        QCOMPARE(*file->checkIdentity(), FileChange::Replaced);
        ::unlink(path.c_str());
    }

    void invalidHandle()
    {
        MappedFile none;
        QCOMPARE(none.checkIdentity().code(), make_error_code(Errc::InvalidArgument));
        QCOMPARE(none.identity(), FileIdentity{});
    }
};

QTEST_GUILESS_MAIN(TestFileIdentity)
#include "tst_fileidentity.moc"
