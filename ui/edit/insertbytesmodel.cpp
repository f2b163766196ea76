#include "ui/edit/insertbytesmodel.h"

#include "core/errors.h"
#include "core/hexbytes.h"
#include "core/numberparser.h"
#include "core/shiftlayouts.h"
#include "ui/edit/shiftcost.h"

#include <memory>
#include <vector>

namespace hexmap {
namespace {

std::string bytesOf(const QString &text)
{
    return text.trimmed().toStdString();
}

} // namespace

QString byteCountText(std::uint64_t count)
{
    return count == 1 ? InsertBytesModel::tr("1 byte") : InsertBytesModel::tr("%1 bytes").arg(count);
}

Result<std::uint64_t> InsertBytesModel::offset() const
{
    return parseOffset(bytesOf(m_offsetText), m_fileSize);
}

Result<SavePiece> InsertBytesModel::piece() const
{
    SavePiece piece;
    if (m_source == Source::Hex) {
        auto hex = parseHexBytes(bytesOf(m_hexText), false, kMaxHexBytes);
        if (!hex)
            return hex.error();
        piece.kind = SavePiece::Kind::Memory;
        piece.length = hex->bytes.size();
        piece.bytes = std::make_shared<const std::vector<std::byte>>(std::move(hex->bytes));
    } else {
        std::vector<std::byte> pattern;
        if (m_source == Source::FillByte) {
            auto value = parseByte(bytesOf(m_fillText));
            if (!value)
                return value.error();
            pattern.push_back(std::byte(*value));
        } else {
            auto hex = parseHexBytes(bytesOf(m_patternText), false);
            if (!hex)
                return hex.error();
            pattern = std::move(hex->bytes);
        }
        auto count = parseSize(bytesOf(m_countText));
        if (!count)
            return count.error();
        if (*count == 0)
            return Error{make_error_code(Errc::InvalidArgument), bytesOf(m_countText)};
        piece.kind = SavePiece::Kind::Fill;
        piece.length = *count;
        piece.bytes = std::make_shared<const std::vector<std::byte>>(std::move(pattern));
    }
    if (piece.length > UINT64_MAX - m_fileSize)
        return Error{make_error_code(Errc::InvalidArgument), "the file would pass 2^64 bytes"};
    return piece;
}

Result<SaveLayout> InsertBytesModel::layout() const
{
    auto at = offset();
    if (!at)
        return at.error();
    auto p = piece();
    if (!p)
        return p.error();
    return insertLayout(m_fileSize, *at, *p);
}

QString InsertBytesModel::countLabel() const
{
    return m_countText.trimmed();
}

QString InsertBytesModel::errorText() const
{
    auto at = offset();
    if (!at) {
        if (at.code() == Errc::OutOfBounds)
            return tr("Offset %1 is past the end of the file (%2).")
                .arg(m_offsetText.trimmed(), byteCountText(m_fileSize));
        return tr("Offset “%1” is not a number (e.g. 0x1000, 4096, -16).").arg(m_offsetText.trimmed());
    }
    auto p = piece();
    if (p)
        return {};
    switch (m_source) {
    case Source::Hex:
        if (m_hexText.trimmed().isEmpty())
            return tr("Type the bytes to insert, in hex (DE AD BE EF).");
        if (p.code() == Errc::InvalidArgument)
            return tr("Too many hex bytes: at most %1 (use a fill or pattern for more).")
                .arg(QString::fromStdString(formatSize(kMaxHexBytes)));
        return tr("Bad hex bytes “%1”: %2.").arg(m_hexText.trimmed(), QString::fromStdString(p.message()));
    case Source::FillByte:
    case Source::Pattern:
        if (m_source == Source::FillByte && !parseByte(bytesOf(m_fillText)))
            return tr("Fill byte “%1” is not a byte (0xFF, 255 or 0b11111111).").arg(m_fillText.trimmed());
        if (m_source == Source::Pattern && !parseHexBytes(bytesOf(m_patternText), false))
            return m_patternText.trimmed().isEmpty()
                ? tr("Type the pattern to repeat, in hex (DE AD BE EF).")
                : tr("Bad hex pattern “%1”.").arg(m_patternText.trimmed());
        if (auto count = parseSize(bytesOf(m_countText)); count && *count == 0)
            return tr("Count %1 is zero: nothing to insert.").arg(countLabel());
        else if (count)
            return tr("Count %1 would make the file larger than 2^64 bytes.").arg(countLabel());
        return tr("Count “%1” is not a size (e.g. 16, 0x1000, 16M).").arg(countLabel());
    }
    return {};
}

} // namespace hexmap
