#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Parsers for the numbers a user types: sizes, offsets, single bytes and ranges (hexmap-cli, the GUI dialogs,
// the search engine). Free functions without state: any thread may call them concurrently.
//
// Accepted number syntax (leading and trailing whitespace is ignored everywhere):
//   - decimal digits: "4096";
//   - hexadecimal with a 0x / 0X prefix: "0x1000", "0XfF";
//   - a decimal number may carry a unit suffix, optionally after spaces, case-insensitive:
//       K M G T, KiB MiB GiB TiB  = powers of 1024;   KB MB GB TB = powers of 1000;   B = bytes.
//     Hexadecimal numbers take no suffix: "0x1B" is 27, never "one byte".
// Deliberately rejected (Errc::ParseError): fractions ("1.5K" — write 1536 or "1536B", as with GNU truncate
// and dd), a '+' sign, digit separators, E/P/Z suffixes, "0x" alone, and any value above 2^64-1, including one
// that only overflows through its suffix ("16777216T").
//
// Error contexts hold the offending text (trimmed, cut to 64 characters), or "(empty)" for blank input.

namespace hexmap {

// A byte count: "4096", "0x1000", "4K", "4 KiB", "4KB" (4000), "512B".
// Fails with Errc::ParseError (context: the text) on empty, negative or malformed input, an unknown suffix,
// or a value that does not fit in 64 bits.
Result<std::uint64_t> parseSize(std::string_view text);

// An offset into a file of fileSize bytes: a size as above, or "-N" counted back from the end ("-16" is
// fileSize - 16, "-0x10" too, "-0" is fileSize). offset == fileSize is accepted; callers check further.
// Fails with Errc::ParseError on malformed input, and with Errc::OutOfBounds (context: the text) when the
// offset lies past fileSize or a negative offset reaches before the start of the file.
Result<std::uint64_t> parseOffset(std::string_view text, std::uint64_t fileSize);

// One byte value: decimal "171", hexadecimal "0xAB", binary "0b10101011" (prefixes case-insensitive).
// Bare hex digits ("AB") are rejected, since "10" would be ambiguous.
// Fails with Errc::ParseError (context: the text) on malformed input or a value above 255.
Result<std::uint8_t> parseByte(std::string_view text);

// The range a command or dialog names with an optional offset (parseOffset, default 0) and an optional length
// (parseSize, default: the rest of the file).
// Fails with the parsers' errors; Errc::InvalidArgument for an empty range (context: the length text, or the
// offset text when the length was defaulted); Errc::OutOfBounds when offset + length passes the end of the
// file or overflows (context: the length text).
Result<ByteRange> resolveRange(std::optional<std::string_view> offset, std::optional<std::string_view> length,
                               std::uint64_t fileSize);

// A human-readable size: "512 B" below 1 KiB, otherwise two decimals in the largest binary unit that keeps
// the number below 1024 after rounding: "1.50 GiB", "1.00 MiB" (for 1048575), up to "16.00 EiB".
// Never fails.
std::string formatSize(std::uint64_t bytes);

} // namespace hexmap
