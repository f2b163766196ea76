// MappedFile on a block device (a loop device over an image in a QTemporaryDir; needs root, CI runs as root):
// read-only mapping equals the image, ReadWrite is refused (DeviceNotConfirmed), ReadWriteDevice writes exactly the
// bytes asked (checked in the image file after sync and detach), zero uses BLKZEROOUT / discard and the mapping
// reads zeros, a read-only device refuses writing, `losetup -d` of a mapped device is deferred by the kernel until
// the last close, and a device that shrinks to 0 under the mapping is recovered by the SIGBUS guard (zeros,
// wasTruncatedOnDisk, size 0, FileChange::Shrunk), not a crash.
#include "core/loopdevice.h"

#include "core/mappedfile.h"
#include "core/scansource.h"

#include <QtTest>

#include <cstring>
#include <unistd.h>

using namespace hexmap;
using devicetest::LoopImage;

namespace {

constexpr std::uint64_t kSize = 4 << 20;

QByteArray patternImage()
{
    QByteArray bytes(int(kSize), '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 131 + (i >> 12)) & 0xff);
    return bytes;
}

QByteArray mapped(const MappedFile &file)
{
    const auto slice = file.readSlice(0, file.size());
    return QByteArray(reinterpret_cast<const char *>(slice.data()), qsizetype(slice.size()));
}

// The first offset where `a` and `b` differ, or -1 (a cmp that names the place).
qsizetype firstDifference(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        if (a[i] != b[i])
            return i;
    return a.size() == b.size() ? -1 : n;
}

} // namespace

class TestDeviceMapping : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("attaching loop devices needs root (CI runs as root)");
    }

    void readOnlyMapsTheDevice()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(patternImage(), kSize, {}, &why), qPrintable(why));
        auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadOnly);
        QVERIFY2(file.ok(), file.message().c_str());
        QVERIFY(file->isBlockDevice());
        QVERIFY(!file->isWritable());
        QCOMPARE(file->size(), kSize);
        QCOMPARE(file->logicalSectorSize(), 512u);
        QVERIFY(file->physicalSectorSize() >= 512u);
        QCOMPARE(file->reopenMode(), OpenMode::ReadOnly);
        QCOMPARE(file->identity().size, kSize);
        QCOMPARE(*file->sizeOnDisk(), kSize);
        QCOMPARE(*file->checkIdentity(), FileChange::None);
        QCOMPARE(firstDifference(mapped(*file), patternImage()), qsizetype(-1));

        auto source = ScanSource::open(loop.devicePath());
        QVERIFY2(source.ok(), source.message().c_str());
        QCOMPARE(source->size(), kSize);
        std::vector<std::byte> tail(4096);
        QVERIFY(source->readExactly(kSize - 4096, tail).ok());
        QCOMPARE(std::memcmp(tail.data(), patternImage().constData() + kSize - 4096, 4096), 0);
    }

    void readWriteNeedsConfirmation()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(patternImage(), kSize, {}, &why), qPrintable(why));
        auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadWrite);
        QVERIFY(!file.ok());
        QCOMPARE(file.code(), make_error_code(Errc::DeviceNotConfirmed));
        QVERIFY(file.message().find(loop.devicePath()) != std::string::npos);
        QVERIFY(file.message().find("explicit confirmation") != std::string::npos);
        QCOMPARE(MappedFile::openReadWrite(loop.devicePath()).code(), make_error_code(Errc::DeviceNotConfirmed));
    }

    void writeOneByteExactly()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(patternImage(), kSize, {}, &why), qPrintable(why));
        QByteArray expected = patternImage();
        {
            auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadWriteDevice);
            QVERIFY2(file.ok(), file.message().c_str());
            QVERIFY(file->isWritable());
            QCOMPARE(file->reopenMode(), OpenMode::ReadWriteDevice);
            const std::byte one[] = {std::byte{0xA5}};
            QVERIFY(file->writeAllAt(12345, one).ok()); // odd offset, inside a 512-byte sector, through the mapping
            expected[12345] = char(0xA5);
            const std::byte two[] = {std::byte{0x3C}};
            QVERIFY(file->writeThrough(kSize - 511, two).ok()); // pwrite, in the last sector
            expected[qsizetype(kSize - 511)] = char(0x3C);
            QVERIFY(file->sync().ok());
            QCOMPARE(firstDifference(mapped(*file), expected), qsizetype(-1));
            QVERIFY(file->reserve({0, kSize}).ok()); // a no-op on a device
        }
        loop.detach();
        QCOMPARE(firstDifference(loop.imageBytes(), expected), qsizetype(-1));
    }

    void zero_data()
    {
        QTest::addColumn<bool>("release");
        QTest::newRow("BLKZEROOUT") << false;
        QTest::newRow("discard (punch hole)") << true;
    }
    void zero()
    {
        QFETCH(bool, release);
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(patternImage(), kSize, {}, &why), qPrintable(why));
        const ByteRange range{1000, 3 * (1 << 20) + 77}; // partial sectors at both ends, whole pages inside
        QByteArray expected = patternImage();
        std::memset(expected.data() + range.offset, 0, range.size);
        {
            auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadWriteDevice);
            QVERIFY2(file.ok(), file.message().c_str());
            QCOMPARE(firstDifference(mapped(*file), patternImage()), qsizetype(-1)); // the pages are cached now
            const auto s = file->zero(range, release ? ZeroMode::ReleaseSpace : ZeroMode::KeepSpace);
            QVERIFY2(s.ok(), s.message().c_str());
            QCOMPARE(firstDifference(mapped(*file), expected), qsizetype(-1)); // coherent with the device
            QVERIFY(file->sync().ok());
        }
        loop.detach();
        QCOMPARE(firstDifference(loop.imageBytes(), expected), qsizetype(-1));
    }

    void readOnlyDeviceRefusesWriting()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(patternImage(), kSize, {}, &why, /*readOnly=*/true), qPrintable(why));
        auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadWriteDevice);
        QVERIFY(!file.ok());
        QCOMPARE(file.code(), make_error_code(Errc::ReadOnlyFile));
        QVERIFY(MappedFile::open(loop.devicePath(), OpenMode::ReadOnly).ok());
    }

    // What `losetup -d` does to a mapped device: nothing yet (autoclear); the device goes at the last close.
    void detachIsDeferredWhileMapped()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(patternImage(), kSize, {}, &why), qPrintable(why));
        const std::string path = loop.devicePath();
        {
            auto file = MappedFile::open(path, OpenMode::ReadOnly);
            QVERIFY2(file.ok(), file.message().c_str());
            QVERIFY2(loop.detachWhileOpen(&why), qPrintable(why));
            QCOMPARE(*file->sizeOnDisk(), kSize);
            QCOMPARE(*file->checkIdentity(), FileChange::None);
            QCOMPARE(firstDifference(mapped(*file), patternImage()), qsizetype(-1));
            QVERIFY(!file->wasTruncatedOnDisk());
        }
        // Closed: the loop device has no backing file now (or another suite attached it already: then it is
        // not our image, which has no such marker in sysfs).
        const QString backing = QStringLiteral("/sys/block/%1/loop/backing_file")
                                    .arg(QString::fromStdString(path.substr(path.find_last_of('/') + 1)));
        QFile f(backing);
        QVERIFY(!f.open(QIODevice::ReadOnly) || !f.readAll().startsWith(loop.image().toLocal8Bit()));
    }

    void deviceShrinkingUnderTheMapping()
    {
        LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(patternImage(), kSize, {}, &why), qPrintable(why));
        auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadOnly);
        QVERIFY2(file.ok(), file.message().c_str());
        auto source = ScanSource::open(loop.devicePath());
        QVERIFY(source.ok());
        QCOMPARE(std::to_integer<int>(file->data()[kSize - 1]), int(std::uint8_t(patternImage()[qsizetype(kSize - 1)])));

        QVERIFY2(loop.shrink(0, &why), qPrintable(why));
        QCOMPARE(*file->sizeOnDisk(), std::uint64_t(0));
        QCOMPARE(*file->checkIdentity(), FileChange::Shrunk);
        const volatile std::byte *bytes = file->data();
        QCOMPARE(std::to_integer<int>(bytes[kSize / 2 + 7]), 0); // faults: recovered as zeros, no crash
        QVERIFY(file->wasTruncatedOnDisk());
        std::vector<std::byte> buffer(4096);
        QCOMPARE(source->readExactly(0, buffer).code(), make_error_code(Errc::FileTruncated));
        QCOMPARE(*source->currentSize(), std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestDeviceMapping)
#include "tst_devicemapping.moc"
