// tst_partitiontable: readPartitionTable on MBR and GPT images built in memory (tests/core/partitionimages.h),
// including damaged and hostile ones.
#include "core/partitiontable.h"

#include "core/partitionimages.h"

#include <QTest>

#include <algorithm>
#include <cstring>

using namespace hexmap;
using namespace partitiontest;

namespace {

constexpr std::uint64_t MiB = 1024 * 1024;

// Reads from the image; short at its end, like a file.
PartitionTable parse(const Image &img, std::uint32_t hint = 512)
{
    const auto reader = [&img](std::uint64_t offset, std::span<std::byte> out) -> std::size_t {
        if (offset >= img.size())
            return 0;
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), img.size() - offset));
        std::memcpy(out.data(), img.data() + offset, n);
        return n;
    };
    return readPartitionTable(reader, img.size(), hint);
}

bool anyWarningContains(const PartitionTable &t, const char *text)
{
    return std::any_of(t.warnings.begin(), t.warnings.end(),
                       [&](const std::string &w) { return w.find(text) != std::string::npos; });
}

QString warningsText(const PartitionTable &t)
{
    QStringList lines;
    for (const std::string &w : t.warnings)
        lines << QString::fromStdString(w);
    return lines.join(QLatin1Char('\n'));
}

// Two primaries, an extended partition at LBA 8192 with two logicals (EBRs at 8192 and 12288).
Image mbrWithLogicals()
{
    Image img(16384 * 512);
    putMbrEntry(img, 0, 0, {0x80, 0x83, 2048, 2048});
    putMbrEntry(img, 0, 1, {0x00, 0x07, 4096, 2048});
    putMbrEntry(img, 0, 2, {0x00, 0x05, 8192, 8192});
    putMbrEntry(img, 8192 * 512, 0, {0, 0x83, 2048, 1024});
    putMbrEntry(img, 8192 * 512, 1, {0, 0x05, 4096, 4096});
    putMbrEntry(img, 12288 * 512, 0, {0, 0x82, 2048, 1024});
    return img;
}

std::vector<GptEntry> threeGptEntries(std::uint64_t scale)
{
    return {{kEfiSystem, 16 * scale, 31 * scale, u"EFI system", 0},
            {kLinuxFs, 32 * scale, 95 * scale, u"donn\u00e9es \U0001F600", 4},
            {kLinuxSwap, 96 * scale, 127 * scale, u"swap", 0}};
}

} // namespace

class TestPartitionTable : public QObject
{
    Q_OBJECT
private slots:
    void mbrPrimariesExtendedAndLogicals()
    {
        const PartitionTable t = parse(mbrWithLogicals());
        QVERIFY2(t.warnings.empty(), qPrintable(warningsText(t)));
        QCOMPARE(t.scheme, PartitionScheme::Mbr);
        QCOMPARE(t.sectorSize, 512u);
        QCOMPARE(t.partitions.size(), std::size_t(5));
        const std::vector<unsigned> numbers{1, 2, 3, 5, 6};
        const std::vector<ByteRange> ranges{{2048 * 512, 2048 * 512}, {4096 * 512, 2048 * 512},
                                            {8192 * 512, 8192 * 512}, {10240 * 512, 1024 * 512},
                                            {14336 * 512, 1024 * 512}};
        const std::vector<std::string> types{"0x83", "0x07", "0x05", "0x83", "0x82"};
        for (std::size_t i = 0; i < 5; ++i) {
            QCOMPARE(t.partitions[i].number, numbers[i]);
            QCOMPARE(t.partitions[i].range, ranges[i]);
            QCOMPARE(t.partitions[i].typeId, types[i]);
            QCOMPARE(t.partitions[i].container, i == 2);
            QCOMPARE(t.partitions[i].bootable, i == 0);
        }
        QCOMPARE(t.partitions[0].typeName, std::string("Linux"));
        QCOMPARE(t.partitions[4].typeName, std::string("Linux swap / Solaris"));
    }

