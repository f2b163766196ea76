// A file too large to map (issue 18, "Any size, really"): with HEXMAP_MAP_LIMIT=1 every non-empty file opens
// unmapped, and MappedFile keeps its contract through pread/pwrite. Every write is read back on a descriptor of the
// test's own (enginetest::preadBytes). A block device (a loop device, root only: CI runs as root) opens unmapped
// too, writes partial sectors exactly and syncs. Jobs on unmapped files: tst_unmappedjobs.
#include "core/loopdevice.h"
#include "unmappedtesthelpers.h"

#include "core/mappedfile.h"

#include <QProcess>
#include <QtTest>

#include <cstdint>
#include <memory>
#include <vector>

using namespace hexmap;
using namespace enginetest;
using namespace unmappedtest;

class TestUnmappedFile : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void limitDecidesMapping()
    {
        const std::string path = pathIn(m_dir, "limit.bin");
        QVERIFY(writeFile(path, patternBytes(0, 3 * page(), 1)));
        {
            const MapLimit unset{QByteArray()};
            auto file = MappedFile::openReadOnly(path);
            QVERIFY(file);
            QVERIFY(file->isMapped());
            QVERIFY(file->data() != nullptr);
        }
        {
            const MapLimit limit("3 * page is above this: 8K");
            auto file = MappedFile::openReadOnly(path); // an unparsable limit is ignored
            QVERIFY(file);
            QVERIFY(file->isMapped());
        }
        {
            const MapLimit limit(QByteArray::number(3 * page()));
            auto file = MappedFile::openReadOnly(path); // not larger than the limit: mapped
            QVERIFY(file);
            QVERIFY(file->isMapped());
        }
        {
            const MapLimit limit(QByteArray::number(3 * page() - 1));
            auto file = MappedFile::openReadWrite(path);
            QVERIFY(file);
            QVERIFY(!file->isMapped());
            QVERIFY(file->data() == nullptr);
            QVERIFY(file->mutableData() == nullptr);
            QCOMPARE(file->size(), 3 * page());
            QVERIFY(file->isWritable());
        }
    }

    void reads_data()
    {
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        const quint64 p = page();
        QTest::newRow("first byte") << quint64(0) << quint64(1);
        QTest::newRow("page-1 +2") << p - 1 << quint64(2);
        QTest::newRow("page +page") << p << p;
        QTest::newRow("page+1 +3 pages") << p + 1 << 3 * p;
        QTest::newRow("last byte") << 5 * p + 6 << quint64(1);
        QTest::newRow("clamped at the end") << 5 * p << 2 * p;
        QTest::newRow("past the end") << 5 * p + 7 << quint64(10);
    }
    void reads()
    {
        QFETCH(quint64, offset);
        QFETCH(quint64, length);
        const std::uint64_t size = 5 * page() + 7;
        const std::string path = pathIn(m_dir, "reads.bin");
        const auto model = patternBytes(0, size, 2);
        QVERIFY(writeFile(path, model));
        const MapLimit limit("1");
        auto file = MappedFile::openReadOnly(path);
        QVERIFY(file);
        QVERIFY(!file->isMapped());
        const std::uint64_t expected = offset >= size ? 0 : std::min(length, size - offset);
        std::vector<std::byte> buffer(length, std::byte{0x5A});
        QCOMPARE(std::uint64_t(file->readAt(offset, buffer)), expected);
        QVERIFY(std::equal(buffer.begin(), buffer.begin() + std::ptrdiff_t(expected), model.begin() + std::ptrdiff_t(std::min<std::uint64_t>(offset, size))));
        const auto slice = file->readSlice(offset, length);
        QCOMPARE(std::uint64_t(slice.size()), expected);
        QVERIFY(std::equal(slice.begin(), slice.end(), model.begin() + std::ptrdiff_t(std::min<std::uint64_t>(offset, size))));
        QVERIFY(!file->wasTruncatedOnDisk());
    }

    // The span of readSlice is a thread_local buffer: the next readSlice on the thread replaces its bytes.
    void sliceValidUntilNextSlice()
    {
        const std::string path = pathIn(m_dir, "slice.bin");
        const auto model = patternBytes(0, 2 * page(), 3);
        QVERIFY(writeFile(path, model));
        const MapLimit limit("1");
        auto file = MappedFile::openReadOnly(path);
        QVERIFY(file);
        const auto first = file->readSlice(0, 16);
        QVERIFY(std::equal(first.begin(), first.end(), model.begin()));
        const auto second = file->readSlice(page(), 16);
        QVERIFY(std::equal(second.begin(), second.end(), model.begin() + std::ptrdiff_t(page())));
        QCOMPARE(first.data(), second.data()); // one buffer per thread, as mappedfile.h documents
    }

    void writesChangeExactlyThoseBytes()
    {
        const std::uint64_t size = 6 * page() + 11;
        const std::string path = pathIn(m_dir, "writes.bin");
        auto model = patternBytes(0, size, 4);
        QVERIFY(writeFile(path, model));
        const MapLimit limit("1");
        auto file = MappedFile::openReadWrite(path);
        QVERIFY(file);
        QVERIFY(!file->isMapped());

        const auto data = patternBytes(100, page() + 3, 9);
        QVERIFY(file->writeAllAt(page() - 1, data).ok());
        std::copy(data.begin(), data.end(), model.begin() + std::ptrdiff_t(page() - 1));
        QCOMPARE(file->writeAllAt(size - 2, data).code(), make_error_code(Errc::OutOfBounds));
        QCOMPARE(file->writeAt(size - 5, data), std::size_t(5)); // clamped at the end, as the mapped path
        std::copy(data.begin(), data.begin() + 5, model.begin() + std::ptrdiff_t(size - 5));
        QCOMPARE(file->writeAt(size, data), std::size_t(0));

        QVERIFY(file->fill({2 * page() + 5, 2 * page()}, std::byte{0xAB}).ok());
        std::fill_n(model.begin() + std::ptrdiff_t(2 * page() + 5), 2 * page(), std::byte{0xAB});
        QVERIFY(file->zero({3, page()}).ok());
        std::fill_n(model.begin() + 3, page(), std::byte{0});
        QVERIFY(file->zero({4 * page() + 1, page() + 7}, ZeroMode::ReleaseSpace).ok());
        std::fill_n(model.begin() + std::ptrdiff_t(4 * page() + 1), page() + 7, std::byte{0});
        const auto through = patternBytes(7, 33, 5);
        QVERIFY(file->writeThrough(5 * page() + 9, through).ok());
        std::copy(through.begin(), through.end(), model.begin() + std::ptrdiff_t(5 * page() + 9));

        QVERIFY(preadBytes(path, 0, size + 10) == model); // exactly those bytes, and no growth
        std::vector<std::byte> back(size);
        QCOMPARE(file->readAt(0, back), std::size_t(size));
        QVERIFY(back == model);
    }

    void readOnlyRefusesWrites()
    {
        const std::string path = pathIn(m_dir, "ro.bin");
        const auto model = patternBytes(0, page(), 6);
        QVERIFY(writeFile(path, model));
        const MapLimit limit("1");
        auto file = MappedFile::openReadOnly(path);
        QVERIFY(file);
        QCOMPARE(file->writeAllAt(0, model).code(), make_error_code(Errc::NotWritable));
        QCOMPARE(file->fill({0, 1}, std::byte{1}).code(), make_error_code(Errc::NotWritable));
        QCOMPARE(file->writeAt(0, model), std::size_t(0));
        QVERIFY(preadBytes(path, 0, page()) == model);
    }

    // generate() hands its generator pieces of at most unmappedPiece() bytes with their offsets, in order.
    void generateWritesPieces()
    {
        const std::uint64_t piece = MappedFile::unmappedPiece();
        const std::uint64_t size = 2 * piece + piece / 2 + page();
        const std::string path = pathIn(m_dir, "generate.bin");
        QVERIFY(writeFile(path, std::vector<std::byte>(size)));
        const MapLimit limit("1");
        auto file = MappedFile::openReadWrite(path);
        QVERIFY(file);
        auto allocator = file->allocator();
        QVERIFY(allocator);
        auto token = allocator->allocate(size - page());
        QVERIFY(token);
        std::vector<std::uint64_t> offsets;
        auto receipt = file->generate(*token, [&](std::span<std::byte> out, std::uint64_t at) {
            offsets.push_back(at);
            QVERIFY(out.size() <= piece);
            for (std::size_t k = 0; k < out.size(); ++k)
                out[k] = patternByte(at + k, 8);
        });
        QVERIFY(receipt);
        QCOMPARE(receipt->range(), token->range());
        QCOMPARE(offsets, (std::vector<std::uint64_t>{0, piece, 2 * piece}));
        auto expected = patternBytes(0, size - page(), 8);
        expected.resize(size);
        QVERIFY(preadBytes(path, 0, size) == expected);
        QVERIFY(file->syncRange(*receipt).ok());
    }

    // The same job (several chunks, 2 threads) writes the same bytes unmapped as mapped.
    void syncFlushAndAdvise()
    {
        const std::string path = pathIn(m_dir, "sync.bin");
        QVERIFY(writeFile(path, patternBytes(0, 4 * page(), 11)));
        const MapLimit limit("1");
        auto file = MappedFile::openReadWrite(path);
        QVERIFY(file);
        QVERIFY(file->fill({page(), page()}, std::byte{0x77}).ok());
        QVERIFY(file->flushAsync().ok());
        QVERIFY(file->flushRangeAsync({page(), page()}).ok());
        QVERIFY(file->syncRange({page(), page()}).ok());
        QVERIFY(file->sync().ok());
        QCOMPARE(file->syncRange({3 * page(), 2 * page()}).code(), make_error_code(Errc::OutOfBounds));
        for (Advice a : {Advice::Random, Advice::Sequential, Advice::WillNeed, Advice::DontNeed, Advice::Normal})
            QVERIFY(file->advise(a, {0, 2 * page()}).ok());
        QVERIFY(file->prefaultForWrite({0, page()}).ok());
        QVERIFY(file->reserve({0, 4 * page()}).ok());
        QVERIFY(allEqual(preadBytes(path, page(), page()), std::byte{0x77}));
    }

    // A job whose file another program cuts between a chunk's size check and its write stops with
    // Errc::FileTruncated and never regrows the file (pwrite would).
    void unmappedDevice()
    {
        if (::geteuid() != 0)
            QSKIP("attaching loop devices needs root (CI runs as root)");
        const std::uint64_t size = 4u << 20;
        const auto image = patternBytes(0, size, 13);
        devicetest::LoopImage loop;
        QString why;
        QVERIFY2(loop.attach(QByteArray(reinterpret_cast<const char *>(image.data()), qsizetype(size)), size, {}, &why),
                 qPrintable(why));
        auto model = image;
        {
            const MapLimit limit("1");
            auto file = MappedFile::open(loop.devicePath(), OpenMode::ReadWriteDevice);
            QVERIFY2(file.ok(), file.message().c_str());
            QVERIFY(file->isBlockDevice());
            QVERIFY(!file->isMapped());
            QCOMPARE(file->size(), size);
            std::vector<std::byte> back(size);
            QCOMPARE(file->readAt(0, back), std::size_t(size));
            QVERIFY(back == image);
            const std::byte one[] = {std::byte{0xA5}};
            QVERIFY(file->writeAllAt(12345, one).ok()); // inside a 512-byte sector
            model[12345] = std::byte{0xA5};
            QVERIFY(file->fill({1001, 3000}, std::byte{0x5C}).ok()); // partial sectors at both ends
            std::fill_n(model.begin() + 1001, 3000, std::byte{0x5C});
            QVERIFY(file->zero({(1u << 20) + 7, (1u << 20) + 100}).ok()); // BLKZEROOUT inside, pwrite at the ends
            std::fill_n(model.begin() + std::ptrdiff_t((1u << 20) + 7), (1u << 20) + 100, std::byte{0});
            QVERIFY(file->sync().ok());
            QCOMPARE(file->readAt(0, back), std::size_t(size));
            QVERIFY(back == model);
        }
        loop.detach();
        const QByteArray onImage = loop.imageBytes();
        QCOMPARE(std::uint64_t(onImage.size()), size);
        QVERIFY(std::equal(model.begin(), model.end(), reinterpret_cast<const std::byte *>(onImage.constData())));
    }

    // Another program cuts the file: short reads, sizeOnDisk() below size(), writes past the cut refused without
    // regrowing the file, and no crash (no SIGBUS: nothing is mapped).
    void cutFileGivesShortReads()
    {
        const std::uint64_t size = 8 * page();
        const std::string path = pathIn(m_dir, "cut.bin");
        const auto model = patternBytes(0, size, 12);
        QVERIFY(writeFile(path, model));
        const MapLimit limit("1");
        auto file = MappedFile::openReadWrite(path);
        QVERIFY(file);
        QCOMPARE(QProcess::execute(QStringLiteral("truncate"),
                                   {QStringLiteral("-s"), QString::number(3 * page() + 5), QString::fromStdString(path)}),
                 0);
        QCOMPARE(file->size(), size);
        auto onDisk = file->sizeOnDisk();
        QVERIFY(onDisk);
        QCOMPARE(*onDisk, 3 * page() + 5);
        QVERIFY(!file->wasTruncatedOnDisk());
        std::vector<std::byte> buffer(2 * page());
        QCOMPARE(file->readAt(2 * page(), buffer), std::size_t(page() + 5));
        QVERIFY(std::equal(buffer.begin(), buffer.begin() + std::ptrdiff_t(page() + 5), model.begin() + std::ptrdiff_t(2 * page())));
        QVERIFY(file->wasTruncatedOnDisk());
        QCOMPARE(file->readSlice(3 * page(), page()).size(), std::size_t(5));
        QVERIFY(file->readSlice(5 * page(), page()).empty());
        QCOMPARE(file->writeAllAt(6 * page(), patternBytes(0, 10, 1)).code(), make_error_code(Errc::FileTruncated));
        QCOMPARE(file->fill({3 * page(), page()}, std::byte{1}).code(), make_error_code(Errc::FileTruncated));
        QCOMPARE(statOf(path).st_size, off_t(3 * page() + 5)); // never regrown
        QVERIFY(file->writeAllAt(page(), patternBytes(0, 10, 1)).ok()); // before the cut: still fine
    }
};

QTEST_GUILESS_MAIN(TestUnmappedFile)
#include "tst_unmappedfile.moc"
