#pragma once

#include <cstddef>
#include <cstdint>

namespace hexmap::shiftformat {

// The on-disk layout of an insert/delete (shift) save journal. It lives where the save journal of the same file
// lives (core/journallocation.h: same directory, same "<dev>-<ino>.hexmap-journal" name, same OFD lock), so a file
// has at most one pending journal of either kind; recoverSaveJournal() tells them apart by the magic.
// Host byte order (little-endian on every supported host). All checksums are CRC-32C (core/crc32c.h).
//
//   plan    : magic "HXMSHFT1" (8) | version u32 | path length u32 | device u64 | inode u64 | old size u64 |
//             new size u64 | chunk size u64 | direct shift minimum u64 | piece count u64 | target path
//             then per piece: kind u32 (0 Original, 1 Memory, 2 Fill) | 0 u32 | dst u64 | length u64 | src u64 |
//             byte count u64 | bytes (Memory: the piece's `length` bytes, src stored as 0; Fill: the pattern)
//   commit  : magic "HXMSCMT1" (8) | plan length u64 | plan crc u32 | crc u32 (of the 20 bytes before it)
//   slots   : two progress slots at slotBase = plan length + 24 rounded up to 4096, each slotStride =
//             (32 + chunk size) rounded up to 4096 apart. Step k's record goes to slot k % 2, so the record of the
//             step before always survives a torn write of the current one. A slot record:
//             kind u32 | crc u32 | step u64 | payload length u64 | plan crc u32 | 0 u32 | payload
//             crc covers (kind, step, payload length, plan crc, 0, payload); a record is valid when its crc and
//             plan crc match. Kinds:
//               Done     (1): steps 0..step are written (no payload);
//               PreImage (2): steps before `step` are written; payload = the source bytes of step `step`, saved
//                             before that step (whose destination overlaps its source) started writing;
//               Finished (3): every step and every Memory/Fill piece is written; only the final size is left.
// The plan is synced before the commit record is written, the commit record (and the directory) before the target
// file is touched. Plain constants; any thread.

inline constexpr char kPlanMagic[8] = {'H', 'X', 'M', 'S', 'H', 'F', 'T', '1'};
inline constexpr char kCommitMagic[8] = {'H', 'X', 'M', 'S', 'C', 'M', 'T', '1'};
inline constexpr std::uint32_t kVersion = 1;
inline constexpr std::size_t kHeaderFixedSize = 8 + 4 + 4 + 8 * 7;
inline constexpr std::size_t kPieceHeaderSize = 4 + 4 + 8 * 4;
inline constexpr std::size_t kCommitSize = 8 + 8 + 4 + 4;
inline constexpr std::size_t kSlotHeaderSize = 32;
inline constexpr std::uint64_t kSlotAlign = 4096;
inline constexpr std::uint64_t kMaxChunkSize = std::uint64_t(256) << 20; // a reader refuses larger (damage)
inline constexpr std::uint64_t kMaxPattern = std::uint64_t(16) << 20;

enum SlotKind : std::uint32_t { SlotDone = 1, SlotPreImage = 2, SlotFinished = 3 };

inline std::uint64_t roundUp(std::uint64_t value, std::uint64_t align) { return (value + align - 1) / align * align; }
inline std::uint64_t slotBase(std::uint64_t planLength) { return roundUp(planLength + kCommitSize, kSlotAlign); }
inline std::uint64_t slotStride(std::uint64_t chunkSize) { return roundUp(kSlotHeaderSize + chunkSize, kSlotAlign); }

} // namespace hexmap::shiftformat
