#include "core/writelock.h"

#include "core/platform/lockinfo.h"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace hexmap {
namespace {

using Key = std::pair<std::uint64_t, std::uint64_t>; // device, inode

// The locks this process holds, by inode: read-write mappings of one inode share one lock.
struct Registry {
    std::mutex mutex;
    std::map<Key, std::weak_ptr<WriteLock>> locks;
};

Registry &registry()
{
    static Registry *r = new Registry; // never destroyed: mappings may outlive static destruction
    return *r;
}

std::mutex &nameMutex()
{
    static std::mutex m;
    return m;
}

std::string &programName()
{
    static std::string name = program_invocation_short_name ? program_invocation_short_name : "hexmap";
    return name;
}

struct flock wholeFile(short type)
{
    struct flock fl {};
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0; // to the end, whatever the size becomes
    fl.l_pid = 0; // required for OFD locks
    return fl;
}

// Lock calls that fail because the filesystem has no (OFD) lock support: the lock is advisory, write without it.
bool unsupported(int err) { return err == EINVAL || err == ENOLCK || err == ENOSYS || err == EOPNOTSUPP; }

bool holdsOwnLock(const Key &key)
{
    Registry &r = registry();
    std::lock_guard guard(r.mutex);
    const auto it = r.locks.find(key);
    if (it == r.locks.end())
        return false;
    const auto lock = it->second.lock();
    return lock && lock->isLocked() && lock->isOwnedByThisProcess();
}

} // namespace

std::string WriteLockHolder::describe() const
{
    if (program.empty() && pid <= 0)
        return "another process";
    if (program.empty())
        return "pid " + std::to_string(pid);
    if (pid <= 0)
        return program;
    return program + ", pid " + std::to_string(pid);
}

WriteLock::WriteLock(int fd, std::uint64_t device, std::uint64_t inode)
    : m_fd(fd), m_device(device), m_inode(inode), m_ownerPid(static_cast<long>(::getpid()))
{
}

WriteLock::~WriteLock()
{
    Registry &r = registry();
    std::lock_guard guard(r.mutex); // acquire() waits for this teardown before it locks the inode again
    if (m_ownerPid == static_cast<long>(::getpid())) { // not a forked child's copy of its parent's lock
        // Remove the info file while the lock is still held, so that it cannot be another holder's by now.
        if (!m_infoPath.empty())
            lockinfo::remove(m_infoPath, m_ownerPid);
        if (m_fd >= 0)
            ::close(m_fd); // the last descriptor of this open file description: the kernel drops the lock
    }
    const auto it = r.locks.find({m_device, m_inode});
    if (it != r.locks.end() && it->second.expired())
        r.locks.erase(it);
}

void WriteLock::setProgramName(const std::string &name)
{
    std::lock_guard guard(nameMutex());
    programName() = name;
}

std::string WriteLock::infoDirectory() { return lockinfo::directory(); }

bool WriteLock::isOwnedByThisProcess() const { return m_ownerPid == static_cast<long>(::getpid()); }

Result<std::shared_ptr<WriteLock>> WriteLock::acquire(int fd, const std::string &path)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return Error::fromErrno(errno, path);
    const Key key{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
    Registry &r = registry();
    std::unique_lock guard(r.mutex);
    const long self = static_cast<long>(::getpid());
    for (int waited = 0;; ++waited) {
        const auto it = r.locks.find(key);
        if (it == r.locks.end())
            break;
        if (auto shared = it->second.lock()) {
            if (shared->m_ownerPid == self)
                return shared; // this process writes the inode already: share its lock
            break;             // a forked child seeing its parent's entry: the parent is another process
        }
        // The last user just let go and its destructor is about to close the descriptor: wait for it (the
        // destructor needs the mutex), or our own lock would be refused as someone else's.
        if (waited > 1000)
            break;
        guard.unlock();
        ::usleep(100);
        guard.lock();
    }
    // A duplicate shares the open file description (and so the lock) but outlives the mapping's descriptor.
    const int lockFd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (lockFd < 0)
        return Error::fromErrno(errno, path);
    struct flock fl = wholeFile(F_WRLCK);
    if (::fcntl(lockFd, F_OFD_SETLK, &fl) != 0) {
        const int err = errno;
        ::close(lockFd);
        if (err == EAGAIN || err == EACCES) {
            guard.unlock(); // holderOf() looks at the registry too
            auto holder = holderOf(fd);
            const std::string who = holder && *holder ? (*holder)->describe() : WriteLockHolder{}.describe();
            return Error{make_error_code(Errc::WriteLocked), path + " (being written by " + who + ")"};
        }
        if (!unsupported(err))
            return Error::fromErrno(err, path);
        auto unlocked = std::shared_ptr<WriteLock>(new WriteLock(-1, key.first, key.second));
        r.locks[key] = unlocked;
        return unlocked;
    }
    auto lock = std::shared_ptr<WriteLock>(new WriteLock(lockFd, key.first, key.second));
    std::string name;
    {
        std::lock_guard nameGuard(nameMutex());
        name = programName();
    }
    // Best effort: without the info file a refused writer says "another process" instead of our name.
    lock->m_infoPath = lockinfo::write(key.first, key.second, name, lock->m_ownerPid);
    r.locks[key] = lock;
    return lock;
}

Result<std::optional<WriteLockHolder>> WriteLock::holderOf(int fd)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return Error::fromErrno(errno, "fstat");
    struct flock fl = wholeFile(F_WRLCK);
    if (::fcntl(fd, F_OFD_GETLK, &fl) != 0) {
        if (unsupported(errno))
            return std::optional<WriteLockHolder>{};
        return Error::fromErrno(errno, "fcntl(F_OFD_GETLK)");
    }
    if (fl.l_type == F_UNLCK)
        return std::optional<WriteLockHolder>{};
    const Key key{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
    if (fl.l_pid <= 0 && holdsOwnLock(key))
        return std::optional<WriteLockHolder>{}; // our own lock, seen through another open file description
    WriteLockHolder holder;
    if (fl.l_pid > 0) { // a classic POSIX lock: the kernel names its process
        holder.pid = static_cast<long>(fl.l_pid);
        holder.program = lockinfo::processName(holder.pid);
        return std::optional<WriteLockHolder>{holder};
    }
    if (auto info = lockinfo::read(key.first, key.second))
        holder = *info;
    return std::optional<WriteLockHolder>{holder};
}

Result<std::optional<WriteLockHolder>> WriteLock::holderOfPath(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return Error::fromErrno(errno, path);
    auto holder = holderOf(fd);
    ::close(fd);
    if (!holder)
        return Error{holder.code(), path};
    return holder;
}

} // namespace hexmap
