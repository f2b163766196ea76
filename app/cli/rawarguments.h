#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>

namespace hexmap::cli {

// Command-line arguments are bytes, not text: a file name such as $'v\xff' is not valid UTF-8 and must reach
// open(2) exactly as it was typed. Qt's own decoding (QCoreApplication::arguments) turns such bytes into U+FFFD,
// which names a different file. These functions decode arguments losslessly, in the manner of Python's
// "surrogateescape": valid UTF-8 becomes its characters, and every byte of an invalid sequence becomes the lone
// surrogate U+DC00 + byte (U+DC80..U+DCFF), which valid UTF-8 can never produce. QCommandLineParser passes those
// through untouched, and toBytes() gives back the exact original bytes.
// Thread: any (pure functions).

// The lossless decoding of `bytes` described above.
QString fromBytes(std::string_view bytes);
// The exact bytes of an argument decoded by fromBytes() (valid text is encoded as UTF-8).
std::string toBytes(const QString &argument);
// argv[first..argc) decoded with fromBytes().
QStringList argumentsFrom(int argc, char **argv, int first);
// `text` for humans (messages, JSON): escaped bytes are written as \xNN, everything else unchanged.
QString shown(const QString &text);
// True when `argument` holds bytes that are not valid UTF-8.
bool hasRawBytes(const QString &argument);

} // namespace hexmap::cli
