#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace hexmap {

// File names are bytes (issue 13 row 5, "bytes are bytes"). Qt keeps names as QString, decoded as UTF-8 on Linux: a
// name with bytes that are not valid UTF-8 (e.g. $'v\xff') decodes to U+FFFD and encodes back to other bytes, i.e. to
// another file. These helpers keep such names exact where Hexmap has the bytes (the command line), show them
// without crashing, and map a name that went through a QString (File > Open, drag and drop) back to the one file it
// stands for. Thread: any (no shared state).
namespace nativepath {

// True when `native` survives QFile::decodeName + QFile::encodeName unchanged (every valid UTF-8 name does).
bool roundTrips(const QByteArray &native);
// For display only: bytes that are not valid UTF-8 become U+FFFD.
QString display(const QByteArray &native);
// For messages: bytes that are not valid UTF-8 are written as \xFF, so the name can be told apart and typed again.
QString escaped(const QByteArray &native);
// The canonical path of `native` (realpath), or `native` itself made absolute when it cannot be resolved.
QByteArray canonical(const QByteArray &native);

// The bytes of the file a QString path names. Paths that encode to an existing file, or hold no U+FFFD, are taken
// as they are. A path holding U+FFFD that does not exist stands for a name whose bytes were not UTF-8: its
// directory is searched for the entries that decode to that name. One match gives its exact bytes; none or several
// (e.g. $'v\xff' and $'v\xfe') give nullopt and a message naming them in `error`.
std::optional<QByteArray> resolve(const QString &path, QString *error);

} // namespace nativepath
} // namespace hexmap
