#pragma once

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
    QString file() const { return m_path; }
    const std::vector<Bookmark> &items() const { return m_items; }
    int indexOf(std::uint64_t offset) const; // -1 when none

    // Adds a bookmark at `offset` (named "0x…", the next colour of a fixed palette) or removes the one there.
    // Returns true when one was added.
    bool toggle(std::uint64_t offset);
    void rename(int index, const QString &name);
    void setColor(int index, const QColor &color);
    void remove(int index);
    // The file had `removed` bytes at `offset` replaced by `inserted` bytes (an in-place insert or delete):
    // bookmarks at or after offset + removed move by inserted - removed; those inside the removed bytes are
    // dropped. Returns how many were dropped. Saves and emits changed() when anything moved.
    int shift(std::uint64_t offset, std::uint64_t removed, std::uint64_t inserted);

    // After a save that moved bytes: each bookmark goes to `newOffset(old)`, or is dropped when that is nullopt (its
    // byte was deleted). Returns how many were dropped. Saves and emits changed() when anything changed.
    int remap(const std::function<std::optional<std::uint64_t>(std::uint64_t)> &newOffset);

    static QString storagePath(const QString &canonicalPath); // the JSON file for a file's bookmarks

signals:
    void changed();

private:
    void load();
    void save() const;

    QString m_path;
    std::vector<Bookmark> m_items;
};

} // namespace hexmap
