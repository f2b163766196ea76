#include "core/siblingtempfile.h"

#include "core/createtemp.h"
#include "core/platform/recoveryhelpers.h"
#include "core/platform/signalsblocked.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace hexmap {
namespace {

Error errnoAt(int err, const std::string &path) { return Error::fromErrno(err, path); }

} // namespace

SiblingTempFile::~SiblingTempFile() { discard(); }

SiblingTempFile::SiblingTempFile(SiblingTempFile &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_slot(std::exchange(other.m_slot, -1)), m_temp(std::move(other.m_temp)),
      m_destination(std::move(other.m_destination)), m_committed(other.m_committed)
{
}

SiblingTempFile &SiblingTempFile::operator=(SiblingTempFile &&other) noexcept
{
    if (this != &other) {
        discard();
        m_fd = std::exchange(other.m_fd, -1);
        m_slot = std::exchange(other.m_slot, -1);
        m_temp = std::move(other.m_temp);
        m_destination = std::move(other.m_destination);
        m_committed = other.m_committed;
    }
    return *this;
}

Result<SiblingTempFile> SiblingTempFile::create(const std::string &destination)
{
    const std::string directory = recovery::parentOf(destination);
    createtemp::removeStale(directory);
    struct stat existing {};
    const bool exists = ::stat(destination.c_str(), &existing) == 0;
    SiblingTempFile file;
    file.m_destination = destination;
    file.m_temp = directory + "/" + createtemp::kPrefix + "XXXXXX";
    {
        const SignalsBlocked blocked;
        file.m_fd = ::mkostemp(file.m_temp.data(), O_CLOEXEC);
        if (file.m_fd < 0)
            return errnoAt(errno, destination);
        ::flock(file.m_fd, LOCK_EX | LOCK_NB); // a new file: nobody else can hold the lock
        file.m_slot = createtemp::registerPath(file.m_temp);
    }
    const mode_t mask = ::umask(0);
    ::umask(mask);
    const mode_t mode = exists && S_ISREG(existing.st_mode) ? (existing.st_mode & 07777) : (0666 & ~mask);
    if (::fchmod(file.m_fd, mode) != 0)
        return errnoAt(errno, destination);
    return file;
}

Status SiblingTempFile::commit()
{
    if (m_fd < 0 || m_committed)
        return Error{make_error_code(Errc::InvalidArgument), m_destination + " (no temporary file to commit)"};
    if (::fsync(m_fd) != 0)
        return errnoAt(errno, m_destination);
    {
        const SignalsBlocked blocked;
        if (::rename(m_temp.c_str(), m_destination.c_str()) != 0)
            return errnoAt(errno, m_destination);
        m_committed = true;
        createtemp::unregisterPath(m_slot);
        m_slot = -1;
    }
    ::flock(m_fd, LOCK_UN);
    const recovery::FdCloser dir(::open(recovery::parentOf(m_destination).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.fd < 0)
        return errnoAt(errno, recovery::parentOf(m_destination));
    if (::fsync(dir.fd) != 0)
        return errnoAt(errno, recovery::parentOf(m_destination));
    return {};
}

void SiblingTempFile::discard()
{
    if (m_fd < 0)
        return;
    const SignalsBlocked blocked;
    ::close(m_fd);
    m_fd = -1;
    if (!m_committed)
        ::unlink(m_temp.c_str());
    createtemp::unregisterPath(m_slot);
    m_slot = -1;
}

} // namespace hexmap
