#pragma once

// The reference of the compare suites: a plain byte loop over two in-memory copies of the files.
#include "core/comparerun.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace comparetest {

// The runs of differing bytes of a[offA, +length) and b[offB, +length), offsets on side A; runs with at most
// `gap` equal bytes between them merged.
inline std::vector<hexmap::CompareRun> referenceRuns(const QByteArray &a, qint64 offA, const QByteArray &b,
                                                     qint64 offB, qint64 length, std::uint64_t gap = 0)
{
    std::vector<hexmap::CompareRun> runs;
    for (qint64 i = 0; i < length; ++i) {
        if (a[offA + i] == b[offB + i])
            continue;
        const std::uint64_t at = static_cast<std::uint64_t>(offA + i);
        if (!runs.empty() && at - runs.back().end() <= gap)
            runs.back().length = at + 1 - runs.back().offset;
        else
            runs.push_back({at, 1});
    }
    return runs;
}

inline QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator g(seed);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = static_cast<char>(g.bounded(256));
    return b;
}

// Writes `content` as a sparse file: only the 4 KiB blocks holding a non-zero byte are written, the rest stays a
// hole (the size is set with ftruncate). False when any call fails.
inline bool writeSparse(const QString &path, const QByteArray &content)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    bool ok = ::ftruncate(fd, content.size()) == 0;
    constexpr qsizetype kBlock = 4096;
    for (qsizetype at = 0; ok && at < content.size(); at += kBlock) {
        const qsizetype n = std::min(kBlock, content.size() - at);
        const char *p = content.constData() + at;
        if (std::all_of(p, p + n, [](char c) { return c == 0; }))
            continue;
        ok = ::pwrite(fd, p, static_cast<size_t>(n), at) == n;
    }
    return ::close(fd) == 0 && ok;
}

// Sets a file's size (growing makes a hole; creates the file when missing).
inline bool setSize(const QString &path, qint64 size)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::ftruncate(fd, size) == 0;
    return ::close(fd) == 0 && ok;
}

} // namespace comparetest
