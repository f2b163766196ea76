#include "ui/edit/valueencoder.h"

#include <QRegularExpression>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <system_error>

namespace hexmap {

namespace {

using Type = ValueEncoder::Type;
using Endian = ValueEncoder::Endian;
using Bytes = std::optional<std::vector<std::byte>>;

Bytes fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

std::vector<std::byte> toBytes(std::uint64_t v, std::size_t n, Endian endian)
{
    std::vector<std::byte> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t index = endian == Endian::Little ? i : n - 1 - i;
        out[index] = std::byte(v >> (8 * i));
    }
    return out;
}

bool isSigned(Type t) { return t == Type::Int8 || t == Type::Int16 || t == Type::Int32 || t == Type::Int64; }

std::uint64_t maxPattern(std::size_t n) { return n == 8 ? UINT64_MAX : (std::uint64_t(1) << (8 * n)) - 1; }

QString name(Type type) { return ValueDecoder::name(type); }

// "0x..." of any numeric type: its bit pattern, as wide as the type at most.
Bytes encodePattern(Type type, const QString &t, Endian endian, QString *error)
{
    const std::size_t n = ValueDecoder::size(type);
    static const QRegularExpression hexDigits(QStringLiteral("^0[xX][0-9a-fA-F]+$"));
    if (!hexDigits.match(t).hasMatch())
        return fail(error, ValueEncoder::tr("%1 is not a hex number: type 0x and hex digits (0-9, A-F)").arg(t));
    bool ok = false;
    const std::uint64_t bits = t.mid(2).toULongLong(&ok, 16);
    const std::uint64_t max = maxPattern(n);
    if (!ok || bits > max)
        return fail(error, ValueEncoder::tr("%1 does not fit in %2 (0x0 to 0x%3)")
                               .arg(t, name(type), QString::number(qulonglong(max), 16).toUpper()));
    return toBytes(bits, n, endian);
}

Bytes encodeInteger(Type type, const QString &t, Endian endian, QString *error)
{
    const std::size_t n = ValueDecoder::size(type);
    static const QRegularExpression decimal(QStringLiteral("^[+-]?[0-9]+$"));
    if (!decimal.match(t).hasMatch())
        return fail(error,
                    ValueEncoder::tr("%1 is not an integer: type decimal digits, or 0x and hex digits").arg(t));
    const bool negative = t.startsWith(QLatin1Char('-'));
    const QString digits = t.front().isDigit() ? t : t.mid(1);
    bool ok = false;
    const std::uint64_t magnitude = digits.toULongLong(&ok, 10); // only overflow fails here
    const std::uint64_t maxU = maxPattern(n);
    const std::uint64_t half = std::uint64_t(1) << (8 * n - 1); // |min| of the signed type
    const QString lo = isSigned(type) ? QStringLiteral("-%1").arg(qulonglong(half)) : QStringLiteral("0");
    const QString hi = QString::number(qulonglong(isSigned(type) ? half - 1 : maxU));
    const bool fits = ok && (isSigned(type) ? magnitude <= (negative ? half : half - 1)
                                           : magnitude <= maxU && (!negative || magnitude == 0));
    if (!fits)
        return fail(error, ValueEncoder::tr("%1 does not fit in %2 (%3 to %4)").arg(t, name(type), lo, hi));
    const std::uint64_t bits = (negative ? std::uint64_t(0) - magnitude : magnitude) & maxU;
    return toBytes(bits, n, endian);
}

template <typename F>
std::from_chars_result parse(const QByteArray &text, F &value)
{
    return std::from_chars(text.constData(), text.constData() + text.size(), value);
}

template <typename F, typename Bits>
Bytes encodeFloat(Type type, const QString &t, Endian endian, QString *error)
{
    // std::from_chars: locale-free and correctly rounded straight to F (no double rounding through double).
    QByteArray text = t.toLatin1();
    if (text.startsWith('+'))
        text.remove(0, 1);
    F value = 0;
    const auto r = parse(text, value);
    if (r.ptr != text.constData() + text.size() || text.isEmpty()
        || (r.ec != std::errc() && r.ec != std::errc::result_out_of_range))
        return fail(error, ValueEncoder::tr("%1 is not a number: type a decimal or scientific number (1.5, -2e-3),"
                                            " nan or inf, or 0x and the hex bit pattern")
                               .arg(t));
    if (r.ec == std::errc::result_out_of_range) {
        long double wide = 0; // which side it fell off
        parse(text, wide);
        if (std::fabs(wide) >= 1)
            return fail(error, ValueEncoder::tr("%1 does not fit in %2 (largest: %3)")
                                   .arg(t, name(type),
                                        QString::number(double(std::numeric_limits<F>::max()), 'g',
                                                        std::numeric_limits<F>::max_digits10)));
        return fail(error, ValueEncoder::tr("%1 does not fit in %2: too close to 0 (it would become 0)")
                               .arg(t, name(type)));
    }
    return toBytes(std::bit_cast<Bits>(value), sizeof(F), endian);
}

} // namespace

std::optional<std::vector<std::byte>> ValueEncoder::encode(Type type, const QString &text, Endian endian,
                                                           QString *error)
{
    QString t = type == Type::Character ? text : text.trimmed(); // a single space is a character
    if (t.isEmpty())
        return fail(error, ValueEncoder::tr("Enter a value"));
    switch (type) {
    case Type::Binary: {
        QString digits = t;
        digits.remove(QLatin1Char(' '));
        if (digits.startsWith(QLatin1String("0b"), Qt::CaseInsensitive))
            digits = digits.mid(2);
        static const QRegularExpression binary(QStringLiteral("^[01]{1,8}$"));
        if (!binary.match(digits).hasMatch())
            return fail(error,
                        ValueEncoder::tr("%1 is not a binary byte: type up to 8 binary digits (0 and 1)").arg(t));
        return std::vector<std::byte>{std::byte(digits.toUInt(nullptr, 2))};
    }
    case Type::Character: {
        if (t.toUcs4().size() != 1)
            return fail(error, ValueEncoder::tr("Enter exactly one character"));
        const QByteArray utf8 = t.toUtf8();
        const auto *p = reinterpret_cast<const std::byte *>(utf8.constData());
        return std::vector<std::byte>(p, p + utf8.size());
    }
    default:
        break;
    }
    if (t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        return encodePattern(type, t, endian, error);
    if (type == Type::Float32)
        return encodeFloat<float, std::uint32_t>(type, t, endian, error);
    if (type == Type::Float64)
        return encodeFloat<double, std::uint64_t>(type, t, endian, error);
    return encodeInteger(type, t, endian, error);
}

} // namespace hexmap
