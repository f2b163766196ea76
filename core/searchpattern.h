#pragma once

#include "core/result.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hexmap {

enum class TextEncoding { Utf8, Utf16Le };

// What the search engine looks for: a byte string where every position carries a value and an AND-mask.
// A byte b matches position i when (b & mask[i]) == value[i]:
//   mask 0xFF = exact byte, 0x00 = whole-byte wildcard ("??"), 0xDF = an ASCII letter in either case
//   (value holds the upper-case letter; 'A' & 0xDF == 'a' & 0xDF, and no other byte gives 0x41).
// Invariant: value[i] & mask[i] == value[i], size >= 1 for a pattern made by the factories.
// Plain value, cheap to copy; any thread (const use from several threads at once is fine).
class SearchPattern {
public:
    static constexpr std::size_t kMaxBytes = 65536;

    SearchPattern() = default;

    // Hex bytes with optional "??" wildcards, in every spelling parseHexBytes accepts ("DE AD ?? EF", "dead??ef").
    // Fails with Errc::ParseError (context names the bad character and its position), Errc::InvalidArgument when
    // longer than maxBytes or when every byte is a wildcard (such a pattern matches everywhere).
    static Result<SearchPattern> fromHex(std::string_view text, std::size_t maxBytes = kMaxBytes);

    // Text given as UTF-8. Utf8 searches its bytes as given (no validation: any byte string is searchable);
    // Utf16Le converts it to UTF-16LE code units (surrogate pairs above U+FFFF). ignoreCase folds ASCII letters
    // only (a-z / A-Z); other characters must match exactly.
    // Fails with Errc::ParseError on empty text, or, for Utf16Le, malformed UTF-8 (context: what and the byte
    // position); Errc::InvalidArgument when the encoded pattern is longer than maxBytes.
    static Result<SearchPattern> fromText(std::string_view utf8, TextEncoding encoding, bool ignoreCase,
                                          std::size_t maxBytes = kMaxBytes);

    // Exact bytes. Fails with Errc::InvalidArgument when empty or longer than maxBytes.
    static Result<SearchPattern> fromBytes(std::span<const std::byte> bytes, std::size_t maxBytes = kMaxBytes);

    // The general form (tests, other front ends). values are masked on the way in.
    // Fails with Errc::InvalidArgument when sizes differ, the pattern is empty, longer than maxBytes, or all masks 0.
    static Result<SearchPattern> fromMasked(std::vector<std::byte> values, std::vector<std::byte> masks,
                                            std::size_t maxBytes = kMaxBytes);

    std::size_t size() const { return m_values.size(); }
    bool isEmpty() const { return m_values.empty(); }
    std::span<const std::byte> values() const { return m_values; }
    std::span<const std::byte> masks() const { return m_masks; }
    // True when every mask is 0xFF: plain memcmp/memmem semantics apply.
    bool isExact() const { return m_exact; }

    // True when the pattern matches at the start of `data`; false when data is shorter than the pattern.
    bool matchesAt(std::span<const std::byte> data) const;

    // For messages: "DE AD ?? EF"; a case-folded letter shows both bytes, "41/61". Never fails.
    std::string describe() const;

    friend bool operator==(const SearchPattern &, const SearchPattern &) = default;

private:
    SearchPattern(std::vector<std::byte> values, std::vector<std::byte> masks);

    std::vector<std::byte> m_values;
    std::vector<std::byte> m_masks;
    bool m_exact = true;
};

} // namespace hexmap
