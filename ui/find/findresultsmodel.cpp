#include "ui/find/findresultsmodel.h"

#include "ui/find/findbarmodel.h"

#include <QFontDatabase>

#include <limits>
#include <utility>

namespace hexmap {

FindResultsModel::FindResultsModel(QObject *parent) : QAbstractListModel(parent) {}

void FindResultsModel::setMatches(const MappedFile *file, std::vector<std::uint64_t> offsets,
                                  std::uint64_t patternSize, bool capped)
{
    beginResetModel();
    m_file = file;
    m_offsets = std::move(offsets);
    m_patternSize = patternSize == 0 ? 1 : patternSize;
    m_capped = capped;
    endResetModel();
}

void FindResultsModel::clear()
{
    setMatches(nullptr, {}, 1, false);
}

int FindResultsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    constexpr auto maxRows = static_cast<std::size_t>(std::numeric_limits<int>::max());
    return static_cast<int>(std::min(m_offsets.size(), maxRows));
}

QVariant FindResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || static_cast<std::size_t>(index.row()) >= m_offsets.size())
        return {};
    const std::uint64_t offset = m_offsets[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        const QString context = m_file && m_file->isValid()
                                    ? FindBarModel::contextText(m_file->data(), m_file->size(), offset, m_patternSize)
                                    : QString();
        int digits = 8;
        for (std::uint64_t rest = m_file && m_file->isValid() ? (m_file->size() - 1) >> 32 : 0; rest != 0; rest >>= 4)
            ++digits;
        return QStringLiteral("%1  %2").arg(offset, digits, 16, QLatin1Char('0')).toUpper().arg(context);
    }
    case Qt::ToolTipRole:
        return tr("Offset %1 (0x%2)").arg(offset).arg(offset, 0, 16);
    case Qt::FontRole:
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case OffsetRole:
        return QVariant::fromValue<qulonglong>(offset);
    default:
        return {};
    }
}

} // namespace hexmap
