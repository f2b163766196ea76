// libFuzzer harness for core/partitiontable: no crash, no UB, no huge allocation, and these invariants (abort()
// on violation):
// - every partition lies inside the image (clamped), numbers are >= 1, the sector size is 512 or 4096;
// - scheme None has no partitions; warnings are capped (64 plus one "more" line);
// - the parser reads only inside the image, and the same input parses to the same table twice.
// Input: the image bytes; or 'V', a little-endian 64-bit size and the bytes, for an image of that size (up to
// 2^62) whose bytes after the given ones read as zeros (sparse: huge LBAs and clamping are reachable).
#include "core/partitiontable.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace hexmap;

#define CHECK(cond)                                                                                           \
    do {                                                                                                      \
        if (!(cond)) {                                                                                        \
            std::fprintf(stderr, "invariant failed at line %d: %s\n", __LINE__, #cond);                       \
            std::abort();                                                                                     \
        }                                                                                                     \
    } while (0)

namespace {

bool sameTable(const PartitionTable &a, const PartitionTable &b)
{
    if (a.scheme != b.scheme || a.sectorSize != b.sectorSize || a.warnings != b.warnings ||
        a.partitions.size() != b.partitions.size())
        return false;
    for (std::size_t i = 0; i < a.partitions.size(); ++i) {
        const Partition &p = a.partitions[i];
        const Partition &q = b.partitions[i];
        if (p.number != q.number || p.range != q.range || p.name != q.name || p.typeId != q.typeId ||
            p.typeName != q.typeName || p.bootable != q.bootable || p.container != q.container)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::uint8_t *bytes = data;
    std::size_t held = size;
    std::uint64_t total = size;
    if (size >= 9 && data[0] == 'V') {
        std::memcpy(&total, data + 1, 8);
        total &= (std::uint64_t(1) << 62) - 1;
        bytes = data + 9;
        held = size - 9;
        if (total < held)
            held = static_cast<std::size_t>(total);
    }
    const auto reader = [&](std::uint64_t offset, std::span<std::byte> out) -> std::size_t {
        CHECK(offset <= total && out.size() <= total - offset);
        CHECK(out.size() <= (std::size_t(4) << 20) + 4096); // never more than the 4 MiB entry array cap
        for (std::size_t i = 0; i < out.size(); ++i) {
            const std::uint64_t at = offset + i;
            out[i] = at < held ? static_cast<std::byte>(bytes[at]) : std::byte{0};
        }
        return out.size();
    };
    for (const std::uint32_t hint : {512u, 4096u}) {
        const PartitionTable t = readPartitionTable(reader, total, hint);
        CHECK(t.sectorSize == 512 || t.sectorSize == 4096);
        CHECK(t.scheme != PartitionScheme::None || t.partitions.empty());
        CHECK(t.warnings.size() <= 65);
        for (const Partition &p : t.partitions) {
            CHECK(p.number >= 1);
            CHECK(p.range.offset <= total && p.range.end() <= total);
            CHECK(!p.typeId.empty() && !p.typeName.empty());
        }
        CHECK(sameTable(t, readPartitionTable(reader, total, hint)));
    }
    return 0;
}
