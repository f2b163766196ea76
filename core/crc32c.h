#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace hexmap {

// CRC-32C (Castagnoli, the checksum of iSCSI, ext4 metadata and btrfs): with the SSE4.2 instruction where the CPU
// has it (checked once at run time), a table otherwise. Used to check the records of save journals.
// crc32c(crc32c(0, a), b) == crc32c(0, a + b), so large data can be checked in pieces.
// Thread: any (pure function). Failure contract: none (never fails).
std::uint32_t crc32c(std::uint32_t crc, std::span<const std::byte> data);

} // namespace hexmap
