#include "ui/find/findresultsmodel.h"

#include "ui/find/findbarmodel.h"

#include <QFontDatabase>

#include <cstddef>
#include <limits>
#include <span>
#include <utility>

namespace hexmap {

FindResultsModel::FindResultsModel(QObject *parent) : QAbstractListModel(parent) {}

void FindResultsModel::setMatches(const MappedFile *file, const EditOverlay *edits, std::vector<std::uint64_t> offsets,
                                  std::uint64_t patternSize, bool capped)
{
    beginResetModel();
    m_file = file;
    m_edits = edits;
    m_offsets = std::move(offsets);
    m_patternSize = patternSize == 0 ? 1 : patternSize;
    m_capped = capped;
    endResetModel();
}

void FindResultsModel::clear()
{
    setMatches(nullptr, nullptr, {}, 1, false);
}

QString FindResultsModel::context(std::uint64_t offset) const
{
    if (!m_file || !m_file->isValid() || offset >= m_file->size())
        return {};
    constexpr std::uint64_t before = 4, after = 4, shown = 16; // FindBarModel::contextText's defaults
    const std::uint64_t first = offset > before ? offset - before : 0;
    std::byte bytes[before + shown + after];
    const std::size_t n =
        m_file->readAt(first, std::span<std::byte>(bytes, static_cast<std::size_t>(offset - first + shown + after)));
    if (m_edits)
        m_edits->apply(first, std::span<std::byte>(bytes, n));
    return FindBarModel::contextText(bytes, n, offset - first, m_patternSize, before, after);
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
        int digits = 8;
        for (std::uint64_t rest = m_file && m_file->isValid() ? (m_file->size() - 1) >> 32 : 0; rest != 0; rest >>= 4)
            ++digits;
        return QStringLiteral("%1  %2").arg(offset, digits, 16, QLatin1Char('0')).toUpper().arg(context(offset));
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
