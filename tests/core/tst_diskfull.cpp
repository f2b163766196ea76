// Disk full for jobs: a Fill/Pattern job over a sparse range on a small tmpfs fails up front with ENOSPC (its
// workers reserve their blocks before writing), writes nothing, and nothing crashes. Needs mount(2) (root).
#include "core/errors.h"
#include "core/job.h"
#include "core/mappedfile.h"
#include "enginetesthelpers.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <string>

using namespace hexmap;

Q_DECLARE_METATYPE(hexmap::JobOperation)
Q_DECLARE_METATYPE(hexmap::WriteMethod)

class TestDiskFull : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void jobOnFullDisk_data();
    void jobOnFullDisk();

private:
    QTemporaryDir m_dir;
    std::string m_mountPoint;
    bool m_mounted = false;
};

void TestDiskFull::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_mountPoint = m_dir.filePath(QStringLiteral("small")).toStdString();
    QVERIFY(QDir().mkpath(QString::fromStdString(m_mountPoint)));
    m_mounted = ::mount("tmpfs", m_mountPoint.c_str(), "tmpfs", 0, "size=4M") == 0;
    if (!m_mounted)
        QSKIP(qPrintable(QStringLiteral("mount -t tmpfs refused (%1): this suite needs root").arg(qt_error_string(errno))));
}

void TestDiskFull::cleanupTestCase()
{
    if (m_mounted)
        ::umount2(m_mountPoint.c_str(), MNT_DETACH);
}

void TestDiskFull::jobOnFullDisk_data()
{
    QTest::addColumn<JobOperation>("operation");
    QTest::addColumn<WriteMethod>("method");
    QTest::addColumn<quint64>("length"); // of the job's range in a 64 MiB sparse file on a 4 MiB tmpfs
    QTest::addColumn<bool>("fits");
    const quint64 all = 64ull << 20;
    QTest::newRow("fill, page cache, 64 MiB") << JobOperation::Fill << WriteMethod::PageCache << all << false;
    QTest::newRow("fill, mapping, 64 MiB") << JobOperation::Fill << WriteMethod::Mapping << all << false;
    QTest::newRow("pattern, page cache, 64 MiB") << JobOperation::Pattern << WriteMethod::PageCache << all << false;
    QTest::newRow("pattern, mapping, 16 MiB") << JobOperation::Pattern << WriteMethod::Mapping << quint64(16 << 20)
                                             << false;
    QTest::newRow("fill, 1 MiB fits") << JobOperation::Fill << WriteMethod::PageCache << quint64(1 << 20) << true;
}

void TestDiskFull::jobOnFullDisk()
{
    QFETCH(JobOperation, operation);
    QFETCH(WriteMethod, method);
    QFETCH(quint64, length);
    QFETCH(bool, fits);
    const std::string path = m_mountPoint + "/sparse.bin";
    ::unlink(path.c_str());
    const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::ftruncate(fd, 64 << 20), 0); // sparse: no block allocated
    ::close(fd);

    auto file = MappedFile::openReadWrite(path);
    QVERIFY2(file.ok(), file.message().c_str());
    JobSpec spec;
    spec.operation = operation;
    spec.writeMethod = method;
    spec.range = {0, length};
    spec.threads = 2;
    spec.chunkSize = 1 << 20;
    spec.fillByte = std::byte{0xAB};
    spec.pattern = {std::byte{1}, std::byte{2}, std::byte{3}};
    auto job = Job::create(file.value(), spec);
    QVERIFY2(job.ok(), job.message().c_str());
    QVERIFY(job.value()->start().ok());
    job.value()->wait();
    const JobSnapshot s = job.value()->snapshot();
    if (fits) {
        QCOMPARE(s.state, JobState::Succeeded);
        QCOMPARE(enginetest::preadBytes(path, 0, 1).at(0), std::byte{0xAB});
        return;
    }
    QCOMPARE(s.state, JobState::Failed);
    QVERIFY2(s.error == std::errc::no_space_on_device, s.message.c_str()); // errno ENOSPC (system category)
    QVERIFY2(s.message.find("No space left on device") != std::string::npos, s.message.c_str());
    QVERIFY2(s.message.find(path) != std::string::npos, s.message.c_str()); // names the file
    QCOMPARE(s.totalDone, std::uint64_t(0)); // failed up front: no chunk was written
    // Nothing written: the sparse file still reads as zeros and kept its size.
    const std::vector<std::byte> bytes = enginetest::preadBytes(path, 0, 64 << 20);
    QCOMPARE(bytes.size(), std::size_t(64) << 20);
    QVERIFY(std::all_of(bytes.begin(), bytes.end(), [](std::byte b) { return b == std::byte{0}; }));
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
