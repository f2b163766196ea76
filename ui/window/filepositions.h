#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace hexmap {

// The last cursor offset per file, so that reopening a file returns to where the user was. Stored in QSettings
// under `key` as a list of {path, offset}, most recent first, capped at maxCount files. Keyed by the path given
// (callers pass the canonical path). Thread: GUI thread only (QSettings).
class FilePositions {
public:
    static constexpr int DefaultMaxCount = 200;

    explicit FilePositions(QString key = QStringLiteral("filePositions"), int maxCount = DefaultMaxCount);

    std::optional<std::uint64_t> offset(const QString &path) const;
    void setOffset(const QString &path, std::uint64_t offset);
    void clear();

private:
    QString m_key;
    int m_maxCount;
};

} // namespace hexmap
