#include "ui/common/nativepath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <sys/stat.h>

namespace hexmap::nativepath {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(hexmap::NativePath)
};

} // namespace

bool roundTrips(const QByteArray &native)
{
    return QFile::encodeName(QFile::decodeName(native)) == native;
}

QString display(const QByteArray &native)
{
    return QString::fromUtf8(native);
}

QString escaped(const QByteArray &native)
{
    if (roundTrips(native))
        return QFile::decodeName(native);
    QString out;
    qsizetype i = 0;
    while (i < native.size()) {
        // The longest valid UTF-8 prefix from i (1 to 4 bytes per character).
        qsizetype len = 0;
        for (qsizetype n = 1; n <= 4 && i + n <= native.size(); ++n) {
            const QByteArray piece = native.mid(i, n);
            if (QString::fromUtf8(piece).toUtf8() == piece && !QString::fromUtf8(piece).contains(QChar::ReplacementCharacter)) {
                len = n;
                break;
            }
        }
        if (len == 0) {
            out += QStringLiteral("\\x") + QString::number(uchar(native[i]), 16).toUpper().rightJustified(2, QLatin1Char('0'));
            ++i;
        } else {
            out += QString::fromUtf8(native.mid(i, len));
            i += len;
        }
    }
    return out;
}

QByteArray canonical(const QByteArray &native)
{
    if (char *resolved = ::realpath(native.constData(), nullptr)) {
        QByteArray out(resolved);
        std::free(resolved);
        return out;
    }
    if (native.startsWith('/'))
        return native;
    return QFile::encodeName(QDir::currentPath()) + '/' + native;
}

std::optional<QByteArray> resolve(const QString &path, QString *error)
{
    const QByteArray direct = QFile::encodeName(path);
    struct stat st {};
    if (!path.contains(QChar::ReplacementCharacter) || ::lstat(direct.constData(), &st) == 0)
        return direct;
    const QFileInfo info(path);
    const QString name = info.fileName();
    const QByteArray dir = QFile::encodeName(info.absolutePath());
    QList<QByteArray> matches;
    if (DIR *d = ::opendir(dir.constData())) {
        while (const dirent *entry = ::readdir(d)) {
            const QByteArray bytes(entry->d_name);
            if (QFile::decodeName(bytes) == name)
                matches << bytes;
        }
        ::closedir(d);
    }
    if (matches.size() == 1)
        return dir + '/' + matches.front();
    if (matches.isEmpty()) {
        *error = Text::tr("%1: no such file. Its name holds characters that could not be decoded (shown as %2): if it "
                          "was not UTF-8, open it from the command line (hexmap PATH).")
                     .arg(path, QString(QChar::ReplacementCharacter));
        return std::nullopt;
    }
    QStringList names;
    for (const QByteArray &m : matches)
        names << escaped(m);
    *error = Text::tr("%1 could be any of these files, whose names are not UTF-8: %2. Open the one you mean from the "
                      "command line (hexmap PATH).")
                 .arg(path, names.join(QStringLiteral(", ")));
    return std::nullopt;
}

} // namespace hexmap::nativepath
