#pragma once

// Shared by the fault suites that race hexmap-cli against another PROCESS changing its file (tst_shiftrace,
// tst_exportrace): a fault (truncate to a length, replace by rename(2), append) run by `sh -c` after a random delay
// drawn from a seeded RNG, and what the file looks like once that fault is applied to some content.
// The seed comes from HEXMAP_RACE_SEED (default: fixed), the run count is multiplied by HEXMAP_RACE_RUNS (default 1);
// every failure message starts with the seed and the run, so `HEXMAP_RACE_SEED=S` repeats the same draws.
// Thread: the test's thread only.

#include "rawprocess.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <unistd.h>

#include <cstdint>
#include <random>

namespace hexmap::testing {

inline std::uint64_t raceSeed(std::uint64_t fallback)
{
    bool ok = false;
    const std::uint64_t seed = qEnvironmentVariable("HEXMAP_RACE_SEED").toULongLong(&ok, 0);
    return ok ? seed : fallback;
}

inline int raceRuns(int base)
{
    bool ok = false;
    const int factor = qEnvironmentVariableIntValue("HEXMAP_RACE_RUNS", &ok);
    return ok && factor > 0 ? base * factor : base;
}

// On a disk filesystem (/var/tmp when writable): tmpfs takes other paths (no reflink, no writeback).
inline QString raceTempRoot()
{
    return QDir(QStringLiteral("/var/tmp")).exists() && ::access("/var/tmp", W_OK) == 0
        ? QStringLiteral("/var/tmp/hexmap-race-XXXXXX")
        : QDir::tempPath() + QStringLiteral("/hexmap-race-XXXXXX");
}

inline QByteArray randomBytes(std::mt19937_64 &random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; i += 8) {
        const std::uint64_t v = random();
        for (qsizetype k = 0; k < 8 && i + k < size; ++k)
            bytes[i + k] = char(v >> (8 * k));
    }
    return bytes;
}

inline bool writeWhole(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size() && f.flush();
}

inline QByteArray readWhole(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What the other process does to FILE.
struct Fault {
    enum Kind { Truncate, Replace, Append };
    Kind kind = Truncate;
    qint64 length = 0;     // Truncate: the new length
    qint64 delayUs = 0;    // after the fault process starts
    QString replacement;   // Replace: this file is renamed over FILE (same folder)
    QString appended;      // Append: this file's bytes are appended to FILE

    QString describe() const
    {
        const QString when = QStringLiteral(" after %1 us").arg(delayUs);
        switch (kind) {
        case Truncate: return QStringLiteral("truncate to %1").arg(length) + when;
        case Replace: return QStringLiteral("rename another file over it") + when;
        case Append: return QStringLiteral("append a file to it") + when;
        }
        return {};
    }

    // The content FILE holds when the fault is applied to `content` (`replacementBytes`, `appendedBytes`: the
    // bytes of the files named above).
    QByteArray applied(const QByteArray &content, const QByteArray &replacementBytes,
                       const QByteArray &appendedBytes) const
    {
        switch (kind) {
        case Truncate: { // truncate(1) also extends a shorter file with zeros
            QByteArray cut = content.left(length);
            return cut + QByteArray(length - cut.size(), '\0');
        }
        case Replace: return replacementBytes;
        case Append: return content + appendedBytes;
        }
        return {};
    }

    // Starts `sh -c` that sleeps delayUs, then truncates (truncate -s), renames (mv -f: rename(2)) or appends
    // (cat >>) to `file`. Returns false when it could not start.
    bool start(RawProcess &process, const QString &file) const
    {
        const QByteArray delay = QByteArray::number(double(delayUs) / 1e6, 'f', 6);
        QByteArray script = "sleep \"$1\"; ";
        QByteArray argument;
        switch (kind) {
        case Truncate:
            script += "exec truncate -s \"$2\" \"$3\"";
            argument = QByteArray::number(length);
            break;
        case Replace:
            script += "exec mv -f \"$2\" \"$3\"";
            argument = QFile::encodeName(replacement);
            break;
        case Append:
            script += "exec cat \"$2\" >> \"$3\"";
            argument = QFile::encodeName(appended);
            break;
        }
        return process.start("/bin/sh", {"-c", script, "sh", delay, argument, QFile::encodeName(file)});
    }
};

// The first offset where `a` and `b` differ (the shorter size when one is a prefix of the other), or -1.
inline qint64 firstDifference(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        if (a[i] != b[i])
            return i;
    return a.size() == b.size() ? -1 : n;
}

} // namespace hexmap::testing
