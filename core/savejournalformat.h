#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace hexmap::journalformat {

// The on-disk layout of a save journal (a redo log), host byte order (little-endian on every supported host):
//
//   header  : magic "HXMJRNL1" (8) | version u32 | path length u32 | device u64 | inode u64 | size u64 |
//             target path (path length bytes, the canonical path at save time) | crc u32 (CRC-32C of all before)
//   record* : kind u32 = 1 | crc u32 | offset u64 | length u64 | new bytes (length)
//             crc = CRC-32C of (kind, offset, length, bytes) chained in that order (the crc field itself excluded)
//   commit  : kind u32 = 2 | crc u32 | record count u64 | chain u64 (low 32 bits: the CRC-32C of the header crc
//             followed by every record crc, in order) ; crc as for a record, over (kind, count, chain)
//
// A journal is committed when a commit record follows the records and every checksum matches. The writer syncs
// the records before it writes the commit record, and syncs the commit record before it touches the target file.
// Plain constants and helpers; any thread.

inline constexpr char kMagic[8] = {'H', 'X', 'M', 'J', 'R', 'N', 'L', '1'};
inline constexpr std::uint32_t kVersion = 1;
inline constexpr std::uint32_t kRangeRecord = 1;
inline constexpr std::uint32_t kCommitRecord = 2;
inline constexpr std::size_t kHeaderFixedSize = 8 + 4 + 4 + 8 + 8 + 8; // before the path
inline constexpr std::size_t kRecordHeaderSize = 4 + 4 + 8 + 8;
inline constexpr std::uint32_t kMaxPathLength = 1u << 16;

template <typename T>
void put(std::byte *at, T value)
{
    std::memcpy(at, &value, sizeof value);
}

template <typename T>
T get(const std::byte *at)
{
    T value{};
    std::memcpy(&value, at, sizeof value);
    return value;
}

// The 16 bytes (kind, a, b) a record's crc starts with (the crc field is left out).
inline void recordKey(std::byte out[20], std::uint32_t kind, std::uint64_t a, std::uint64_t b)
{
    put(out, kind);
    put(out + 4, a);
    put(out + 12, b);
}

} // namespace hexmap::journalformat
