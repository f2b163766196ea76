#include "ui/view/copyformatter.h"

namespace hexmap {

namespace {

constexpr char16_t kHex[] = u"0123456789ABCDEF";
constexpr std::size_t kArrayBytesPerLine = 12;

} // namespace

QString CopyFormatter::format(std::span<const std::byte> bytes, Format format)
{
    switch (format) {
    case Format::HexText:
        return hexText(bytes);
    case Format::CArray:
        return cArray(bytes);
    case Format::RawText:
        break;
    }
    return QString::fromUtf8(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

QString CopyFormatter::hexText(std::span<const std::byte> bytes)
{
    if (bytes.empty())
        return {};
    QString text(qsizetype(bytes.size() * 3 - 1), Qt::Uninitialized);
    QChar *out = text.data();
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto v = std::to_integer<unsigned>(bytes[i]);
        if (i)
            *out++ = u' ';
        *out++ = kHex[v >> 4];
        *out++ = kHex[v & 0xF];
    }
    return text;
}

QString CopyFormatter::cArray(std::span<const std::byte> bytes)
{
    QString text = QStringLiteral("const unsigned char data[%1] = {").arg(bytes.size());
    // Per byte at most "0xAB, " plus a line start of 5 characters per line.
    text.reserve(text.size() + qsizetype(bytes.size() * 6 + (bytes.size() / kArrayBytesPerLine + 1) * 5 + 8));
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto v = std::to_integer<unsigned>(bytes[i]);
        if (i % kArrayBytesPerLine == 0)
            text.append(i ? QLatin1String(",\n    ") : QLatin1String("\n    "));
        else
            text.append(QLatin1String(", "));
        const QChar digits[4] = {u'0', u'x', kHex[v >> 4], kHex[v & 0xF]};
        text.append(digits, 4);
    }
    text.append(bytes.empty() ? QLatin1String("};\n") : QLatin1String("\n};\n"));
    return text;
}

} // namespace hexmap
