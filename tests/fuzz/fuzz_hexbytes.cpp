// libFuzzer harness for core/hexbytes: no crash, no UB, and these invariants (abort() on violation):
// - parseHexBytes agrees with a deliberately naive reference parser (split into tokens, then pairs);
// - a result has bytes.size() == mask.size(), 1..maxBytes entries, wildcards only when allowed, 0 under them;
// - toHexString(result, sep) re-parses to the identical result for several separators;
// - accepting without wildcards implies accepting with them, identically.
#include "core/hexbytes.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

using namespace hexmap;

#define CHECK(cond)                                                                                           \
    do {                                                                                                      \
        if (!(cond)) {                                                                                        \
            std::fprintf(stderr, "invariant failed at line %d: %s\n", __LINE__, #cond);                       \
            std::abort();                                                                                     \
        }                                                                                                     \
    } while (0)

namespace {

constexpr std::size_t kMaxBytes = 64;

std::optional<HexBytes> reference(std::string_view s, bool allowWildcards)
{
    constexpr std::string_view seps = " \t\r\n,:-";
    HexBytes out;
    for (std::size_t i = s.find_first_not_of(seps); i != s.npos; i = s.find_first_not_of(seps, i)) {
        const std::size_t end = std::min(s.find_first_of(seps, i), s.size());
        std::string_view token = s.substr(i, end - i);
        i = end;
        if (token.size() >= 2 && token[0] == '0' && (token[1] == 'x' || token[1] == 'X')) {
            token.remove_prefix(2);
            if (token.empty())
                return std::nullopt;
        }
        if (token.size() % 2 != 0)
            return std::nullopt;
        for (std::size_t k = 0; k < token.size(); k += 2) {
            const std::string_view pair = token.substr(k, 2);
            unsigned value = 0;
            const bool wildcard = pair == "??";
            if (wildcard && !allowWildcards)
                return std::nullopt;
            if (!wildcard) {
                const auto [ptr, ec] = std::from_chars(pair.data(), pair.data() + 2, value, 16);
                if (ec != std::errc() || ptr != pair.data() + 2)
                    return std::nullopt;
            }
            out.bytes.push_back(static_cast<std::byte>(value));
            out.mask.push_back(!wildcard);
        }
    }
    if (out.bytes.empty())
        return std::nullopt;
    return out;
}

void checkOne(std::string_view text, bool allowWildcards)
{
    const auto result = parseHexBytes(text, allowWildcards, kMaxBytes);
    const auto expected = reference(text, allowWildcards);
    if (!result.ok()) {
        CHECK(!result.error().context.empty());
        if (result.code() == make_error_code(Errc::InvalidArgument))
            return; // too many bytes: the reference may still fail later in the text
        CHECK(result.code() == make_error_code(Errc::ParseError));
        CHECK(!expected);
        return;
    }
    CHECK(expected && *expected == *result);
    CHECK(result->bytes.size() == result->mask.size());
    CHECK(result->size() >= 1 && result->size() <= kMaxBytes);
    CHECK(allowWildcards || !result->hasWildcards());
    for (std::size_t i = 0; i < result->size(); ++i)
        CHECK(result->mask[i] || result->bytes[i] == std::byte{0});
    for (const char sep : {' ', '\0', ':', ',', '-'}) {
        const std::string printed = toHexString(*result, sep);
        CHECK(printed.size() == result->size() * 2 + (sep != '\0' ? result->size() - 1 : 0));
        const auto again = parseHexBytes(printed, allowWildcards, kMaxBytes);
        CHECK(again.ok() && *again == *result);
    }
    if (!result->hasWildcards())
        CHECK(toHexString(result->bytes) == toHexString(*result));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    checkOne(text, false);
    checkOne(text, true);
    const auto strict = parseHexBytes(text, false, kMaxBytes);
    if (strict.ok()) {
        const auto loose = parseHexBytes(text, true, kMaxBytes);
        CHECK(loose.ok() && *loose == *strict);
    }
    // A reference result within the limit must be accepted; one above it rejected as too long.
    if (const auto expected = reference(text, true)) {
        const auto result = parseHexBytes(text, true, kMaxBytes);
        CHECK(result.ok() == (expected->size() <= kMaxBytes));
        CHECK(result.ok() || result.code() == make_error_code(Errc::InvalidArgument));
    }
    return 0;
}