    void gpt_data()
    {
        QTest::addColumn<quint32>("sectorSize");
        QTest::addColumn<quint32>("hint");
        QTest::newRow("512") << 512u << 512u;
        QTest::newRow("4096 found after trying 512") << 4096u << 512u;
        QTest::newRow("4096 with a 4096 hint") << 4096u << 4096u;
        QTest::newRow("512 found after trying 4096") << 512u << 4096u;
    }
    void gpt()
    {
        QFETCH(quint32, sectorSize);
        QFETCH(quint32, hint);
        Image img(160 * std::size_t(sectorSize));
        putGpt(img, sectorSize, threeGptEntries(1));
        const PartitionTable t = parse(img, hint);
        QVERIFY2(t.warnings.empty(), qPrintable(warningsText(t)));
        QCOMPARE(t.scheme, PartitionScheme::Gpt);
        QCOMPARE(t.sectorSize, sectorSize);
        QCOMPARE(t.partitions.size(), std::size_t(3));
        const std::uint64_t ss = sectorSize;
        QCOMPARE(t.partitions[0].range, (ByteRange{16 * ss, 16 * ss}));
        QCOMPARE(t.partitions[1].range, (ByteRange{32 * ss, 64 * ss}));
        QCOMPARE(t.partitions[2].range, (ByteRange{96 * ss, 32 * ss}));
        QCOMPARE(t.partitions[0].number, 1u);
        QCOMPARE(t.partitions[2].number, 3u);
        QCOMPARE(t.partitions[0].name, std::string("EFI system"));
        QCOMPARE(t.partitions[1].name, std::string("donn\xc3\xa9" "es \xf0\x9f\x98\x80"));
        QCOMPARE(t.partitions[0].typeName, std::string("EFI System"));
        QCOMPARE(t.partitions[1].typeName, std::string("Linux filesystem"));
        QCOMPARE(t.partitions[2].typeName, std::string("Linux swap"));
        QCOMPARE(t.partitions[1].typeId, std::string(kLinuxFs));
        QVERIFY(t.partitions[1].bootable);
        QVERIFY(!t.partitions[0].bootable);
    }

    void corruptPrimaryHeaderUsesBackup()
    {
        Image img(160 * 512);
        putGpt(img, 512, threeGptEntries(1));
        img[512 + 40] ^= std::byte{0x01}; // first usable LBA: the header CRC no longer matches
        const PartitionTable t = parse(img);
        QCOMPARE(t.scheme, PartitionScheme::Gpt);
        QCOMPARE(t.partitions.size(), std::size_t(3));
        QCOMPARE(t.partitions[1].range, (ByteRange{32 * 512, 64 * 512}));
        QCOMPARE(t.warnings.size(), std::size_t(1));
        QVERIFY2(anyWarningContains(t, "header CRC32 mismatch"), qPrintable(warningsText(t)));
        QVERIFY2(anyWarningContains(t, "backup header at byte 81408"), qPrintable(warningsText(t))); // 159 * 512
    }

    void corruptPrimaryEntryArrayUsesBackup()
    {
        Image img(160 * 512);
        putGpt(img, 512, threeGptEntries(1));
        img[2 * 512 + 32] ^= std::byte{0x01}; // entry 1's first LBA in the primary array
        const PartitionTable t = parse(img);
        QCOMPARE(t.partitions.size(), std::size_t(3));
        QCOMPARE(t.partitions[0].range, (ByteRange{16 * 512, 16 * 512}));
        QVERIFY2(anyWarningContains(t, "entry array CRC32 mismatch"), qPrintable(warningsText(t)));
    }

    void bothGptHeadersCorruptFallsBackToProtectiveMbr()
    {
        Image img(160 * 512);
        putGpt(img, 512, threeGptEntries(1));
        img[512 + 40] ^= std::byte{0x01};
        img[159 * 512 + 40] ^= std::byte{0x01};
        const PartitionTable t = parse(img);
        QCOMPARE(t.scheme, PartitionScheme::Mbr);
        QCOMPARE(t.partitions.size(), std::size_t(1));
        QCOMPARE(t.partitions[0].typeId, std::string("0xee"));
        QVERIFY2(anyWarningContains(t, "no valid GPT"), qPrintable(warningsText(t)));
        QVERIFY2(anyWarningContains(t, "backup header (header CRC32 mismatch)"), qPrintable(warningsText(t)));
    }

    void ebrLoopStopsWithWarning()
    {
        Image img = mbrWithLogicals();
        putMbrEntry(img, 12288 * 512, 1, {0, 0x05, 0, 4096}); // the second EBR links back to the first
        const PartitionTable t = parse(img);
        QCOMPARE(t.partitions.size(), std::size_t(5));
        QVERIFY2(anyWarningContains(t, "loops back to the EBR at byte 4194304"), qPrintable(warningsText(t)));
    }

    void ebrChainCapped()
    {
        // 200 EBRs, each linking to the next sector: the reader stops at 128 logicals.
        Image img(2048 * 512);
        putMbrEntry(img, 0, 0, {0, 0x05, 1, 2000});
        for (std::uint32_t i = 0; i < 200; ++i) {
            putMbrEntry(img, (1 + i) * 512, 0, {0, 0x83, 1000 + i, 1}); // logicals past the chain, inside
            putMbrEntry(img, (1 + i) * 512, 1, {0, 0x05, i + 1, 1});
        }
        const PartitionTable t = parse(img);
        QCOMPARE(t.partitions.size(), std::size_t(1 + 128));
        QCOMPARE(t.partitions.back().number, 4u + 128u);
        QVERIFY2(anyWarningContains(t, "longer than 128"), qPrintable(warningsText(t)));
    }

