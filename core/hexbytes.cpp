#include "core/hexbytes.h"

#include <algorithm>

namespace hexmap {
namespace {

constexpr std::string_view kSeparators = " \t\r\n,:-";
constexpr char kDigits[] = "0123456789ABCDEF";

bool isSeparator(char c) { return kSeparators.find(c) != std::string_view::npos; }

// The value of a hex digit, or -1.
int nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    const int lower = c | 0x20;
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

// A character as it can be shown in a message: itself when printable ASCII, else \xNN.
std::string shown(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f)
        return std::string(1, c);
    return std::string("\\x") + kDigits[u >> 4] + kDigits[u & 0xf];
}

std::string quoted(std::string_view text)
{
    constexpr std::size_t kMax = 40;
    std::string out = "\"";
    for (char c : text.substr(0, kMax))
        out += shown(c);
    return out + (text.size() > kMax ? "...\"" : "\"");
}

Error parseError(std::string_view text, std::size_t pos, const std::string &what)
{
    return {make_error_code(Errc::ParseError),
            what + " (position " + std::to_string(pos) + " in " + quoted(text) + ")"};
}

} // namespace

bool HexBytes::hasWildcards() const
{
    return std::find(mask.begin(), mask.end(), false) != mask.end();
}

Result<HexBytes> parseHexBytes(std::string_view text, bool allowWildcards, std::size_t maxBytes)
{
    HexBytes out;
    out.bytes.reserve(std::min(text.size() / 2, maxBytes));
    out.mask.reserve(std::min(text.size() / 2, maxBytes));
    std::size_t i = 0;
    const auto tokenEnds = [&](std::size_t pos) { return pos >= text.size() || isSeparator(text[pos]); };
    while (i < text.size()) {
        if (isSeparator(text[i])) {
            ++i;
            continue;
        }
        if (text[i] == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
            i += 2;
            if (tokenEnds(i))
                return parseError(text, i - 2, "\"0x\" without digits");
        }
        for (; !tokenEnds(i); i += 2) {
            const char hi = text[i];
            if (hi != '?' && nibble(hi) < 0)
                return parseError(text, i, "'" + shown(hi) + "' is not a hex digit");
            if (tokenEnds(i + 1))
                return parseError(text, i, "lone digit '" + shown(hi) + "'; a byte needs two");
            const char lo = text[i + 1];
            if (lo != '?' && nibble(lo) < 0)
                return parseError(text, i + 1, "'" + shown(lo) + "' is not a hex digit");
            const bool wildcard = hi == '?' || lo == '?';
            if (wildcard && hi != lo)
                return parseError(text, i, "half-byte wildcard \"" + shown(hi) + shown(lo) + "\"; use \"??\"");
            if (wildcard && !allowWildcards)
                return parseError(text, i, "wildcard \"??\" not allowed here");
            if (out.size() == maxBytes)
                return Error{make_error_code(Errc::InvalidArgument),
                             "more than " + std::to_string(maxBytes) + " bytes in " + quoted(text)};
            out.bytes.push_back(wildcard ? std::byte{0} : static_cast<std::byte>(nibble(hi) << 4 | nibble(lo)));
            out.mask.push_back(!wildcard);
        }
    }
    if (out.bytes.empty())
        return Error{make_error_code(Errc::ParseError), "no hex bytes in " + quoted(text)};
    return out;
}

std::string toHexString(std::span<const std::byte> bytes, char sep)
{
    std::string out;
    out.reserve(bytes.size() * 3);
    for (std::byte b : bytes) {
        if (sep != '\0' && !out.empty())
            out += sep;
        const auto u = std::to_integer<unsigned>(b);
        out += kDigits[u >> 4];
        out += kDigits[u & 0xf];
    }
    return out;
}

std::string toHexString(const HexBytes &pattern, char sep)
{
    std::string out = toHexString(pattern.bytes, sep);
    const std::size_t stride = sep != '\0' ? 3 : 2;
    for (std::size_t i = 0; i < pattern.size(); ++i)
        if (!pattern.mask[i])
            out.replace(i * stride, 2, "??");
    return out;
}

} // namespace hexmap
