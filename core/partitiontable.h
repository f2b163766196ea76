#pragma once

#include "core/byterange.h"
#include "core/functionref.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hexmap {

enum class PartitionScheme { None, Mbr, Gpt };

// One entry of a partition table, in bytes of the image. Plain value; any thread.
struct Partition {
    unsigned number = 0;   // as Linux numbers them: MBR slots 1-4, logicals from 5; GPT entry index + 1
    ByteRange range;       // clamped to the image (a warning says when it was cut)
    std::string name;      // GPT name (UTF-8); empty for MBR
    std::string typeName;  // "Linux filesystem", "EFI System", "W95 FAT32 (LBA)"; "unknown" when not in the table
    std::string typeId;    // GPT type GUID in upper-case text, or the MBR type byte as "0x83"
    bool bootable = false; // MBR active flag 0x80; GPT attribute bit 2 (legacy BIOS bootable)
    bool container = false; // an MBR extended partition: it holds the logical partitions listed after it
};

// A disk image's partition table as read. Plain value; any thread.
struct PartitionTable {
    PartitionScheme scheme = PartitionScheme::None;
    std::uint32_t sectorSize = 512;     // the logical sector size the table's LBAs are counted in
    std::vector<Partition> partitions;  // in table order (MBR: primaries, then logicals in chain order)
    std::vector<std::string> warnings;  // damage found and what was done about it (backup header used, clamps...)
};

// Reads up to buffer.size() bytes at offset into buffer; returns the byte count read (short at the end or on an
// error). May be called several times; never with a range past the totalSize given to readPartitionTable.
using PartitionReader = FunctionRef<std::size_t(std::uint64_t offset, std::span<std::byte> buffer)>;

// Finds and parses an MBR (with the EBR chain of logical partitions) or a GPT (primary header, or the backup at
// the last LBA when the primary is damaged) in an image of totalSize bytes. sectorSizeHint (512 or 4096) is
// tried first for a GPT, then the other one. Hostile input is expected: at most ~4 MiB is read and held, chains
// and entry counts are capped, entries past the end are clamped, overlaps are reported.
// Failure contract: never fails; an image without a recognisable table gives scheme None, damage and short reads
// become warnings. Thread: any (a pure function of the reader).
PartitionTable readPartitionTable(PartitionReader read, std::uint64_t totalSize, std::uint32_t sectorSizeHint = 512);

// "none", "mbr", "gpt". Any thread; never fails.
const char *partitionSchemeName(PartitionScheme scheme);

} // namespace hexmap
