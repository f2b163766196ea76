#pragma once

#include "core/result.h"

#include <string>

namespace hexmap {

// A new file built under a hidden temporary name beside its destination (createtemp::kPrefix + 6 characters, the
// name MappedFile::create uses) and renamed over the destination only by commit(): an interrupted or failed build
// leaves neither a partial file nor a damaged destination behind. The temporary file is registered for the CLI's
// signal handler and locked (flock) against createtemp::removeStale() while it is built, as createtemp.h describes;
// stale ones left by dead builders are removed when a new one is made in the same folder.
// Its mode is the destination's when it exists, else 0666 minus the umask.
// Failure contract: errno naming the destination. Move-only; the destructor unlinks an uncommitted file.
// Thread: one thread at a time per object.
class SiblingTempFile {
public:
    SiblingTempFile() = default;
    ~SiblingTempFile();
    SiblingTempFile(SiblingTempFile &&other) noexcept;
    SiblingTempFile &operator=(SiblingTempFile &&other) noexcept;
    SiblingTempFile(const SiblingTempFile &) = delete;
    SiblingTempFile &operator=(const SiblingTempFile &) = delete;

    static Result<SiblingTempFile> create(const std::string &destination);

    int fd() const { return m_fd; }
    const std::string &tempPath() const { return m_temp; }
    const std::string &destination() const { return m_destination; }

    // fsync of the file, rename over the destination, fsync of the folder: once it returns success the new file is
    // on disk under its name. Fails with errno (the temporary file is then removed by the destructor).
    Status commit();

private:
    void discard();

    int m_fd = -1;
    int m_slot = -1;
    std::string m_temp;
    std::string m_destination;
    bool m_committed = false;
};

} // namespace hexmap
