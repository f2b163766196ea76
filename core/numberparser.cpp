#include "core/numberparser.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <limits>

namespace hexmap {
namespace {

constexpr std::string_view kSpaces = " \t\n\r\f\v";

std::string_view trimmed(std::string_view s)
{
    const auto first = s.find_first_not_of(kSpaces);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(kSpaces) - first + 1);
}

std::string contextOf(std::string_view text)
{
    constexpr std::size_t kMax = 64;
    text = trimmed(text);
    if (text.empty())
        return "(empty)";
    return text.size() <= kMax ? std::string(text) : std::string(text.substr(0, kMax - 3)) + "...";
}

bool equalsIgnoringCase(std::string_view a, std::string_view upper)
{
    if (a.size() != upper.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char c = (a[i] >= 'a' && a[i] <= 'z') ? static_cast<char>(a[i] - 'a' + 'A') : a[i];
        if (c != upper[i])
            return false;
    }
    return true;
}

bool hasPrefix(std::string_view s, char lowerLetter)
{
    return s.size() >= 2 && s[0] == '0' && (s[1] | 0x20) == lowerLetter;
}

// The whole of s as a number in base; nothing else allowed (no sign, no spaces, at least one digit).
template <typename T>
std::optional<T> wholeNumber(std::string_view s, int base)
{
    T value = 0;
    const char *end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, value, base);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

struct Unit {
    std::string_view name;
    std::uint64_t multiplier;
};

constexpr std::uint64_t kKi = 1024;
constexpr std::uint64_t kK = 1000;
constexpr std::array<Unit, 14> kUnits{{
    {"", 1}, {"B", 1},
    {"K", kKi}, {"KIB", kKi}, {"KB", kK},
    {"M", kKi * kKi}, {"MIB", kKi * kKi}, {"MB", kK * kK},
    {"G", kKi * kKi * kKi}, {"GIB", kKi * kKi * kKi}, {"GB", kK * kK * kK},
    {"T", kKi * kKi * kKi * kKi}, {"TIB", kKi * kKi * kKi * kKi}, {"TB", kK * kK * kK * kK},
}};

std::optional<std::uint64_t> unitMultiplier(std::string_view suffix)
{
    for (const Unit &unit : kUnits)
        if (equalsIgnoringCase(suffix, unit.name))
            return unit.multiplier;
    return std::nullopt;
}

// An unsigned size without surrounding whitespace: hex with 0x, or decimal with an optional unit suffix.
std::optional<std::uint64_t> unsignedSize(std::string_view s)
{
    if (hasPrefix(s, 'x'))
        return wholeNumber<std::uint64_t>(s.substr(2), 16);
    const std::size_t digitsEnd = std::min(s.find_first_not_of("0123456789"), s.size());
    const auto value = wholeNumber<std::uint64_t>(s.substr(0, digitsEnd), 10);
    const std::string_view suffix = s.substr(digitsEnd);
    const auto multiplier = unitMultiplier(suffix.substr(std::min(suffix.find_first_not_of(kSpaces), suffix.size())));
    if (!value || !multiplier || *value > std::numeric_limits<std::uint64_t>::max() / *multiplier)
        return std::nullopt;
    return *value * *multiplier;
}

} // namespace

Result<std::uint64_t> parseSize(std::string_view text)
{
    if (const auto value = unsignedSize(trimmed(text)))
        return *value;
    return {Errc::ParseError, contextOf(text)};
}

Result<std::uint64_t> parseOffset(std::string_view text, std::uint64_t fileSize)
{
    const std::string_view t = trimmed(text);
    const bool fromEnd = t.starts_with('-');
    const auto value = unsignedSize(fromEnd ? t.substr(1) : t);
    if (!value)
        return {Errc::ParseError, contextOf(text)};
    if (*value > fileSize)
        return {Errc::OutOfBounds, contextOf(text)};
    return fromEnd ? fileSize - *value : *value;
}

Result<std::uint8_t> parseByte(std::string_view text)
{
    const std::string_view t = trimmed(text);
    const int base = hasPrefix(t, 'x') ? 16 : hasPrefix(t, 'b') ? 2 : 10;
    if (const auto value = wholeNumber<std::uint8_t>(base == 10 ? t : t.substr(2), base))
        return *value;
    return {Errc::ParseError, contextOf(text)};
}

Result<ByteRange> resolveRange(std::optional<std::string_view> offset, std::optional<std::string_view> length,
                               std::uint64_t fileSize)
{
    std::uint64_t start = 0;
    if (offset) {
        const auto parsed = parseOffset(*offset, fileSize);
        if (!parsed)
            return parsed.error();
        start = *parsed;
    }
    if (!length) {
        if (start == fileSize)
            return {Errc::InvalidArgument, offset ? contextOf(*offset) : std::string("0")};
        return ByteRange{start, fileSize - start};
    }
    const auto size = parseSize(*length);
    if (!size)
        return size.error();
    if (*size == 0)
        return {Errc::InvalidArgument, contextOf(*length)};
    if (*size > fileSize - start) // start <= fileSize, so this also catches start + size overflowing
        return {Errc::OutOfBounds, contextOf(*length)};
    return ByteRange{start, *size};
}

std::string formatSize(std::uint64_t bytes)
{
    if (bytes < 1024)
        return std::to_string(bytes) + " B";
    constexpr std::array<std::string_view, 6> kNames{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(bytes) / 1024.0; // dividing by 1024 is exact in binary
    std::size_t unit = 0;
    while (value >= 1023.995 && unit + 1 < kNames.size()) { // would print as "1024.00": use the next unit
        value /= 1024.0;
        ++unit;
    }
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                         std::chars_format::fixed, 2);
    (void)ec; // at most "16384.00" fits by far
    return std::string(buffer.data(), end) + ' ' + std::string(kNames[unit]);
}

} // namespace hexmap
