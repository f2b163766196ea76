#include "app/cli/rawarguments.h"

namespace hexmap::cli {
namespace {

constexpr char16_t kEscapeBase = 0xDC00; // byte b (0x80..0xFF) <-> U+DC00 + b

bool isEscape(const QString &text, qsizetype i)
{
    const char16_t u = text.at(i).unicode();
    return u >= 0xDC80 && u <= 0xDCFF && (i == 0 || !QChar::isHighSurrogate(text.at(i - 1).unicode()));
}

// The length of the valid UTF-8 sequence starting at bytes[i] and its code point, or 0 when it is not valid
// (truncated, bad continuation, overlong, surrogate or above U+10FFFF).
int validSequence(std::string_view bytes, std::size_t i, char32_t *codePoint)
{
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    int length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
        *codePoint = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2, cp = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3, cp = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + static_cast<std::size_t>(length) > bytes.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(bytes[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *codePoint = cp;
    return length;
}

} // namespace

QString fromBytes(std::string_view bytes)
{
    QString out;
    out.reserve(static_cast<qsizetype>(bytes.size()));
    for (std::size_t i = 0; i < bytes.size();) {
        char32_t cp = 0;
        const int n = validSequence(bytes, i, &cp);
        if (n == 0) {
            out.append(QChar(static_cast<char16_t>(kEscapeBase + static_cast<unsigned char>(bytes[i]))));
            ++i;
            continue;
        }
        if (cp >= 0x10000) {
            out.append(QChar(QChar::highSurrogate(cp)));
            out.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            out.append(QChar(static_cast<char16_t>(cp)));
        }
        i += static_cast<std::size_t>(n);
    }
    return out;
}

std::string toBytes(const QString &argument)
{
    std::string out;
    out.reserve(static_cast<std::size_t>(argument.size()));
    qsizetype start = 0; // start of the current run of ordinary text
    auto flush = [&](qsizetype end) {
        if (end > start) {
            const QByteArray utf8 = QStringView(argument).mid(start, end - start).toUtf8();
            out.append(utf8.constData(), static_cast<std::size_t>(utf8.size()));
        }
    };
    for (qsizetype i = 0; i < argument.size(); ++i) {
        if (isEscape(argument, i)) {
            flush(i);
            out.push_back(static_cast<char>(argument.at(i).unicode() - kEscapeBase));
            start = i + 1;
        }
    }
    flush(argument.size());
    return out;
}

QStringList argumentsFrom(int argc, char **argv, int first)
{
    QStringList list;
    for (int i = first; i < argc; ++i)
        list.append(fromBytes(argv[i]));
    return list;
}

QString shown(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isEscape(text, i))
            out += QStringLiteral("\\x%1").arg(text.at(i).unicode() - kEscapeBase, 2, 16, QLatin1Char('0'));
        else
            out.append(text.at(i));
    }
    return out;
}

bool hasRawBytes(const QString &argument)
{
    for (qsizetype i = 0; i < argument.size(); ++i) {
        if (isEscape(argument, i))
            return true;
    }
    return false;
}

} // namespace hexmap::cli
