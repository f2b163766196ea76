// libFuzzer harness for core/numberparser: no crash, no UB, and these invariants (abort() on violation):
// - an accepted size re-parses from its decimal, hex and exact-suffix spellings to the same value;
// - parseOffset agrees with parseSize (counting back from the end for "-N") and stays within the file;
// - parseByte agrees with parseSize for decimal and hex input;
// - resolveRange returns a non-empty range inside the file;
// - formatSize prints "N B" below 1 KiB, else a number in [1, 1024) with two decimals within 0.5 % of a unit.
#include "core/numberparser.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
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

constexpr std::uint64_t kMax = UINT64_MAX;

std::string hex(std::uint64_t v)
{
    std::array<char, 20> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v, 16);
    return "0x" + std::string(buf.data(), end);
}

void checkRespellings(std::uint64_t v)
{
    CHECK(parseSize(std::to_string(v)).ok() && *parseSize(std::to_string(v)) == v);
    CHECK(parseSize(" " + hex(v) + "\t").ok() && *parseSize(hex(v)) == v);
    constexpr std::array<std::pair<std::uint64_t, const char *>, 8> units{{{1024, "K"}, {1024, " KiB"},
        {1000, "kb"}, {1ull << 20, "M"}, {1'000'000, "MB"}, {1ull << 30, "GiB"}, {1ull << 40, "T"},
        {1'000'000'000'000, "TB"}}};
    for (const auto &[unit, name] : units) {
        if (v % unit != 0)
            continue;
        const auto r = parseSize(std::to_string(v / unit) + name);
        CHECK(r.ok() && *r == v);
    }
}

void checkFormat(std::uint64_t v)
{
    const std::string s = formatSize(v);
    if (v < 1024) {
        CHECK(s == std::to_string(v) + " B");
        return;
    }
    constexpr std::array<const char *, 6> names{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    const auto space = s.find(' ');
    CHECK(space != std::string::npos && space >= 4 && s[space - 3] == '.');
    double number = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + space, number);
    CHECK(ec == std::errc() && end == s.data() + space);
    std::size_t unit = 0;
    while (unit < names.size() && s.compare(space + 1, std::string::npos, names[unit]) != 0)
        ++unit;
    CHECK(unit < names.size());
    CHECK(number >= 1.0 && (number < 1024.0 || unit == names.size() - 1));
    const double scale = std::ldexp(1.0, 10 * static_cast<int>(unit + 1));
    CHECK(std::fabs(number * scale - static_cast<double>(v)) <= scale * 0.0050001);
}

std::string_view trimmed(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\n\r\f\v");
    return first == std::string_view::npos ? std::string_view{}
                                           : s.substr(first, s.find_last_not_of(" \t\n\r\f\v") - first + 1);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);

    const auto parsed = parseSize(text);
    if (parsed.ok())
        checkRespellings(*parsed);
    else
        CHECK(parsed.code() == make_error_code(Errc::ParseError) && !parsed.error().context.empty());

    const std::string_view t = trimmed(text);
    const bool fromEnd = t.starts_with('-');
    const auto magnitude = parseSize(fromEnd ? t.substr(1) : t);
    const bool magnitudeValid = magnitude.ok() && !(fromEnd && (t.size() < 2 || trimmed(t.substr(1)) != t.substr(1)));
    for (const std::uint64_t fileSize : {std::uint64_t{0}, std::uint64_t{100}, std::uint64_t{1} << 40, kMax}) {
        const auto offset = parseOffset(text, fileSize);
        if (offset.ok()) {
            CHECK(*offset <= fileSize && magnitudeValid);
            CHECK(*offset == (fromEnd ? fileSize - *magnitude : *magnitude));
        } else if (offset.code() == make_error_code(Errc::OutOfBounds)) {
            CHECK(magnitudeValid && *magnitude > fileSize);
        } else {
            CHECK(offset.code() == make_error_code(Errc::ParseError) && !magnitudeValid);
        }
    }

    const auto byte = parseByte(text);
    const bool binary = t.size() >= 2 && t[0] == '0' && (t[1] == 'b' || t[1] == 'B');
    if (byte.ok() && !binary)
        CHECK(parsed.ok() && *parsed == *byte);
    const bool hexPrefix = t.size() >= 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
    const bool plain = hexPrefix || t.find_first_not_of("0123456789") == t.npos; // no unit suffix
    if (plain && parsed.ok() && *parsed <= 255)
        CHECK(byte.ok() && *byte == *parsed);

    // "OFFSET\nLENGTH" (either part may be absent) against a few file sizes.
    const auto nl = text.find('\n');
    const std::optional<std::string_view> off = nl == text.npos ? std::nullopt : std::optional(text.substr(0, nl));
    const std::optional<std::string_view> len = nl == text.npos ? std::optional(text) : std::optional(text.substr(nl + 1));
    for (const std::uint64_t fileSize : {std::uint64_t{0}, std::uint64_t{4096}, kMax}) {
        for (const auto &[o, l] : {std::pair{off, len}, std::pair{len, off}}) {
            const auto range = resolveRange(o, l, fileSize);
            if (range.ok())
                CHECK(range->size > 0 && range->offset < fileSize && range->size <= fileSize - range->offset);
            else
                CHECK(!range.error().context.empty());
        }
    }

    std::uint64_t raw = 0;
    std::memcpy(&raw, data, std::min(size, sizeof raw));
    checkFormat(raw);
    checkFormat(raw >> (raw & 63));
    if (parsed.ok())
        checkFormat(*parsed);
    return 0;
}
