// The MBR parser: the four primary entries of sector 0 and the EBR chains of extended partitions.
#include "core/partitionparsing.h"

#include <set>

namespace hexmap::partitions {

namespace {

constexpr std::size_t kMbrSize = 512;
constexpr std::size_t kEntriesAt = 446;
constexpr std::size_t kEntrySize = 16;
constexpr unsigned kMaxLogicals = 128; // longer EBR chains are hostile or broken

struct MbrEntry {
    std::uint8_t status = 0;
    std::uint8_t type = 0;
    std::uint32_t firstLba = 0;
    std::uint32_t sectors = 0;
};

MbrEntry entryAt(std::span<const std::byte> sector, unsigned slot)
{
    const std::size_t at = kEntriesAt + slot * kEntrySize;
    return MbrEntry{std::to_integer<std::uint8_t>(sector[at]), std::to_integer<std::uint8_t>(sector[at + 4]),
                    le32(sector, at + 8), le32(sector, at + 12)};
}

bool isExtended(std::uint8_t type)
{
    return type == 0x05 || type == 0x0f || type == 0x85;
}

bool hasSignature(std::span<const std::byte> sector)
{
    return sector[510] == std::byte{0x55} && sector[511] == std::byte{0xaa};
}

Partition makePartition(unsigned number, const MbrEntry &e, std::uint64_t firstLba, std::uint32_t sectorSize)
{
    Partition p;
    p.number = number;
    // Both factors are below 2^33 and sectorSize is at most 4096: the products fit in 64 bits.
    p.range = ByteRange{firstLba * sectorSize, std::uint64_t(e.sectors) * sectorSize};
    p.typeId = (e.type < 0x10 ? "0x0" : "0x") + hexText(e.type).substr(2);
    p.typeName = mbrTypeName(e.type);
    p.bootable = e.status == 0x80;
    p.container = isExtended(e.type);
    return p;
}

// Follows the EBR chain of the extended partition at extendedLba; appends logicals numbered from *next.
void readLogicals(const Source &source, std::uint64_t extendedLba, const ByteRange &extended,
                  std::uint32_t sectorSize, unsigned *next, std::vector<Partition> &out)
{
    std::set<std::uint64_t> visited;
    std::uint64_t ebrLba = extendedLba;
    for (unsigned count = 0;; ++count) {
        const std::uint64_t ebrOffset = ebrLba * sectorSize;
        if (count == kMaxLogicals) {
            source.warn("the chain of logical partitions is longer than " + std::to_string(kMaxLogicals) +
                        " entries; the rest was not read");
            return;
        }
        if (!visited.insert(ebrLba).second) {
            source.warn("the chain of logical partitions loops back to the EBR at byte " +
                        std::to_string(ebrOffset) + "; stopped there");
            return;
        }
        const auto sector = source.bytes(ebrOffset, kMbrSize);
        if (!sector) {
            source.warn("the EBR at byte " + std::to_string(ebrOffset) + " is past the end of the image");
            return;
        }
        if (!hasSignature(*sector)) {
            source.warn("the EBR at byte " + std::to_string(ebrOffset) + " has no 55 AA signature; "
                        "the chain of logical partitions stops there");
            return;
        }
        const MbrEntry logical = entryAt(*sector, 0);
        const MbrEntry link = entryAt(*sector, 1);
        if (logical.type != 0 && logical.sectors != 0) {
            Partition p = makePartition((*next)++, logical, ebrLba + logical.firstLba, sectorSize);
            if (!extended.contains(p.range))
                source.warn("logical partition " + std::to_string(p.number) +
                            " is not inside its extended partition");
            out.push_back(std::move(p));
        }
        if (link.type == 0 || link.sectors == 0 || !isExtended(link.type))
            return;
        ebrLba = extendedLba + link.firstLba;
    }
}

} // namespace

std::optional<MbrSector> readMbrSector(const Source &source)
{
    auto sector = source.bytes(0, kMbrSize);
    if (!sector || !hasSignature(*sector))
        return std::nullopt;
    MbrSector mbr;
    bool anyEntry = false;
    for (unsigned slot = 0; slot < 4; ++slot) {
        const MbrEntry e = entryAt(*sector, slot);
        // A boot sector of a filesystem (FAT, NTFS) also ends in 55 AA: its bytes here are code or fields that
        // are rarely valid boot flags, which is how libblkid tells them apart too.
        if (e.status != 0x00 && e.status != 0x80)
            return std::nullopt;
        anyEntry = anyEntry || e.type != 0;
        mbr.hasProtectiveEntry = mbr.hasProtectiveEntry || e.type == 0xee;
    }
    if (!anyEntry)
        return std::nullopt;
    mbr.bytes = std::move(*sector);
    return mbr;
}

std::vector<Partition> parseMbr(const Source &source, const MbrSector &mbr, std::uint32_t sectorSize)
{
    std::vector<Partition> out;
    unsigned nextLogical = 5;
    bool extendedSeen = false;
    for (unsigned slot = 0; slot < 4; ++slot) {
        const MbrEntry e = entryAt(mbr.bytes, slot);
        if (e.type == 0 || e.sectors == 0)
            continue;
        Partition p = makePartition(slot + 1, e, e.firstLba, sectorSize);
        const ByteRange range = p.range;
        out.push_back(std::move(p));
        if (isExtended(e.type)) {
            if (extendedSeen) {
                source.warn("more than one extended partition: the logicals of partition " +
                            std::to_string(slot + 1) + " were not read");
                continue;
            }
            extendedSeen = true;
            readLogicals(source, e.firstLba, range, sectorSize, &nextLogical, out);
        }
    }
    return out;
}

} // namespace hexmap::partitions
