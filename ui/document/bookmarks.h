#pragma once

#include "core/piecesnapshot.h"

#include <QColor>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace hexmap {

// The bookmarks of one file: named, coloured offsets, kept sorted by offset (one per offset). They are saved per
// file as JSON in QStandardPaths::AppDataLocation/bookmarks/ (the name is a SHA-1 of the canonical path), never
// next to the file. setFile() loads; every change saves at once. A storage file that is a link, a FIFO or anything
// but a regular file (StorageCheck) is never written (nor read when it could block): the bookmarks are then kept
// for the session and SettingsGuard warns once. Thread: GUI thread only.
class Bookmarks : public QObject {
    Q_OBJECT
public:
    struct Bookmark {
        std::uint64_t offset = 0;
        QString name;
        QColor color;
    };

    // One colour of the bookmark palette (Okabe-Ito: distinguishable with colour-blindness) with its shown name.
    struct PaletteColor {
        QColor color;
        QString name; // translated
    };

    explicit Bookmarks(QObject *parent = nullptr);

    // The colours a bookmark can be given (new bookmarks take them in turn); a bookmark keeps any saved colour.
    static std::vector<PaletteColor> palette();

    void setFile(const QString &canonicalPath); // loads its bookmarks; empty path = no file (empty list)
    // The document shown over the file (unsaved inserts and deletes): bookmarks mark bytes of the file and are kept
    // (and saved) at file offsets; items() and every index and offset below are the document's, so a bookmark moves
    // with its byte while edits are unsaved, hides while its byte is deleted, and comes back on Undo.
    void setDocument(const PieceSnapshot &document);
    // False when the byte at document `offset` is an unsaved inserted byte (it has no place in the file yet).
    bool canMark(std::uint64_t offset) const;
    QString file() const { return m_path; }
    const std::vector<Bookmark> &items() const { return m_items; } // as shown: document offsets, sorted
    int indexOf(std::uint64_t offset) const; // -1 when none

    // Adds a bookmark at document `offset` (named "0x…" after the file offset, the next colour of a fixed palette) or
    // removes the one there. Returns true when one was added (false too when !canMark(offset)).
    bool toggle(std::uint64_t offset);
    void rename(int index, const QString &name);
    void setColor(int index, const QColor &color);
    void remove(int index);

    // After a save that moved bytes: each bookmark's file offset goes to `newOffset(old)`, or the bookmark is dropped
    // when that is nullopt (its byte was deleted). Returns how many were dropped. Saves and emits changed().
    int remap(const std::function<std::optional<std::uint64_t>(std::uint64_t)> &newOffset);

    static QString storagePath(const QString &canonicalPath); // the JSON file for a file's bookmarks

signals:
    void changed();

private:
    void load();
    void save() const;
    void rebuild(); // m_items from m_stored through m_document
    void storedChanged(); // save, rebuild, emit changed()

    QString m_path;
    std::vector<Bookmark> m_stored;         // at file offsets, sorted: what is saved
    std::vector<Bookmark> m_items;          // at document offsets, sorted: what is shown
    std::vector<std::size_t> m_storedIndex; // m_items[i] is m_stored[m_storedIndex[i]]
    PieceSnapshot m_document;               // empty: no edits (document offsets = file offsets)
};

} // namespace hexmap
