#pragma once

#include "core/partitiontable.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

// Internals of readPartitionTable (core/partitiontable.cpp), shared by the MBR and GPT parsers. Not a public API.
// Thread: any. Failure contract: as readPartitionTable (no exceptions besides std::bad_alloc, never a crash).
namespace hexmap::partitions {

// What the parsers read through: the reader, the image size and the warnings collected so far.
struct Source {
    PartitionReader read;
    std::uint64_t totalSize;
    std::vector<std::string> *warnings;

    // Exactly `size` bytes at `offset`, or nothing when they are not all inside the image or the read was short.
    std::optional<std::vector<std::byte>> bytes(std::uint64_t offset, std::size_t size) const;
    void warn(std::string text) const;
};

// Reads little-endian values from a byte span (the caller checked the bounds).
std::uint16_t le16(std::span<const std::byte> b, std::size_t at);
std::uint32_t le32(std::span<const std::byte> b, std::size_t at);
std::uint64_t le64(std::span<const std::byte> b, std::size_t at);

// lba * sectorSize, or nothing when it overflows 64 bits.
std::optional<std::uint64_t> lbaToOffset(std::uint64_t lba, std::uint32_t sectorSize);

// "0x1234" (lower-case hex).
std::string hexText(std::uint64_t value);

// The MBR in sector 0 (512 bytes) when it looks like one: signature 55 AA, boot flags 0x00 or 0x80.
struct MbrSector {
    std::vector<std::byte> bytes;
    bool hasProtectiveEntry = false; // a 0xEE entry: the disk has a GPT
};
std::optional<MbrSector> readMbrSector(const Source &source);

// The partitions of an MBR (primaries, extended containers and the logicals of their EBR chains).
std::vector<Partition> parseMbr(const Source &source, const MbrSector &mbr, std::uint32_t sectorSize);

// A GPT at sector size sectorSize (primary at LBA 1, else the backup at the last LBA), or nothing.
std::optional<std::vector<Partition>> parseGpt(const Source &source, std::uint32_t sectorSize);

// Whether "EFI PART" is at LBA 1 for this sector size (a GPT, valid or not, is there).
bool hasGptSignature(const Source &source, std::uint32_t sectorSize);

// Type names: MBR type byte and GPT type GUID (text as guidText gives it) to a human name ("unknown" if not known).
std::string mbrTypeName(std::uint8_t type);
std::string gptTypeName(const std::string &guid);
// The mixed-endian GUID of 16 bytes as upper-case text "C12A7328-F81F-11D2-BA4B-00A0C93EC93B".
std::string guidText(std::span<const std::byte> sixteen);
// UTF-16LE code units (up to the first NUL) as UTF-8; unpaired surrogates become U+FFFD.
std::string utf16leToUtf8(std::span<const std::byte> bytes);

} // namespace hexmap::partitions
