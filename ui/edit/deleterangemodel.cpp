#include "ui/edit/deleterangemodel.h"

#include "core/errors.h"
#include "core/numberparser.h"
#include "core/shiftlayouts.h"
#include "ui/edit/insertbytesmodel.h"
#include "ui/edit/shiftcost.h"

namespace hexmap {

void DeleteRangeModel::setDefault(ByteRange selection, std::uint64_t cursor)
{
    const ByteRange range = !selection.isEmpty() ? selection : ByteRange{cursor, m_fileSize > cursor ? 1u : 0u};
    m_offsetText = ShiftCost::offsetText(range.offset);
    m_lengthText = QString::number(range.size);
}

Result<ByteRange> DeleteRangeModel::range() const
{
    auto offset = parseOffset(m_offsetText.trimmed().toStdString(), m_fileSize);
    if (!offset)
        return offset.error();
    auto length = parseSize(m_lengthText.trimmed().toStdString());
    if (!length)
        return length.error();
    if (*length == 0)
        return Error{make_error_code(Errc::InvalidArgument), "zero length"};
    if (*length > m_fileSize - *offset)
        return Error{make_error_code(Errc::OutOfBounds), m_lengthText.trimmed().toStdString()};
    return ByteRange{*offset, *length};
}

Result<SaveLayout> DeleteRangeModel::layout() const
{
    auto r = range();
    if (!r)
        return r.error();
    return deleteLayout(m_fileSize, r->offset, r->size);
}

QString DeleteRangeModel::errorText() const
{
    const QString offsetText = m_offsetText.trimmed();
    const QString lengthText = m_lengthText.trimmed();
    auto offset = parseOffset(offsetText.toStdString(), m_fileSize);
    if (!offset) {
        if (offset.code() == Errc::OutOfBounds)
            return tr("Offset %1 is past the end of the file (%2).").arg(offsetText, byteCountText(m_fileSize));
        return tr("Offset “%1” is not a number (e.g. 0x1000, 4096, -16).").arg(offsetText);
    }
    auto length = parseSize(lengthText.toStdString());
    if (!length)
        return tr("Length “%1” is not a size (e.g. 16, 0x1000, 4K).").arg(lengthText);
    if (*length == 0)
        return tr("Length %1 is zero: nothing to delete.").arg(lengthText);
    if (*length > m_fileSize - *offset)
        return tr("%1 at %2 passes the end of the file (%3).")
            .arg(byteCountText(*length), ShiftCost::offsetText(*offset), byteCountText(m_fileSize));
    return {};
}

} // namespace hexmap
