#include "ui/find/findresultsmodel.h"

#include "ui/find/findbarmodel.h"

#include <QFontDatabase>

#include <cstddef>
#include <limits>
#include <span>
#include <utility>

namespace hexmap {

FindResultsModel::FindResultsModel(QObject *parent) : QAbstractListModel(parent) {}

void FindResultsModel::setMatches(const MappedFile *file, std::optional<PieceSnapshot> document,
                                  std::vector<std::uint64_t> offsets, std::uint64_t patternSize, bool capped)
{
    beginResetModel();
    m_file = file;
    m_document = std::move(document);
    m_offsets = std::move(offsets);
    m_patternSize = patternSize == 0 ? 1 : patternSize;
    m_capped = capped;
    endResetModel();
}

void FindResultsModel::clear()
{
    setMatches(nullptr, std::nullopt, {}, 1, false);
}

void FindResultsModel::setDocument(std::optional<PieceSnapshot> document)
{
    m_document = std::move(document);
    if (!m_offsets.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
}

std::uint64_t FindResultsModel::size() const
{
    if (!m_file || !m_file->isValid())
        return 0;
    return m_document ? m_document->size() : m_file->size();
}

QString FindResultsModel::context(std::uint64_t offset) const
{
    if (offset >= size())
        return {};
    constexpr std::uint64_t before = 4, after = 4, shown = 16; // FindBarModel::contextText's defaults
    const std::uint64_t first = offset > before ? offset - before : 0;
    std::byte bytes[before + shown + after];
    const std::span<std::byte> want(bytes, static_cast<std::size_t>(offset - first + shown + after));
    std::size_t n = 0;
    if (m_document) {
        const MappedFile &file = *m_file;
        auto read = m_document->read(first, want, [&](std::uint64_t at, std::span<std::byte> out) {
            return file.readAt(at, out) == out.size();
        });
        if (!read)
            return {}; // the file is shorter than the document's original (it was cut): nothing to show
        n = *read;
    } else {
        n = m_file->readAt(first, want);
    }
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
        for (std::uint64_t rest = size() > 0 ? (size() - 1) >> 32 : 0; rest != 0; rest >>= 4)
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