    void gptEntryPastEndClamped()
    {
        Image img(160 * 512);
        auto entries = threeGptEntries(1);
        entries[2].lastLba = 1000; // past the 160 sectors of the image
        entries.push_back({kLinuxFs, 5000, 6000, u"beyond", 0});
        putGpt(img, 512, entries);
        const PartitionTable t = parse(img);
        QCOMPARE(t.partitions.size(), std::size_t(4));
        QCOMPARE(t.partitions[2].range, (ByteRange{96 * 512, 160 * 512 - 96 * 512}));
        QCOMPARE(t.partitions[3].range, (ByteRange{160 * 512, 0}));
        QVERIFY2(anyWarningContains(t, "partition 3 ends at byte 512512, past the end of the image (81920 bytes); "
                                       "clamped"), qPrintable(warningsText(t)));
        QVERIFY2(anyWarningContains(t, "partition 4 starts at byte 2560000"), qPrintable(warningsText(t)));
    }

    void mbrEntryPastEndClamped()
    {
        Image img(4 * MiB);
        putMbrEntry(img, 0, 0, {0, 0x83, 2048, 0xffffffffu});
        const PartitionTable t = parse(img);
        QCOMPARE(t.partitions.size(), std::size_t(1));
        QCOMPARE(t.partitions[0].range, (ByteRange{MiB, 3 * MiB}));
        QVERIFY2(anyWarningContains(t, "clamped to the end"), qPrintable(warningsText(t)));
    }

    void overlapsWarned()
    {
        Image img(160 * 512);
        auto entries = threeGptEntries(1);
        entries[2].firstLba = 90; // into partition 2 (32..95)
        putGpt(img, 512, entries);
        const PartitionTable t = parse(img);
        QCOMPARE(t.warnings, std::vector<std::string>{"partition 2 and partition 3 overlap"});
    }

    void gptLastBeforeFirstIsEmpty()
    {
        Image img(160 * 512);
        auto entries = threeGptEntries(1);
        entries[0].lastLba = 3;
        putGpt(img, 512, entries);
        const PartitionTable t = parse(img);
        QCOMPARE(t.partitions[0].range, (ByteRange{16 * 512, 0}));
        QVERIFY2(anyWarningContains(t, "ends (LBA 3) before it starts (LBA 16)"), qPrintable(warningsText(t)));
    }

    void hugeEntryCountRefused()
    {
        Image img(160 * 512);
        putGpt(img, 512, threeGptEntries(1));
        for (const std::size_t at : {std::size_t(512), std::size_t(159 * 512)}) {
            putLe(img, at + 80, 0xffffffffu, 4); // 4 G entries of 128 bytes
            putLe(img, at + 16, 0, 4);
            putLe(img, at + 16, crcOf(img, at, 92), 4);
        }
        const PartitionTable t = parse(img);
        QCOMPARE(t.scheme, PartitionScheme::Mbr); // the protective entry only
        QVERIFY2(anyWarningContains(t, "exceed the 4 MiB"), qPrintable(warningsText(t)));
    }

    void noTable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("zeros") << QByteArray(4096, '\0');
        QTest::newRow("short of a sector") << QByteArray(300, '\x55');
        QByteArray boot(4096, '\0');
        boot[0] = '\xeb'; // a FAT boot sector: jump, then code where the entries would be
        boot[446] = '\x3c';
        boot[510] = '\x55';
        boot[511] = '\xaa';
        QTest::newRow("filesystem boot sector") << boot;
        QByteArray emptyMbr(4096, '\0');
        emptyMbr[510] = '\x55';
        emptyMbr[511] = '\xaa';
        QTest::newRow("signature, no entries") << emptyMbr;
    }
    void noTable()
    {
        QFETCH(QByteArray, bytes);
        Image img(static_cast<std::size_t>(bytes.size()));
        if (!bytes.isEmpty()) // memcpy from an empty QByteArray's null data is undefined (UBSan)
            std::memcpy(img.data(), bytes.constData(), img.size());
        const PartitionTable t = parse(img);
        QCOMPARE(t.scheme, PartitionScheme::None);
        QVERIFY(t.partitions.empty());
        QCOMPARE(partitionSchemeName(t.scheme), "none");
    }

    void shortReadsAreNotTrusted()
    {
        // The reader stops early (an I/O error): the GPT header is not read, and nothing crashes.
        Image img(160 * 512);
        putGpt(img, 512, threeGptEntries(1));
        const auto reader = [&img](std::uint64_t offset, std::span<std::byte> out) -> std::size_t {
            if (offset != 0)
                return 0;
            std::memcpy(out.data(), img.data(), std::min<std::size_t>(out.size(), img.size()));
            return std::min<std::size_t>(out.size(), img.size());
        };
        const PartitionTable t = readPartitionTable(reader, img.size());
        QCOMPARE(t.scheme, PartitionScheme::Mbr);
        QCOMPARE(t.partitions.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestPartitionTable)
#include "tst_partitiontable.moc"
