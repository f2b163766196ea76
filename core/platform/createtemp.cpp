#include "core/createtemp.h"

#include <atomic>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap::createtemp {
namespace {

enum SlotState : int { Free = 0, Writing = 1, Ready = 2 };

struct Slot {
    std::atomic<int> state{Free};
    char path[kPathCapacity];
};

Slot g_slots[kSlots];
std::atomic<Hook> g_hook{nullptr};
static_assert(std::atomic<int>::is_always_lock_free);

bool isTempName(const char *name)
{
    const std::size_t prefix = std::strlen(kPrefix);
    return std::strncmp(name, kPrefix, prefix) == 0 && std::strlen(name) == prefix + 6;
}

} // namespace

int registerPath(const std::string &path)
{
    if (path.size() >= kPathCapacity)
        return -1;
    for (std::size_t i = 0; i < kSlots; ++i) {
        int expected = Free;
        if (!g_slots[i].state.compare_exchange_strong(expected, Writing, std::memory_order_acquire))
            continue;
        std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
        g_slots[i].state.store(Ready, std::memory_order_release);
        return static_cast<int>(i);
    }
    return -1;
}

void unregisterPath(int slot)
{
    if (slot < 0 || static_cast<std::size_t>(slot) >= kSlots)
        return;
    g_slots[slot].state.store(Free, std::memory_order_release);
}

int unlinkRegistered()
{
    int removed = 0;
    for (Slot &slot : g_slots) {
        int expected = Ready;
        // Writing while unlinking keeps a concurrent unregister/register from reusing the buffer meanwhile.
        if (!slot.state.compare_exchange_strong(expected, Writing, std::memory_order_acquire))
            continue;
        if (::unlink(slot.path) == 0)
            ++removed;
        slot.state.store(Free, std::memory_order_release);
    }
    return removed;
}

int removeStale(const std::string &directory)
{
    DIR *dir = ::opendir(directory.c_str());
    if (!dir)
        return 0;
    const int dirFd = ::dirfd(dir);
    const std::time_t now = std::time(nullptr);
    int removed = 0;
    while (const dirent *entry = ::readdir(dir)) {
        if (!isTempName(entry->d_name))
            continue;
        const int fd = ::openat(dirFd, entry->d_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
        if (fd < 0)
            continue;
        struct stat opened {};
        struct stat named {};
        // Only an unlocked regular file, unchanged for a while, that the name still designates after locking.
        if (::fstat(fd, &opened) == 0 && S_ISREG(opened.st_mode) && now - opened.st_mtime > kStaleSeconds
            && ::flock(fd, LOCK_EX | LOCK_NB) == 0
            && ::fstatat(dirFd, entry->d_name, &named, AT_SYMLINK_NOFOLLOW) == 0 && named.st_dev == opened.st_dev
            && named.st_ino == opened.st_ino && ::unlinkat(dirFd, entry->d_name, 0) == 0)
            ++removed;
        ::close(fd);
    }
    ::closedir(dir);
    return removed;
}

void setHook(Hook hook) { g_hook.store(hook); }

void runHook(const char *stage)
{
    if (Hook hook = g_hook.load())
        hook(stage);
}

} // namespace hexmap::createtemp
