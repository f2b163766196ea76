// The SIGBUS guard: a file truncated on disk under its mapping must not kill the process.
#include "core/mappedfile.h"
#include "core/mapping.h"
#include "core/sigbusguard.h"

#include <QTemporaryDir>
#include <QTest>

#include <csetjmp>
#include <csignal>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace hexmap;

namespace {

sigjmp_buf g_jump;
volatile sig_atomic_t g_previousHandlerCalls = 0;

// Installed before the guard: the guard must chain to it for faults outside the engine's mappings.
void previousHandler(int)
{
    g_previousHandlerCalls = g_previousHandlerCalls + 1;
    siglongjmp(g_jump, 1);
}

std::string writeFile(const QString &path, std::uint64_t size, char value)
{
    std::vector<char> bytes(size, value);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes.data(), qint64(size)) != qint64(size))
        qFatal("cannot write test file");
    return path.toStdString();
}

} // namespace

class TestSigbusGuard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        struct sigaction action {};
        action.sa_handler = previousHandler;
        sigemptyset(&action.sa_mask);
        QCOMPARE(::sigaction(SIGBUS, &action, nullptr), 0);
        QVERIFY(dir.isValid());
    }

    void readPastTruncatedEndRecovers()
    {
        const std::uint64_t page = MappedFile::pageSize();
        const auto path = writeFile(dir.filePath("read.bin"), 16 * page, 'A');
        auto file = MappedFile::openReadOnly(path);
        QVERIFY2(file.ok(), file.message().c_str());
        QVERIFY(!file->wasTruncatedOnDisk());
        const auto before = SigbusGuard::recoveredFaults();

        QCOMPARE(::truncate(path.c_str(), static_cast<off_t>(2 * page + 10)), 0);
        const volatile std::byte *bytes = file->data();
        QCOMPARE(std::to_integer<char>(bytes[2 * page + 9]), 'A'); // still backed by the file
        QCOMPARE(std::to_integer<int>(bytes[2 * page + 100]), 0);  // past EOF in the last page: zeros, no fault
        QCOMPARE(std::to_integer<int>(bytes[15 * page]), 0);       // lost page: faults, recovered as zeros
        QVERIFY(file->wasTruncatedOnDisk());
        QCOMPARE(std::to_integer<int>(bytes[5 * page]), 0);        // the whole tail was replaced at once
        QCOMPARE(SigbusGuard::recoveredFaults(), before + 1);
        QCOMPARE(g_previousHandlerCalls, 0);
    }

    void writePastTruncatedEndRecovers()
    {
        const std::uint64_t page = MappedFile::pageSize();
        const auto path = writeFile(dir.filePath("write.bin"), 8 * page, 'B');
        auto file = MappedFile::openReadWrite(path);
        QVERIFY2(file.ok(), file.message().c_str());
        QCOMPARE(::truncate(path.c_str(), static_cast<off_t>(page)), 0);
        const std::vector<std::byte> data(3 * page, std::byte{0x5A});
        QCOMPARE(file->writeAt(4 * page, data), data.size()); // must not die
        QVERIFY(file->wasTruncatedOnDisk());
        QCOMPARE(file->readSlice(0, 1)[0], std::byte{'B'});
    }

    void faultOutsideOurMappingsGoesToPreviousHandler()
    {
        const std::uint64_t page = MappedFile::pageSize();
        auto keepGuardInstalled = MappedFile::openReadOnly(writeFile(dir.filePath("other.bin"), page, 'C'));
        QVERIFY(keepGuardInstalled.ok());
        const auto path = writeFile(dir.filePath("raw.bin"), 4 * page, 'D');
        const int fd = ::open(path.c_str(), O_RDONLY);
        QVERIFY(fd >= 0);
        void *raw = ::mmap(nullptr, 4 * page, PROT_READ, MAP_SHARED, fd, 0);
        QVERIFY(raw != MAP_FAILED);
        QCOMPARE(::truncate(path.c_str(), 0), 0);
        g_previousHandlerCalls = 0;
        if (sigsetjmp(g_jump, 1) == 0) {
            const volatile char c = static_cast<const volatile char *>(raw)[3 * page];
            (void)c;
            QFAIL("reading a truncated raw mapping should have faulted");
        }
        QCOMPARE(g_previousHandlerCalls, 1);
        ::munmap(raw, 4 * page);
        ::close(fd);
    }

private:
    QTemporaryDir dir;
};

QTEST_GUILESS_MAIN(TestSigbusGuard)
#include "tst_sigbusguard.moc"
