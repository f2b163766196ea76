#include "core/mapping.h"

#include "core/createtemp.h"
#include "core/numberparser.h"
#include "core/platform/deviceops.h"
#include "core/platform/fileops.h"
#include "core/platform/signalsblocked.h"
#include "core/sigbusguard.h"
#include "core/writelock.h"

#include <cerrno>
#include <cstdlib>
#include <csignal>
#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace {

Error errnoError(int err, const std::string &path) { return Error::fromErrno(err, path); }

// Classifies a non-regular file by its mode; used for distinct, clear errors.
Error notRegular(const struct stat &st, const std::string &path)
{
    if (S_ISDIR(st.st_mode))
        return {make_error_code(Errc::IsDirectory), path};
    const char *kind = S_ISFIFO(st.st_mode) ? "a FIFO"
        : S_ISSOCK(st.st_mode)             ? "a socket"
        : S_ISCHR(st.st_mode)              ? "a character device"
        : S_ISBLK(st.st_mode)              ? "a block device"
                                           : "a special file";
    return {make_error_code(Errc::NotRegularFile), path + " (" + kind + ")"};
}

bool hasWriteBits(const struct stat &st) { return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0; }

Result<std::byte *> mapFd(int fd, std::uint64_t size, OpenMode mode, const std::string &path)
{
    if (size > static_cast<std::uint64_t>(SIZE_MAX))
        return Error{make_error_code(std::errc::value_too_large), path};
    const int prot = mode != OpenMode::ReadOnly ? PROT_READ | PROT_WRITE : PROT_READ;
    void *p = ::mmap(nullptr, static_cast<std::size_t>(size), prot, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED)
        return errnoError(errno, path);
    return static_cast<std::byte *>(p);
}

// Maps `size` bytes of `fd`, or nothing when the file is too large to map: above Mapping::mapLimit(), or mmap
// refused for lack of address space (ENOMEM, or a size beyond size_t). *base stays null then and the caller
// opens unmapped; any other mmap error fails.
Status mapOrNot(int fd, std::uint64_t size, OpenMode mode, const std::string &path, std::byte **base)
{
    *base = nullptr;
    if (size == 0 || size > Mapping::mapLimit())
        return {};
    auto mapped = mapFd(fd, size, mode, path);
    if (mapped) {
        *base = *mapped;
        return {};
    }
    if (mapped.code() == std::errc::not_enough_memory || mapped.code() == std::errc::value_too_large)
        return {};
    return mapped.error();
}

// The directory part of `path` ("." when there is none), for the temporary file of create().
std::string directoryOf(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

std::uint64_t Mapping::mapLimit()
{
    const char *text = std::getenv("HEXMAP_MAP_LIMIT");
    if (!text || !*text)
        return UINT64_MAX;
    auto limit = parseSize(text);
    return limit ? *limit : UINT64_MAX;
}

Mapping::Mapping(int fd, std::byte *base, std::uint64_t size, OpenMode mode, std::string path, bool isDevice,
                 bool mapped)
    : m_fd(fd), m_base(base), m_size(size), m_mode(mode), m_path(std::move(path)), m_isDevice(isDevice),
      m_mapped(mapped)
{
    static std::atomic<std::uint64_t> next{1};
    m_id = next.fetch_add(1, std::memory_order_relaxed);
    // A file truncated on disk under the mapping must not kill the process (see SigbusGuard).
    SigbusGuard::install();
    if (m_base) // an empty file maps nothing: no address can fault
        m_guardSlot = SigbusGuard::registerMapping(m_base, m_size, m_fd, &m_faulted, m_isDevice);
    if (auto id = fileIdentityOf(m_fd, m_path))
        m_identity = *id;
}

FileIdentity Mapping::identity() const
{
    std::lock_guard lock(m_identityMutex);
    return m_identity;
}

void Mapping::setIdentity(const FileIdentity &identity)
{
    std::lock_guard lock(m_identityMutex);
    m_identity = identity;
}

Mapping::~Mapping()
{
    // Never flushes: the kernel writes dirty pages back on its own; durability is only promised by sync().
    SigbusGuard::unregisterMapping(m_guardSlot);
    if (m_base)
        ::munmap(m_base, static_cast<std::size_t>(m_size));
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<std::shared_ptr<Mapping>> Mapping::create(const std::string &path, std::uint64_t size)
{
    if (size == 0)
        return Error{make_error_code(Errc::InvalidFileSize), path};
    if (size > static_cast<std::uint64_t>(INT64_MAX))
        return Error{make_error_code(std::errc::file_too_large), path};
    struct stat existing {};
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && !S_ISREG(existing.st_mode))
        return notRegular(existing, path);
    if (exists) { // never swap a file out from under another Hexmap writer
        auto holder = WriteLock::holderOfPath(path);
        if (holder && *holder)
            return Error{make_error_code(Errc::WriteLocked), path + " (being written by " + (*holder)->describe() + ")"};
    }

    // Build the file under a temporary name in the same folder and rename it over `path` only once its blocks
    // are reserved: a full disk leaves neither a partial file nor a damaged original behind. The temporary file
    // is registered for the signal handler of an interrupted create and locked against removeStale() while it
    // is built (see createtemp.h); temporary files that dead creators left are removed first.
    const std::string directory = directoryOf(path);
    createtemp::removeStale(directory);
    std::string temp = directory + "/" + createtemp::kPrefix + "XXXXXX";
    int fd = -1;
    int slot = -1;
    {
        const SignalsBlocked blocked;
        fd = ::mkostemp(temp.data(), O_CLOEXEC);
        if (fd < 0)
            return errnoError(errno, path);
        ::flock(fd, LOCK_EX | LOCK_NB); // a new file: nobody else can hold the lock
        slot = createtemp::registerPath(temp);
    }
    auto fail = [&](int err) -> Result<std::shared_ptr<Mapping>> {
        const SignalsBlocked blocked;
        ::close(fd);
        ::unlink(temp.c_str());
        createtemp::unregisterPath(slot);
        return errnoError(err, path);
    };
    createtemp::runHook("created");
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, exists ? (existing.st_mode & 07777) : (0666 & ~mask)) != 0)
        return fail(errno);
    if (const int err = ::posix_fallocate(fd, 0, static_cast<off_t>(size)); err != 0)
        return fail(err);
    auto lock = WriteLock::acquire(fd, path); // before the rename: nobody else can lock the new file first
    if (!lock) {
        const SignalsBlocked blocked;
        ::close(fd);
        ::unlink(temp.c_str());
        createtemp::unregisterPath(slot);
        return lock.error();
    }
    createtemp::runHook("reserved");
    {
        const SignalsBlocked blocked;
        if (::rename(temp.c_str(), path.c_str()) != 0)
            return fail(errno);
        createtemp::unregisterPath(slot);
    }
    ::flock(fd, LOCK_UN);
    createtemp::runHook("renamed");
    std::byte *base = nullptr;
    if (auto s = mapOrNot(fd, size, OpenMode::ReadWrite, path, &base); !s) {
        ::close(fd);
        return s.error();
    }
    auto mapping = std::shared_ptr<Mapping>(new Mapping(fd, base, size, OpenMode::ReadWrite, path, false, base != nullptr));
    mapping->m_writeLock = std::move(lock).value();
    return mapping;
}

