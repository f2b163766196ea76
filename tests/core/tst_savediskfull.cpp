// Issue 13 row 1 (core): Save of a byte inside a sparse hole of a file on a FULL ext4 disk. Today's Save copied into
// the mapping, the kernel's ENOSPC arrived as SIGBUS, the guard papered over it and Save said "saved" while the file
// kept its zeros. Now the blocks are reserved first: the Save fails with ENOSPC, names the run, writes nothing.
// And a journal on a full disk stops the Save before the file is touched. Needs root (loop mount); CI runs as root.
#include "core/editoverlay.h"
#include "core/mappedfile.h"
#include "core/overlaysaver.h"
#include "enginetesthelpers.h"
#include "fullext4.h"

#include <QtTest>

#include <unistd.h>

using namespace hexmap;
using namespace enginetest;

class TestSaveDiskFull : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void byteInHoleOfFullDisk();
    void journalOnFullDisk();

private:
    QTemporaryDir m_journals;
    savetest::FullExt4 m_disk;
    std::string m_file;
    static constexpr std::uint64_t kSize = 64u << 20;
    static constexpr std::uint64_t kHoleOffset = 0x3000000;
};

void TestSaveDiskFull::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root to loop-mount an ext4 image (CI runs as root)");
    QVERIFY(m_journals.isValid());
    QString why;
    QVERIFY2(m_disk.mount(&why), qPrintable(why));
    m_file = m_disk.path("sparse.bin");
    QVERIFY(savetest::makeSparseFile(m_file, kSize)); // before the disk is full
    QVERIFY(m_disk.fill());
}

void TestSaveDiskFull::init()
{
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path())); // on a disk with room
}

void TestSaveDiskFull::byteInHoleOfFullDisk()
{
    auto file = MappedFile::openReadWrite(m_file);
    QVERIFY(file.ok());
    EditOverlay overlay;
    const std::vector<std::byte> edit{std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}};
    QVERIFY(overlay.set(kHoleOffset, edit));
    QVERIFY(overlay.set(10, std::byte{0x55})); // in the allocated head: must not be written either
    const SaveReport report = saveOverlay(*file, overlay);
    QVERIFY(!report.ok());
    QCOMPARE(report.stoppedAt, SaveStage::Reserve);
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(report.failures[0].error.code, std::error_code(ENOSPC, std::system_category()));
    QCOMPARE(report.failures[0].range, (ByteRange{kHoleOffset, 4}));
    QVERIFY(report.written.empty());
    QCOMPARE(report.bytesWritten, std::uint64_t(0));
    QVERIFY(!file->wasTruncatedOnDisk()); // no SIGBUS: nothing went through the mapping
    QVERIFY(allEqual(preadBytes(m_file, kHoleOffset, 4), std::byte{0}));
    QCOMPARE(preadBytes(m_file, 10, 1).at(0), std::byte{'D'});
    QVERIFY(QDir(m_journals.path()).entryList(QDir::Files).isEmpty()); // no journal was needed
}

void TestSaveDiskFull::journalOnFullDisk()
{
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(QString::fromStdString(m_disk.path("journals"))));
    auto file = MappedFile::openReadWrite(m_file);
    QVERIFY(file.ok());
    EditOverlay overlay;
    QVERIFY(overlay.set(10, std::vector<std::byte>(3000, std::byte{0x66}))); // allocated blocks: no reservation
    const SaveReport report = saveOverlay(*file, overlay);
    QVERIFY(!report.ok());
    QCOMPARE(report.stoppedAt, SaveStage::Journal);
    QCOMPARE(report.failures[0].error.code, std::error_code(ENOSPC, std::system_category()));
    QVERIFY(report.written.empty());
    QCOMPARE(preadBytes(m_file, 10, 3000), std::vector<std::byte>(3000, std::byte{'D'}));
}

QTEST_GUILESS_MAIN(TestSaveDiskFull)
#include "tst_savediskfull.moc"
