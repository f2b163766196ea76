// The GPT parser: header (primary at LBA 1, backup at the last LBA), CRC32 checks, the entry array.
#include "core/partitionparsing.h"

#include <zlib.h>

#include <cstring>

namespace hexmap::partitions {

namespace {

constexpr std::size_t kHeaderMinSize = 92;
constexpr std::uint32_t kEntryMinSize = 128;
constexpr std::uint32_t kEntryMaxSize = 4096;
constexpr std::uint64_t kArrayMaxBytes = 4u << 20; // 4 MiB: 32768 entries of 128 bytes (the usual is 16 KiB)
constexpr std::uint64_t kGptAttrLegacyBoot = 1u << 2;

std::uint32_t crc32Of(std::span<const std::byte> bytes)
{
    uLong crc = ::crc32(0L, Z_NULL, 0);
    // The spans here are at most kArrayMaxBytes, so one call (uInt length) is enough.
    crc = ::crc32(crc, reinterpret_cast<const Bytef *>(bytes.data()), static_cast<uInt>(bytes.size()));
    return static_cast<std::uint32_t>(crc);
}

struct Header {
    std::uint64_t entriesLba = 0;
    std::uint32_t entryCount = 0;
    std::uint32_t entrySize = 0;
    std::uint32_t entriesCrc = 0;
};

// The header at lba, validated (signature, size, CRC, its own LBA, entry geometry); on failure *why says why.
std::optional<Header> readHeader(const Source &source, std::uint64_t lba, std::uint32_t sectorSize,
                                 std::string *why)
{
    const auto offset = lbaToOffset(lba, sectorSize);
    const auto sector = offset ? source.bytes(*offset, sectorSize) : std::nullopt;
    if (!sector) {
        *why = "past the end of the image";
        return std::nullopt;
    }
    if (std::memcmp(sector->data(), "EFI PART", 8) != 0) {
        *why = "no \"EFI PART\" signature";
        return std::nullopt;
    }
    const std::uint32_t headerSize = le32(*sector, 12);
    if (headerSize < kHeaderMinSize || headerSize > sectorSize) {
        *why = "header size " + std::to_string(headerSize) + " is invalid";
        return std::nullopt;
    }
    std::vector<std::byte> header(sector->begin(), sector->begin() + headerSize);
    const std::uint32_t storedCrc = le32(header, 16);
    std::memset(header.data() + 16, 0, 4);
    if (crc32Of(header) != storedCrc) {
        *why = "header CRC32 mismatch";
        return std::nullopt;
    }
    if (le64(header, 24) != lba) {
        *why = "the header names LBA " + std::to_string(le64(header, 24)) + " as its own";
        return std::nullopt;
    }
    Header h{le64(header, 72), le32(header, 80), le32(header, 84), le32(header, 88)};
    if (h.entrySize < kEntryMinSize || h.entrySize > kEntryMaxSize || h.entrySize % 8 != 0) {
        *why = "entry size " + std::to_string(h.entrySize) + " is invalid";
        return std::nullopt;
    }
    if (std::uint64_t(h.entryCount) * h.entrySize > kArrayMaxBytes) {
        *why = std::to_string(h.entryCount) + " entries of " + std::to_string(h.entrySize) +
               " bytes exceed the 4 MiB this reader accepts";
        return std::nullopt;
    }
    return h;
}

Partition entryToPartition(std::span<const std::byte> e, unsigned number, std::uint32_t sectorSize,
                           const Source &source)
{
    Partition p;
    p.number = number;
    p.typeId = guidText(e.subspan(0, 16));
    p.typeName = gptTypeName(p.typeId);
    p.name = utf16leToUtf8(e.subspan(56, 72));
    p.bootable = (le64(e, 48) & kGptAttrLegacyBoot) != 0;
    const std::uint64_t first = le64(e, 32);
    const std::uint64_t last = le64(e, 40);
    const auto begin = lbaToOffset(first, sectorSize);
    const auto endLba = last < UINT64_MAX ? std::optional(last + 1) : std::nullopt;
    const auto end = endLba ? lbaToOffset(*endLba, sectorSize) : std::nullopt;
    if (last < first) {
        source.warn("partition " + std::to_string(number) + " ends (LBA " + std::to_string(last) +
                    ") before it starts (LBA " + std::to_string(first) + "); shown as empty");
        p.range = ByteRange{begin.value_or(UINT64_MAX), 0};
    } else {
        // An LBA beyond 2^64 bytes lies past any image: clampToImage() then cuts or empties it.
        p.range = ByteRange::fromBounds(begin.value_or(UINT64_MAX), end.value_or(UINT64_MAX));
    }
    return p;
}

std::optional<std::vector<Partition>> readEntries(const Source &source, const Header &h,
                                                  std::uint32_t sectorSize, std::string *why)
{
    const auto offset = lbaToOffset(h.entriesLba, sectorSize);
    const std::size_t bytes = std::size_t(h.entryCount) * h.entrySize;
    const auto array = offset ? source.bytes(*offset, bytes) : std::nullopt;
    if (!array) {
        *why = "the partition entry array is past the end of the image";
        return std::nullopt;
    }
    if (crc32Of(*array) != h.entriesCrc) {
        *why = "partition entry array CRC32 mismatch";
        return std::nullopt;
    }
    std::vector<Partition> out;
    const std::span<const std::byte> all(*array);
    for (std::uint32_t i = 0; i < h.entryCount; ++i) {
        const auto e = all.subspan(std::size_t(i) * h.entrySize, h.entrySize);
        bool unused = true;
        for (std::size_t k = 0; k < 16 && unused; ++k)
            unused = e[k] == std::byte{0};
        if (!unused)
            out.push_back(entryToPartition(e, i + 1, sectorSize, source));
    }
    return out;
}

std::optional<std::vector<Partition>> tryHeader(const Source &source, std::uint64_t lba, std::uint32_t sectorSize,
                                                std::string *why)
{
    const auto header = readHeader(source, lba, sectorSize, why);
    if (!header)
        return std::nullopt;
    // Entries go to a scratch list first: warnings from a header that then fails its array CRC are dropped.
    std::vector<std::string> scratch;
    const Source quiet{source.read, source.totalSize, &scratch};
    auto entries = readEntries(quiet, *header, sectorSize, why);
    if (entries) {
        for (std::string &w : scratch)
            source.warn(std::move(w));
    }
    return entries;
}

} // namespace

bool hasGptSignature(const Source &source, std::uint32_t sectorSize)
{
    const auto sig = source.bytes(sectorSize, 8);
    return sig && std::memcmp(sig->data(), "EFI PART", 8) == 0;
}

std::optional<std::vector<Partition>> parseGpt(const Source &source, std::uint32_t sectorSize)
{
    std::string primaryWhy;
    if (auto entries = tryHeader(source, 1, sectorSize, &primaryWhy))
        return entries;
    const std::uint64_t sectors = source.totalSize / sectorSize;
    if (sectors < 3)
        return std::nullopt;
    std::string backupWhy;
    auto entries = tryHeader(source, sectors - 1, sectorSize, &backupWhy);
    if (entries) {
        source.warn("the primary GPT header at byte " + std::to_string(sectorSize) + " is unusable (" + primaryWhy +
                    "); using the backup header at byte " + std::to_string((sectors - 1) * sectorSize));
        return entries;
    }
    // Only worth saying when a GPT was there at this sector size: "EFI PART" at LBA 1.
    if (hasGptSignature(source, sectorSize))
        source.warn("the GPT at sector size " + std::to_string(sectorSize) + " is unusable: primary header (" +
                    primaryWhy + "), backup header (" + backupWhy + ")");
    return std::nullopt;
}

} // namespace hexmap::partitions