Result<std::shared_ptr<Mapping>> Mapping::open(const std::string &path, OpenMode mode)
{
    if (path.empty())
        return Error{make_error_code(std::errc::no_such_file_or_directory), "(empty path)"};
    // stat first so that a FIFO is never opened (opening one would block until a writer appears).
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return errnoError(errno, path);
    const bool isDevice = S_ISBLK(st.st_mode);
    if (!S_ISREG(st.st_mode) && !isDevice)
        return notRegular(st, path);
    if (isDevice && mode == OpenMode::ReadWrite)
        return Error{make_error_code(Errc::DeviceNotConfirmed), path};
    const bool writable = mode != OpenMode::ReadOnly;
    if (writable && !isDevice && !hasWriteBits(st))
        return Error{make_error_code(Errc::ReadOnlyFile), path};

    const int flags = (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        const int err = errno;
        if (writable && err == EACCES && deviceops::isReadOnlyDevice(path))
            return Error{make_error_code(Errc::ReadOnlyFile), path};
        if (err == EACCES && isDevice)
            return deviceops::permissionDenied(st, path);
        if (writable && err == EACCES && ::access(path.c_str(), R_OK) == 0)
            return Error{make_error_code(Errc::ReadOnlyFile), path};
        return errnoError(err, path);
    }
    if (isDevice) { // O_NONBLOCK only kept open() from blocking (FIFOs); a device's I/O must block as usual
        const int fl = ::fcntl(fd, F_GETFL);
        if (fl >= 0)
            (void)::fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    // Re-check the opened object: the path may have been replaced between stat and open.
    const bool wasDevice = isDevice;
    if (::fstat(fd, &st) != 0 || S_ISBLK(st.st_mode) != wasDevice || (!wasDevice && !S_ISREG(st.st_mode))) {
        const int err = errno;
        const Error e = S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) ? errnoError(err ? err : ESTALE, path)
                                                                  : notRegular(st, path);
        ::close(fd);
        return e;
    }
    std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
    std::uint32_t logical = 1;
    std::uint32_t physical = st.st_blksize > 0 ? static_cast<std::uint32_t>(st.st_blksize)
                                               : static_cast<std::uint32_t>(fileops::pageSize());
    if (isDevice) {
        auto g = deviceops::geometry(fd, path);
        if (!g) {
            ::close(fd);
            return g.error();
        }
        if (writable && g->readOnly) {
            ::close(fd);
            return Error{make_error_code(Errc::ReadOnlyFile), path + " (a read-only device)"};
        }
        size = g->size;
        logical = g->logicalSector;
        physical = g->physicalSector;
    }
    std::shared_ptr<WriteLock> lock; // one writer at a time: refused with Errc::WriteLocked, naming the holder
    if (writable) {
        auto locked = WriteLock::acquire(fd, path);
        if (!locked) {
            ::close(fd);
            return locked.error();
        }
        lock = std::move(locked).value();
    }
    // A zero-length file opens with nothing mapped (mmap of length 0 is EINVAL): base() is null and every access
    // is out of range, so no code path dereferences it. A file too large to map opens unmapped (see mapping.h).
    std::byte *base = nullptr;
    if (auto s = mapOrNot(fd, size, mode, path, &base); !s) {
        ::close(fd);
        return s.error();
    }
    const OpenMode mapped = writable ? OpenMode::ReadWrite : OpenMode::ReadOnly;
    auto mapping = std::shared_ptr<Mapping>(
        new Mapping(fd, base, size, mapped, path, isDevice, size == 0 || base != nullptr));
    mapping->m_logicalSector = logical;
    mapping->m_physicalSector = physical;
    mapping->m_writeLock = std::move(lock);
    return mapping;
}

} // namespace hexmap
