#include "core/journallocation.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace {

std::string environment(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

std::string homeDirectory()
{
    std::string home = environment("HOME");
    if (!home.empty())
        return home;
    if (const passwd *pw = ::getpwuid(::getuid()); pw && pw->pw_dir)
        return pw->pw_dir;
    return {};
}

std::string parentOf(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

std::string saveJournalDirectory()
{
    if (std::string dir = environment("HEXMAP_JOURNAL_DIR"); !dir.empty())
        return dir;
    if (std::string data = environment("XDG_DATA_HOME"); !data.empty() && data.front() == '/')
        return data + "/hexmap/journals";
    const std::string home = homeDirectory();
    return home.empty() ? std::string() : home + "/.local/share/hexmap/journals";
}

std::string saveJournalPath(std::uint64_t device, std::uint64_t inode)
{
    const std::string dir = saveJournalDirectory();
    if (dir.empty())
        return {};
    char name[64];
    std::snprintf(name, sizeof name, "%llx-%llx.hexmap-journal", static_cast<unsigned long long>(device),
                  static_cast<unsigned long long>(inode));
    return dir + "/" + name;
}

Status makeJournalDirectory(const std::string &directory)
{
    if (directory.empty())
        return Error::fromErrno(ENOENT, "the journal directory (no HOME)");
    struct stat st {};
    if (::stat(directory.c_str(), &st) == 0)
        return S_ISDIR(st.st_mode) ? Status{} : Status(Error::fromErrno(ENOTDIR, directory));
    if (errno != ENOENT)
        return Error::fromErrno(errno, directory);
    const std::string parent = parentOf(directory);
    if (parent != directory)
        if (auto s = makeJournalDirectory(parent); !s)
            return s;
    if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST)
        return Error::fromErrno(errno, directory);
    return syncDirectory(parent);
}

Status syncDirectory(const std::string &directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return Error::fromErrno(errno, directory);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && err != EINVAL) // EINVAL: a filesystem that cannot sync directories (nothing to do)
        return Error::fromErrno(err, directory);
    return {};
}

std::string canonicalFilePath(const std::string &path)
{
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) == nullptr)
        return path;
    return resolved;
}

} // namespace hexmap
