#include "ui/compare/comparerunsmodel.h"


#include <QFontDatabase>

#include <algorithm>
#include <array>
#include <climits>

namespace hexmap {

CompareRunsModel::CompareRunsModel(QObject *parent) : QAbstractTableModel(parent) {}

void CompareRunsModel::reset(const CompareNavigator *navigator, Side a, Side b)
{
    beginResetModel();
    m_navigator = navigator;
    m_a = a;
    m_b = b;
    endResetModel();
}

int CompareRunsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_navigator)
        return 0;
    return static_cast<int>(std::min<std::size_t>(m_navigator->count(), INT_MAX));
}

int CompareRunsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString CompareRunsModel::bytesAt(const Side &side, std::uint64_t offset, std::uint64_t length) const
{
    const MappedFile *file = side.file;
    if (!file || !file->isValid())
        return {};
    std::array<std::byte, ShownBytes> buffer{};
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(length, ShownBytes));
    // The size on disk bounds the read: bytes another program cut off are not read through the mapping.
    const auto onDisk = file->sizeOnDisk();
    const std::uint64_t fileEnd = onDisk ? std::min(*onDisk, file->size()) : file->size();
    std::size_t n = 0;
    if (side.document) {
        if (offset >= side.document->size())
            return QStringLiteral("—");
        auto read = side.document->read(offset, std::span(buffer.data(), want),
                                        [&](std::uint64_t at, std::span<std::byte> out) {
                                            return at <= fileEnd && out.size() <= fileEnd - at &&
                                                   file->readAt(at, out) == out.size();
                                        });
        if (!read)
            return QStringLiteral("—"); // the file was cut under the document
        n = *read;
    } else {
        if (offset >= fileEnd)
            return QStringLiteral("—");
        n = file->readAt(offset, std::span(buffer.data(), std::min<std::uint64_t>(want, fileEnd - offset)));
    }
    QString text;
    for (std::size_t i = 0; i < n; ++i)
        text += QStringLiteral("%1 ").arg(static_cast<unsigned>(buffer[i]), 2, 16, QLatin1Char('0')).toUpper();
    if (length > n)
        text += QStringLiteral("…");
    return text.trimmed();
}

QVariant CompareRunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_navigator || static_cast<std::size_t>(index.row()) >= m_navigator->count())
        return {};
    const CompareRun &run = m_navigator->run(static_cast<std::size_t>(index.row()));
    if (role == Qt::FontRole && index.column() != Length)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::TextAlignmentRole && index.column() <= Length)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const auto hex = [](std::uint64_t v) { return QStringLiteral("0x%1").arg(v, 0, 16).toUpper().replace(QLatin1String("0X"), QLatin1String("0x")); };
    switch (index.column()) {
    case OffsetA:
        return hex(run.offset);
    case OffsetB:
        return hex(m_navigator->toB(run.offset));
    case Length:
        return QString::number(run.length);
    case BytesA:
        return bytesAt(m_a, run.offset, run.length);
    case BytesB:
        return bytesAt(m_b, m_navigator->toB(run.offset), run.length);
    default:
        return {};
    }
}

QVariant CompareRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OffsetA:
        return tr("Offset A");
    case OffsetB:
        return tr("Offset B");
    case Length:
        return tr("Length");
    case BytesA:
        return tr("Bytes A");
    case BytesB:
        return tr("Bytes B");
    default:
        return {};
    }
}

} // namespace hexmap
