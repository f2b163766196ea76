#include "ui/edit/valuedecoder.h"


#include <bit>
#include <charconv>
#include <cstring>
#include <limits>

namespace hexmap {

namespace {

// The unsigned value of n bytes in the given byte order.
std::uint64_t readUnsigned(std::span<const std::byte> bytes, std::size_t n, ValueDecoder::Endian endian)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t index = endian == ValueDecoder::Endian::Little ? n - 1 - i : i;
        v = (v << 8) | std::to_integer<std::uint64_t>(bytes[index]);
    }
    return v;
}

std::int64_t signExtend(std::uint64_t v, std::size_t n)
{
    if (n == 8)
        return std::bit_cast<std::int64_t>(v);
    const std::uint64_t sign = std::uint64_t(1) << (8 * n - 1);
    return std::bit_cast<std::int64_t>((v ^ sign) - sign);
}

template <typename F>
QString shortest(F value)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return QString::fromLatin1(buf, r.ptr - buf);
}

bool isSigned(ValueDecoder::Type t)
{
    using T = ValueDecoder::Type;
    return t == T::Int8 || t == T::Int16 || t == T::Int32 || t == T::Int64;
}

// The length of a UTF-8 sequence from its lead byte, 0 when it cannot start one.
std::size_t utf8Length(unsigned lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

QString codePoint(char32_t c) { return QStringLiteral("U+%1").arg(quint32(c), 4, 16, QLatin1Char('0')).toUpper(); }

std::optional<QString> decodeCharacter(std::span<const std::byte> bytes)
{
    const auto lead = std::to_integer<unsigned>(bytes[0]);
    if (lead < 0x80) {
        if (lead >= 0x20 && lead < 0x7F)
            return QString(QChar(char16_t(lead)));
        return codePoint(lead) + ValueDecoder::tr(" (control)");
    }
    const std::size_t n = utf8Length(lead);
    if (n == 0)
        return ValueDecoder::tr("invalid UTF-8");
    if (n > bytes.size())
        return std::nullopt;
    const QByteArray utf8(reinterpret_cast<const char *>(bytes.data()), qsizetype(n));
    const QString s = QString::fromUtf8(utf8);
    const QList<uint> ucs4 = s.toUcs4();
    if (ucs4.size() != 1 || ucs4[0] == 0xFFFD || s.toUtf8() != utf8) // overlong, surrogate, bad continuation
        return ValueDecoder::tr("invalid UTF-8");
    const char32_t cp = char32_t(ucs4[0]);
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing: // shown on a dotted circle: alone it would combine with the text around it
        return QString(QChar(0x25CC)) + s + QStringLiteral(" (") + codePoint(cp)
               + ValueDecoder::tr(", combining)");
    case QChar::Other_Control: // C1 controls
        return codePoint(cp) + ValueDecoder::tr(" (control)");
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return codePoint(cp) + ValueDecoder::tr(" (format)");
    default:
        return s + QStringLiteral(" (") + codePoint(cp) + QLatin1Char(')');
    }
}

} // namespace

QString ValueDecoder::name(Type type)
{
    static const char *const names[kTypeCount] = {"int8",  "uint8",  "int16",   "uint16",  "int32",  "uint32",
                                                  "int64", "uint64", "float32", "float64", "binary", "character"};
    return QString::fromLatin1(names[int(type)]);
}

std::size_t ValueDecoder::size(Type type)
{
    static const std::size_t sizes[kTypeCount] = {1, 1, 2, 2, 4, 4, 8, 8, 4, 8, 1, 1};
    return sizes[int(type)];
}

std::optional<QString> ValueDecoder::decode(Type type, std::span<const std::byte> bytes, Endian endian)
{
    const std::size_t n = size(type);
    if (bytes.size() < n)
        return std::nullopt;
    const std::uint64_t u = readUnsigned(bytes, n, endian);
    switch (type) {
    case Type::Float32:
        return shortest(std::bit_cast<float>(std::uint32_t(u)));
    case Type::Float64:
        return shortest(std::bit_cast<double>(u));
    case Type::Binary:
        return QStringLiteral("%1").arg(quint32(u), 8, 2, QLatin1Char('0'));
    case Type::Character:
        return decodeCharacter(bytes);
    default:
        return isSigned(type) ? QString::number(qlonglong(signExtend(u, n))) : QString::number(qulonglong(u));
    }
}

QString ValueDecoder::offsetText(std::uint64_t offset)
{
    return QStringLiteral("0x%1 (%2)")
        .arg(QString::number(qulonglong(offset), 16).toUpper().rightJustified(8, QLatin1Char('0')))
        .arg(qulonglong(offset));
}

} // namespace hexmap
