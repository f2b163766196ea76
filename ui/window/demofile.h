#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>

namespace hexmap {

// The demo file `hexmap --demo` opens: DemoFileSize bytes made of 16 MiB sections, each holding (at these offsets
// within the section) an ASCII header naming the section [0, 4 KiB), text paragraphs up to 1 MiB, zeros up to
// 4 MiB, DE AD BE EF up to 6 MiB, bytes counting 00..FF up to 8 MiB, 32-bit little-endian counters (the offset / 4)
// up to 10 MiB, pseudo-random bytes (a fixed seed) up to 11 MiB, and zeros to the end of the section.
// The first section's header starts with DemoFileMagic and describes this layout.
// Free functions: any thread, but not two for the same path at once.
inline constexpr std::uint64_t DemoFileSize = 256ull << 20;
inline constexpr std::uint64_t DemoSectionSize = 16ull << 20;
inline constexpr const char *DemoFileMagic = "HEXMAP DEMO FILE";

// Creates `path` with `size` bytes (a multiple of 1 MiB is best; any size > 0 works, sections are cut at the end)
// through MappedFile::create and big block writes, then syncs nothing (the page cache is enough for a demo).
// Fails with MappedFile::create's errors (ENOSPC, EACCES...; the message names the path).
Status writeDemoFile(const std::string &path, std::uint64_t size = DemoFileSize);

// True when `path` is a regular file of `size` bytes starting with DemoFileMagic. Never fails.
bool isDemoFile(const std::string &path, std::uint64_t size = DemoFileSize);

} // namespace hexmap
