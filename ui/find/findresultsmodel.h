#pragma once

#include "core/mappedfile.h"
#include "core/piecesnapshot.h"

#include <QAbstractListModel>

#include <cstdint>
#include <optional>
#include <vector>

namespace hexmap {

// The matches of one "find all" as a list model: one row per match offset (a std::vector, so 100 000 rows cost
// 800 KB); the display text (offset and context bytes) is made only for the rows a view asks for, reading the
// few bytes it shows from the document the user sees (a PieceSnapshot: unsaved edits applied; the file's bytes from
// the mapping), as the view shows them.
// Thread: GUI thread only.
class FindResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { OffsetRole = Qt::UserRole + 1 }; // the match offset as qulonglong

    explicit FindResultsModel(QObject *parent = nullptr);

    // Replaces the list (offsets ascending, document offsets); patternSize is the match length (>= 1). The
    // context bytes are read from `document` (nullopt: the file as it is) over `file` (a Document's mapping; it must
    // outlive the list or be cleared first).
    void setMatches(const MappedFile *file, std::optional<PieceSnapshot> document, std::vector<std::uint64_t> offsets,
                    std::uint64_t patternSize, bool capped);
    // The document changed (an edit, undo, redo): the context bytes are read from `document` from now on (every row
    // is repainted). The offsets stay those of the find.
    void setDocument(std::optional<PieceSnapshot> document);
    void clear();

    const std::vector<std::uint64_t> &offsets() const { return m_offsets; }
    std::uint64_t patternSize() const { return m_patternSize; }
    bool isCapped() const { return m_capped; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString context(std::uint64_t offset) const;

    std::uint64_t size() const;

    const MappedFile *m_file = nullptr; // not owned
    std::optional<PieceSnapshot> m_document;
    std::vector<std::uint64_t> m_offsets;
    std::uint64_t m_patternSize = 1;
    bool m_capped = false;
};

} // namespace hexmap
