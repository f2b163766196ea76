#pragma once

#include "core/editoverlay.h"
#include "core/mappedfile.h"

#include <QAbstractListModel>

#include <cstdint>
#include <vector>

namespace hexmap {

// The matches of one "find all" as a list model: one row per match offset (a std::vector, so 100 000 rows cost
// 800 KB); the display text (offset and context bytes) is made only for the rows a view asks for, reading the
// few bytes it shows from the mapping with the document's unsaved edits on top (as the view shows them).
// Thread: GUI thread only.
class FindResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { OffsetRole = Qt::UserRole + 1 }; // the match offset as qulonglong

    explicit FindResultsModel(QObject *parent = nullptr);

    // Replaces the list (offsets ascending); patternSize is the match length (>= 1). `file` and `edits` (may be
    // null) are read for the context bytes (a Document's mapping and its session's overlay; they must outlive the
    // list or be cleared first).
    void setMatches(const MappedFile *file, const EditOverlay *edits, std::vector<std::uint64_t> offsets,
                    std::uint64_t patternSize, bool capped);
    void clear();

    const std::vector<std::uint64_t> &offsets() const { return m_offsets; }
    std::uint64_t patternSize() const { return m_patternSize; }
    bool isCapped() const { return m_capped; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString context(std::uint64_t offset) const;

    const MappedFile *m_file = nullptr;   // not owned
    const EditOverlay *m_edits = nullptr; // not owned
    std::vector<std::uint64_t> m_offsets;
    std::uint64_t m_patternSize = 1;
    bool m_capped = false;
};

} // namespace hexmap
