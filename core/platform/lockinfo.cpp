#include "core/platform/lockinfo.h"

#include <cerrno>
#include <csignal>
#include <dirent.h>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap::lockinfo {
namespace {

// A folder we may trust with our info files: a real directory (not a symlink) owned by us.
bool usableDirectory(const std::string &dir)
{
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) {
        if (errno != ENOENT || ::mkdir(dir.c_str(), 0700) != 0)
            return false;
        if (::lstat(dir.c_str(), &st) != 0)
            return false;
    }
    return S_ISDIR(st.st_mode) && st.st_uid == ::geteuid();
}

std::string infoName(std::uint64_t device, std::uint64_t inode)
{
    char name[64];
    std::snprintf(name, sizeof name, "%llx-%llx", static_cast<unsigned long long>(device),
                  static_cast<unsigned long long>(inode));
    return name;
}

// Reads at most `limit` bytes of a small file; empty when it cannot be read.
std::string slurp(const std::string &path, std::size_t limit)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return {};
    std::string text(limit, '\0');
    std::size_t got = 0;
    while (got < limit) {
        const ssize_t n = ::read(fd, text.data() + got, limit - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    text.resize(got);
    return text;
}

// "PROGRAM\nPID\n" -> holder; nullopt when malformed.
std::optional<WriteLockHolder> parse(const std::string &text)
{
    const auto newline = text.find('\n');
    if (newline == std::string::npos || newline == 0)
        return std::nullopt;
    WriteLockHolder holder;
    holder.program = text.substr(0, newline);
    char *end = nullptr;
    const long pid = std::strtol(text.c_str() + newline + 1, &end, 10);
    if (pid <= 0 || end == text.c_str() + newline + 1)
        return std::nullopt;
    holder.pid = pid;
    return holder;
}

// Removes the info files of holders that died without cleaning up (killed, crashed): they are stale anyway.
void sweepStale(const std::string &dir, const std::string &keep)
{
    DIR *d = ::opendir(dir.c_str());
    if (!d)
        return;
    while (const dirent *entry = ::readdir(d)) {
        const std::string name = entry->d_name;
        if (name == "." || name == ".." || name == keep || name.find('.') != std::string::npos)
            continue; // ours, or another writer's temporary file
        const std::string path = dir + "/" + name;
        const auto holder = parse(slurp(path, 512));
        if (holder && !isAlive(holder->pid))
            ::unlink(path.c_str());
    }
    ::closedir(d);
}

} // namespace

std::string directory()
{
    const char *runtime = std::getenv("XDG_RUNTIME_DIR");
    if (runtime && runtime[0] == '/') {
        const std::string dir = std::string(runtime) + "/hexmap-locks";
        if (usableDirectory(dir))
            return dir;
    }
    const std::string dir = "/tmp/hexmap-locks-" + std::to_string(::geteuid());
    return usableDirectory(dir) ? dir : std::string();
}

std::string write(std::uint64_t device, std::uint64_t inode, const std::string &program, long pid)
{
    const std::string dir = directory();
    if (dir.empty())
        return {};
    const std::string path = dir + "/" + infoName(device, inode);
    const std::string temp = path + "." + std::to_string(pid) + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return {};
    // The program name is one line: a newline in it would make the file unreadable.
    std::string text;
    for (char c : program)
        text += (c == '\n' || c == '\r') ? '?' : c;
    text += "\n" + std::to_string(pid) + "\n";
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (!written || ::rename(temp.c_str(), path.c_str()) != 0) {
        ::unlink(temp.c_str());
        return {};
    }
    sweepStale(dir, infoName(device, inode));
    return path;
}

void remove(const std::string &path, long pid)
{
    const auto holder = parse(slurp(path, 512));
    if (holder && holder->pid == pid)
        ::unlink(path.c_str());
}

std::optional<WriteLockHolder> read(std::uint64_t device, std::uint64_t inode)
{
    const std::string dir = directory();
    if (dir.empty())
        return std::nullopt;
    auto holder = parse(slurp(dir + "/" + infoName(device, inode), 512));
    if (!holder || !isAlive(holder->pid))
        return std::nullopt; // none, malformed, or stale: its writer died without removing it
    return holder;
}

std::string processName(long pid)
{
    std::string name = slurp("/proc/" + std::to_string(pid) + "/comm", 64);
    while (!name.empty() && (name.back() == '\n' || name.back() == '\0'))
        name.pop_back();
    return name;
}

bool isAlive(long pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

} // namespace hexmap::lockinfo
