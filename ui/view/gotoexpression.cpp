#include "ui/view/gotoexpression.h"

#include "core/numberparser.h"

#include <QCoreApplication>

namespace hexmap {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hexmap", text); // the context lupdate gives a free function in namespace hexmap
}

std::optional<std::uint64_t> parseAmount(const QString &text)
{
    const QByteArray utf8 = text.trimmed().toUtf8();
    if (utf8.isEmpty() || utf8.front() == '-' || utf8.front() == '+')
        return std::nullopt;
    auto value = parseSize(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    if (!value)
        return std::nullopt;
    return *value;
}

GotoTarget malformed()
{
    return {std::nullopt, tr("Not an offset: type 1234, 0x4D2, +16, -16 or end-16")};
}

GotoTarget pastEnd(std::uint64_t fileSize)
{
    return {std::nullopt, tr("Past the end of the file (%1 bytes)").arg(fileSize)};
}

GotoTarget beforeStart()
{
    return {std::nullopt, tr("Before the start of the file")};
}

} // namespace

GotoTarget parseGotoExpression(const QString &text, std::uint64_t cursor, std::uint64_t fileSize)
{
    const QString input = text.trimmed();
    if (input.isEmpty())
        return {};

    if (input.startsWith(QLatin1String("end"), Qt::CaseInsensitive)) {
        const QString rest = input.mid(3).trimmed();
        if (rest.isEmpty())
            return {fileSize, {}};
        if (!rest.startsWith(QLatin1Char('-')))
            return malformed();
        const auto amount = parseAmount(rest.mid(1));
        if (!amount)
            return malformed();
        if (*amount > fileSize)
            return beforeStart();
        return {fileSize - *amount, {}};
    }

    const QChar sign = input.front();
    if (sign == QLatin1Char('+') || sign == QLatin1Char('-')) {
        const auto amount = parseAmount(input.mid(1));
        if (!amount)
            return malformed();
        if (sign == QLatin1Char('-')) {
            if (*amount > cursor)
                return beforeStart();
            return {cursor - *amount, {}};
        }
        if (*amount > fileSize || cursor > fileSize - *amount)
            return pastEnd(fileSize);
        return {cursor + *amount, {}};
    }

    const auto offset = parseAmount(input);
    if (!offset)
        return malformed();
    if (*offset > fileSize)
        return pastEnd(fileSize);
    return {*offset, {}};
}

QString gotoExpressionPlaceholder()
{
    return tr("1234, 0x4D2, +16, -0x10, end-16");
}

} // namespace hexmap
