#pragma once
// Shared by the two journal recoveries (journalrecovery.cpp: the overwrite save's; shiftrecovery.cpp: the
// insert/delete save's). Internal to core/platform. Thread: any.

#include "core/journalrecovery.h"

#include <string>
#include <unistd.h>

namespace hexmap::recovery {

// Closes a descriptor when it goes out of scope (releasing any OFD lock on it).
struct FdCloser {
    int fd = -1;
    FdCloser() = default;
    explicit FdCloser(int descriptor) : fd(descriptor) {}
    FdCloser(const FdCloser &) = delete;
    FdCloser &operator=(const FdCloser &) = delete;
    ~FdCloser()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// The directory holding `path` ("." for a bare name, "/" for a file in the root).
inline std::string parentOf(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

// `r` with its outcome and reason set.
inline JournalRecovery withOutcome(JournalRecovery r, JournalOutcome outcome, std::string reason)
{
    r.outcome = outcome;
    r.reason = std::move(reason);
    return r;
}

} // namespace hexmap::recovery
