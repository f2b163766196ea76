#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace hexmap {

// Checks of the files Hexmap keeps in the user's config and data directories (settings, bookmarks), made with
// lstat before anything opens them: a symbolic link is never written through (that would replace or change its
// target, which may be any file, even a device node when running as root), and a FIFO, device, socket or directory
// is never opened (a FIFO would block start-up forever). Running as root, a file or directory owned by another user
// (or a file with other hard links) counts as unsafe too: `sudo hexmap` with the user's HOME must not write there.
// Paths are native bytes. Thread: any (no shared state).
struct StorageCheck {
    enum class Verdict { Missing, Regular, Unsafe };
    Verdict verdict = Verdict::Missing;
    QString reason; // Unsafe: "is a symbolic link to /etc/passwd", "is a FIFO", ...; otherwise empty
    bool symlinkToRegularFile = false; // Unsafe because it is a link, whose target is a regular file

    bool isSafe() const { return verdict != Verdict::Unsafe; }
};

// lstat of `path` (and, running as root, of its directory). Never opens anything. Never fails: an lstat error other
// than ENOENT is Unsafe with its reason.
StorageCheck checkStoragePath(const QByteArray &path);

// The same for a directory Hexmap writes into: Regular (a directory, or a link to one when not root) or Missing;
// Unsafe when it is something else, or, running as root, a link or not root's own.
StorageCheck checkStorageDirectory(const QByteArray &path);

// The bytes of `path` when it is a regular file (following a symlink only when `followLink`), read without ever
// blocking: stat says regular before open(O_NONBLOCK | O_NOCTTY), fstat says so again after. nullopt when it is not a
// regular file, cannot be read, or holds more than `maxBytes`. Never blocks on a FIFO or opens a device.
std::optional<QByteArray> readRegularFile(const QByteArray &path, bool followLink, qint64 maxBytes = 16 << 20);

} // namespace hexmap
