// readPartitionTable: finds the scheme, runs the MBR or GPT parser, then clamps and checks what they found.
#include "core/partitiontable.h"

#include "core/partitionparsing.h"

#include <algorithm>
#include <numeric>

namespace hexmap {
namespace partitions {

namespace {
constexpr std::size_t kMaxWarnings = 64; // a hostile table cannot flood the caller with text
} // namespace

std::optional<std::vector<std::byte>> Source::bytes(std::uint64_t offset, std::size_t size) const
{
    if (offset > totalSize || size > totalSize - offset)
        return std::nullopt;
    std::vector<std::byte> out(size);
    if (size != 0 && read(offset, out) != size)
        return std::nullopt;
    return out;
}

void Source::warn(std::string text) const
{
    if (warnings->size() < kMaxWarnings)
        warnings->push_back(std::move(text));
    else if (warnings->size() == kMaxWarnings)
        warnings->push_back("more warnings were not shown");
}

std::uint16_t le16(std::span<const std::byte> b, std::size_t at)
{
    return static_cast<std::uint16_t>(std::to_integer<unsigned>(b[at]) | std::to_integer<unsigned>(b[at + 1]) << 8);
}

std::uint32_t le32(std::span<const std::byte> b, std::size_t at)
{
    return static_cast<std::uint32_t>(le16(b, at)) | static_cast<std::uint32_t>(le16(b, at + 2)) << 16;
}

std::uint64_t le64(std::span<const std::byte> b, std::size_t at)
{
    return static_cast<std::uint64_t>(le32(b, at)) | static_cast<std::uint64_t>(le32(b, at + 4)) << 32;
}

std::optional<std::uint64_t> lbaToOffset(std::uint64_t lba, std::uint32_t sectorSize)
{
    if (sectorSize == 0 || lba > UINT64_MAX / sectorSize)
        return std::nullopt;
    return lba * sectorSize;
}

std::string hexText(std::uint64_t value)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), digits[value & 0xf]);
        value >>= 4;
    } while (value != 0);
    return "0x" + out;
}

namespace {

std::string partitionLabel(const Partition &p)
{
    return "partition " + std::to_string(p.number);
}

// Cuts every range to the image and says so.
void clampToImage(std::vector<Partition> &parts, const Source &source)
{
    const std::uint64_t total = source.totalSize;
    for (Partition &p : parts) {
        if (p.range.offset >= total && !p.range.isEmpty()) {
            source.warn(partitionLabel(p) + " starts at byte " + std::to_string(p.range.offset) +
                        ", past the end of the image (" + std::to_string(total) + " bytes); shown as empty");
            p.range = ByteRange{total, 0};
        } else if (p.range.end() > total || p.range.size > total - p.range.offset) {
            source.warn(partitionLabel(p) + " ends at byte " + std::to_string(p.range.end()) +
                        ", past the end of the image (" + std::to_string(total) + " bytes); clamped to the end");
            p.range = ByteRange::fromBounds(p.range.offset, total);
        }
    }
}

// Reports partitions that share bytes (an extended container and its logicals are expected to).
void warnOverlaps(const std::vector<Partition> &parts, const Source &source)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!parts[i].container && !parts[i].range.isEmpty())
            order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return parts[a].range.offset < parts[b].range.offset;
    });
    std::optional<std::size_t> widest; // of those seen so far, the one reaching furthest
    for (const std::size_t i : order) {
        if (widest && parts[i].range.offset < parts[*widest].range.end())
            source.warn(partitionLabel(parts[*widest]) + " and " + partitionLabel(parts[i]) + " overlap");
        if (!widest || parts[i].range.end() > parts[*widest].range.end())
            widest = i;
    }
}

} // namespace
} // namespace partitions

PartitionTable readPartitionTable(PartitionReader read, std::uint64_t totalSize, std::uint32_t sectorSizeHint)
{
    using namespace partitions;
    PartitionTable table;
    const Source source{read, totalSize, &table.warnings};
    const std::uint32_t hint = sectorSizeHint == 4096 ? 4096u : 512u;
    const std::uint32_t other = hint == 512 ? 4096u : 512u;

    const std::optional<MbrSector> mbr = readMbrSector(source);
    // A GPT is looked for behind a protective MBR, or when sector 0 holds no MBR at all (a damaged protective
    // MBR); an MBR without a 0xEE entry wins over stale GPT leftovers, as libblkid decides.
    if (!mbr || mbr->hasProtectiveEntry) {
        for (const std::uint32_t size : {hint, other}) {
            if (auto gpt = parseGpt(source, size)) {
                if (!mbr)
                    source.warn("no protective MBR in sector 0: the GPT was found without one");
                table.scheme = PartitionScheme::Gpt;
                table.sectorSize = size;
                table.partitions = std::move(*gpt);
                break;
            }
        }
        if (table.scheme == PartitionScheme::None && mbr)
            source.warn("the MBR has a GPT protective entry (0xEE) but no valid GPT was found; showing the MBR");
    }
    if (table.scheme == PartitionScheme::None && mbr) {
        table.scheme = PartitionScheme::Mbr;
        table.sectorSize = hint;
        table.partitions = parseMbr(source, *mbr, hint);
    }
    clampToImage(table.partitions, source);
    warnOverlaps(table.partitions, source);
    return table;
}

const char *partitionSchemeName(PartitionScheme scheme)
{
    switch (scheme) {
    case PartitionScheme::Mbr:
        return "mbr";
    case PartitionScheme::Gpt:
        return "gpt";
    case PartitionScheme::None:
        break;
    }
    return "none";
}

} // namespace hexmap
