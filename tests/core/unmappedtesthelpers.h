#pragma once
// Shared helpers of tst_unmappedfile and tst_unmappedjobs: HEXMAP_MAP_LIMIT for a scope, writing a test file, running
// a job to its end. Header-only; test thread only.

#include "enginetesthelpers.h"

#include "core/job.h"
#include "core/mappedfile.h"

#include <QFile>
#include <QtTest>

#include <string>
#include <vector>

namespace unmappedtest {

inline bool writeFile(const std::string &path, const std::vector<std::byte> &bytes)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) == qint64(bytes.size());
}

// Sets HEXMAP_MAP_LIMIT for its lifetime (restored also when an assertion returns early).
class MapLimit {
public:
    explicit MapLimit(const QByteArray &value)
        : m_old(qgetenv("HEXMAP_MAP_LIMIT")), m_had(qEnvironmentVariableIsSet("HEXMAP_MAP_LIMIT"))
    {
        if (value.isNull())
            qunsetenv("HEXMAP_MAP_LIMIT");
        else
            qputenv("HEXMAP_MAP_LIMIT", value);
    }
    ~MapLimit()
    {
        if (m_had)
            qputenv("HEXMAP_MAP_LIMIT", m_old);
        else
            qunsetenv("HEXMAP_MAP_LIMIT");
    }
    MapLimit(const MapLimit &) = delete;
    MapLimit &operator=(const MapLimit &) = delete;

private:
    QByteArray m_old;
    bool m_had;
};

// Runs `spec` on `file` to its end; the final snapshot.
inline hexmap::JobSnapshot runJob(hexmap::MappedFile file, const hexmap::JobSpec &spec)
{
    auto job = hexmap::Job::create(std::move(file), spec);
    if (!job)
        return {};
    if (!job.value()->start())
        return {};
    job.value()->wait();
    return job.value()->snapshot();
}

} // namespace unmappedtest
