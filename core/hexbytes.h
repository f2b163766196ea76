#pragma once

#include "core/result.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hexmap {

// A byte string typed as hex, optionally with whole-byte wildcards ("DE ?? BE EF"). Plain value; any thread.
// bytes and mask always have the same size; mask[i] == false marks a wildcard, whose bytes[i] is 0.
struct HexBytes {
    std::vector<std::byte> bytes;
    std::vector<bool> mask;

    std::size_t size() const { return bytes.size(); }
    bool hasWildcards() const;
    friend bool operator==(const HexBytes &, const HexBytes &) = default;
};

// Parses hex bytes as people paste them: "DE AD BE EF", "deadbeef", "de:ad", "0xDE 0xAD", "DE,AD", "DE-AD".
// Separators: space, tab, CR, LF, ',', ':', '-'. Within a separated token the digits pair up from its start,
// after an optional 0x/0X prefix ("0xDEAD" is DE AD). "??" is a whole-byte wildcard when allowWildcards.
// Thread: any (no state).
// Fails with Errc::ParseError on empty input, a character that is not a hex digit, a token with an odd number
// of digits, "0x" without digits, a half-byte wildcard ("?A", lone "?"), or "??" when !allowWildcards;
// with Errc::InvalidArgument when there are more than maxBytes bytes. The context says what is wrong, where
// (0-based character position) and quotes the input (cut to 40 characters).
Result<HexBytes> parseHexBytes(std::string_view text, bool allowWildcards, std::size_t maxBytes = 65536);

// Upper-case hex, "DE AD BE EF"; sep == '\0' gives "DEADBEEF". An empty span gives "". Never fails.
std::string toHexString(std::span<const std::byte> bytes, char sep = ' ');

// As above, with "??" at wildcard positions: the inverse of parseHexBytes(..., true). Never fails.
std::string toHexString(const HexBytes &pattern, char sep = ' ');

} // namespace hexmap
