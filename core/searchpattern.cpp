#include "core/searchpattern.h"

#include "core/hexbytes.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace hexmap {
namespace {

constexpr std::byte kExact{0xFF};
constexpr std::byte kWildcard{0x00};
constexpr std::byte kFoldLetter{0xDF};

Error invalid(std::string what) { return {make_error_code(Errc::InvalidArgument), std::move(what)}; }

Error tooLong(std::size_t size, std::size_t maxBytes)
{
    return invalid("pattern of " + std::to_string(size) + " bytes is longer than the limit of "
                   + std::to_string(maxBytes) + " bytes");
}

bool isAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void appendUnit(std::vector<std::byte> &values, std::vector<std::byte> &masks, char32_t unit, bool ignoreCase)
{
    const auto low = static_cast<unsigned char>(unit & 0xFF);
    const bool fold = ignoreCase && unit < 0x80 && isAsciiLetter(low);
    values.push_back(std::byte{static_cast<unsigned char>(fold ? (low & 0xDF) : low)});
    masks.push_back(fold ? kFoldLetter : kExact);
}

// Decodes one UTF-8 sequence at text[pos]; returns the code point and advances pos, or an error.
Result<char32_t> decodeUtf8(std::string_view text, std::size_t &pos)
{
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const std::size_t start = pos;
    const unsigned char lead = at(pos);
    const auto fail = [&](const char *what) {
        return Error{make_error_code(Errc::ParseError),
                     std::string("malformed UTF-8: ") + what + " at byte " + std::to_string(start)};
    };
    if (lead < 0x80) {
        ++pos;
        return char32_t{lead};
    }
    int extra = 0;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2;
        cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3;
        cp = lead & 0x07u;
    } else {
        return fail("invalid lead byte");
    }
    if (text.size() - pos <= static_cast<std::size_t>(extra))
        return fail("truncated sequence");
    for (int k = 1; k <= extra; ++k) {
        const unsigned char c = at(pos + static_cast<std::size_t>(k));
        if ((c & 0xC0) != 0x80)
            return fail("missing continuation byte");
        cp = (cp << 6) | (c & 0x3Fu);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000))
        return fail("overlong encoding");
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return fail("invalid code point");
    pos += static_cast<std::size_t>(extra) + 1;
    return cp;
}

} // namespace

SearchPattern::SearchPattern(std::vector<std::byte> values, std::vector<std::byte> masks)
    : m_values(std::move(values)), m_masks(std::move(masks))
{
    for (std::size_t i = 0; i < m_values.size(); ++i)
        m_values[i] &= m_masks[i];
    m_exact = std::all_of(m_masks.begin(), m_masks.end(), [](std::byte m) { return m == kExact; });
}

Result<SearchPattern> SearchPattern::fromMasked(std::vector<std::byte> values, std::vector<std::byte> masks,
                                                std::size_t maxBytes)
{
    if (values.size() != masks.size())
        return invalid("pattern values and masks differ in size");
    if (values.empty())
        return invalid("empty pattern");
    if (values.size() > maxBytes)
        return tooLong(values.size(), maxBytes);
    if (std::all_of(masks.begin(), masks.end(), [](std::byte m) { return m == kWildcard; }))
        return invalid("pattern of wildcards only (it would match everywhere)");
    return SearchPattern(std::move(values), std::move(masks));
}

Result<SearchPattern> SearchPattern::fromBytes(std::span<const std::byte> bytes, std::size_t maxBytes)
{
    return fromMasked(std::vector<std::byte>(bytes.begin(), bytes.end()), std::vector<std::byte>(bytes.size(), kExact),
                      maxBytes);
}

Result<SearchPattern> SearchPattern::fromHex(std::string_view text, std::size_t maxBytes)
{
    auto parsed = parseHexBytes(text, true, maxBytes);
    if (!parsed)
        return parsed.error();
    std::vector<std::byte> masks(parsed->size());
    for (std::size_t i = 0; i < masks.size(); ++i)
        masks[i] = parsed->mask[i] ? kExact : kWildcard;
    return fromMasked(std::move(parsed->bytes), std::move(masks), maxBytes);
}

Result<SearchPattern> SearchPattern::fromText(std::string_view utf8, TextEncoding encoding, bool ignoreCase,
                                              std::size_t maxBytes)
{
    if (utf8.empty())
        return Error{make_error_code(Errc::ParseError), "empty search text"};
    std::vector<std::byte> values;
    std::vector<std::byte> masks;
    if (encoding == TextEncoding::Utf8) {
        for (char c : utf8)
            appendUnit(values, masks, static_cast<unsigned char>(c), ignoreCase);
    } else {
        std::size_t pos = 0;
        while (pos < utf8.size()) {
            auto cp = decodeUtf8(utf8, pos);
            if (!cp)
                return cp.error();
            auto put16 = [&](char32_t unit) {
                appendUnit(values, masks, unit & 0xFF, ignoreCase && unit < 0x80);
                values.push_back(std::byte{static_cast<unsigned char>(unit >> 8)});
                masks.push_back(kExact);
            };
            if (*cp >= 0x10000) {
                const char32_t v = *cp - 0x10000;
                put16(0xD800 + (v >> 10));
                put16(0xDC00 + (v & 0x3FF));
            } else {
                put16(*cp);
            }
            if (values.size() > maxBytes)
                return tooLong(values.size(), maxBytes);
        }
    }
    if (values.size() > maxBytes)
        return tooLong(values.size(), maxBytes);
    return fromMasked(std::move(values), std::move(masks), maxBytes);
}

bool SearchPattern::matchesAt(std::span<const std::byte> data) const
{
    if (data.size() < size() || isEmpty())
        return false;
    if (m_exact)
        return std::memcmp(data.data(), m_values.data(), size()) == 0;
    for (std::size_t i = 0; i < size(); ++i) {
        if ((data[i] & m_masks[i]) != m_values[i])
            return false;
    }
    return true;
}

std::string SearchPattern::describe() const
{
    std::string out;
    for (std::size_t i = 0; i < size(); ++i) {
        const std::byte value = m_values[i];
        const std::byte mask = m_masks[i];
        if (i)
            out += ' ';
        if (mask == kWildcard)
            out += "??";
        else if (mask == kExact)
            out += toHexString(std::span(&value, 1));
        else if (mask == kFoldLetter && isAsciiLetter(static_cast<unsigned char>(value)))
            out += toHexString(std::span(&value, 1)) + "/" + toHexString(std::array{value | std::byte{0x20}});
        else
            out += toHexString(std::span(&value, 1)) + "&" + toHexString(std::span(&mask, 1));
    }
    return out;
}

} // namespace hexmap
