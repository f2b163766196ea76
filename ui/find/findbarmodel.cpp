#include "ui/find/findbarmodel.h"

#include <algorithm>
#include <string>

namespace hexmap {

Result<SearchPattern> FindBarModel::pattern(Mode mode, const QString &text, bool ignoreCase)
{
    const std::string utf8 = text.toStdString();
    switch (mode) {
    case Mode::Hex:
        return SearchPattern::fromHex(utf8);
    case Mode::Text:
        return SearchPattern::fromText(utf8, TextEncoding::Utf8, ignoreCase);
    case Mode::Utf16:
        return SearchPattern::fromText(utf8, TextEncoding::Utf16Le, ignoreCase);
    }
    return SearchPattern::fromText(utf8, TextEncoding::Utf8, ignoreCase);
}

QString FindBarModel::validationMessage(Mode mode, const QString &text, bool ignoreCase)
{
    if (text.isEmpty())
        return {};
    const auto result = pattern(mode, text, ignoreCase);
    return result ? QString() : QString::fromStdString(result.message());
}

FindBarModel::Start FindBarModel::nextStart(std::uint64_t cursor, ByteRange selection, std::uint64_t fileSize)
{
    const std::uint64_t start = selection.isEmpty() ? cursor + 1 : selection.end();
    if (start >= fileSize)
        return {0, true};
    return {start, false};
}

FindBarModel::Start FindBarModel::previousStart(std::uint64_t cursor, ByteRange selection, std::uint64_t fileSize)
{
    const std::uint64_t here = selection.isEmpty() ? cursor : std::min(cursor, selection.offset);
    if (here == 0 || fileSize == 0)
        return {fileSize == 0 ? 0 : fileSize - 1, true};
    return {std::min(here - 1, fileSize - 1), false};
}

QString FindBarModel::contextText(const std::byte *data, std::uint64_t fileSize, std::uint64_t offset,
                                  std::uint64_t length, std::uint64_t before, std::uint64_t after)
{
    if (!data || offset >= fileSize)
        return {};
    const std::uint64_t first = offset > before ? offset - before : 0;
    const std::uint64_t matchEnd = std::min(fileSize, offset + std::min<std::uint64_t>(length, 16));
    const std::uint64_t last = std::min(fileSize, matchEnd + after);
    static const char digits[] = "0123456789ABCDEF";
    QString out;
    out.reserve(int((last - first) * 3 + 8));
    for (std::uint64_t i = first; i < last; ++i) {
        if (i != first)
            out += QLatin1Char(' ');
        if (i == offset)
            out += QLatin1Char('[');
        const auto b = static_cast<unsigned>(data[i]);
        out += QLatin1Char(digits[b >> 4]);
        out += QLatin1Char(digits[b & 15]);
        if (i + 1 == matchEnd)
            out += QLatin1Char(']');
    }
    if (length > 16)
        out += QStringLiteral(" …");
    return out;
}

} // namespace hexmap
