#include "ui/window/filepositions.h"

#include <QSettings>
#include <QVariantList>
#include <QVariantMap>

namespace hexmap {
namespace {

const QString PathKey = QStringLiteral("path");
const QString OffsetKey = QStringLiteral("offset");

} // namespace

FilePositions::FilePositions(QString key, int maxCount) : m_key(std::move(key)), m_maxCount(maxCount > 0 ? maxCount : 1)
{
}

std::optional<std::uint64_t> FilePositions::offset(const QString &path) const
{
    const QVariantList entries = QSettings().value(m_key).toList();
    for (const QVariant &entry : entries) {
        const QVariantMap map = entry.toMap();
        if (map.value(PathKey).toString() != path)
            continue;
        bool ok = false;
        // Stored as a string: QSettings' INI format keeps every digit of a 64-bit value that way.
        const std::uint64_t value = map.value(OffsetKey).toString().toULongLong(&ok);
        if (ok)
            return value;
    }
    return std::nullopt;
}

void FilePositions::setOffset(const QString &path, std::uint64_t offset)
{
    if (path.isEmpty())
        return;
    QSettings settings;
    QVariantList entries = settings.value(m_key).toList();
    entries.removeIf([&](const QVariant &entry) { return entry.toMap().value(PathKey).toString() == path; });
    entries.prepend(QVariantMap{{PathKey, path}, {OffsetKey, QString::number(offset)}});
    while (entries.size() > m_maxCount)
        entries.removeLast();
    settings.setValue(m_key, entries);
}

void FilePositions::clear()
{
    QSettings().remove(m_key);
}

} // namespace hexmap
