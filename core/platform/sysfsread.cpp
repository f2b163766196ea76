#include "core/platform/sysfsread.h"

#include <cctype>
#include <charconv>
#include <dirent.h>
#include <fstream>
#include <sys/stat.h>

namespace hexmap::sysfs {

std::optional<std::string> readLine(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || S_ISDIR(st.st_mode))
        return std::nullopt;
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    std::string line;
    if (!std::getline(in, line) && !in.eof())
        return std::nullopt;
    if (in.bad())
        return std::nullopt;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
        line.pop_back();
    return line;
}

std::optional<std::uint64_t> readNumber(const std::string &path)
{
    const auto line = readLine(path);
    if (!line || line->empty())
        return std::nullopt;
    std::uint64_t value = 0;
    const char *end = line->data() + line->size();
    const auto [ptr, ec] = std::from_chars(line->data(), end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> readDevNumbers(const std::string &path)
{
    const auto line = readLine(path);
    if (!line)
        return std::nullopt;
    const auto colon = line->find(':');
    if (colon == std::string::npos)
        return std::nullopt;
    std::uint32_t major = 0, minor = 0;
    const char *begin = line->data();
    const char *end = begin + line->size();
    const auto a = std::from_chars(begin, begin + colon, major);
    const auto b = std::from_chars(begin + colon + 1, end, minor);
    if (a.ec != std::errc() || a.ptr != begin + colon || b.ec != std::errc() || b.ptr != end)
        return std::nullopt;
    return std::pair{major, minor};
}

std::string trimmed(const std::string &s)
{
    std::size_t begin = 0, end = s.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(s[begin])))
        ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(s[end - 1])))
        --end;
    return s.substr(begin, end - begin);
}

std::vector<std::string> folderEntries(const std::string &path)
{
    std::vector<std::string> names;
    DIR *dir = ::opendir(path.c_str());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    ::closedir(dir);
    return names;
}

bool exists(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

bool naturalLess(const std::string &a, const std::string &b)
{
    std::size_t i = 0, j = 0;
    auto isDigit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && isDigit(a[ie]))
                ++ie;
            while (je < b.size() && isDigit(b[je]))
                ++je;
            // Compare by value: strip leading zeros, then the longer number is larger, then digit by digit.
            std::size_t is = i, js = j;
            while (is + 1 < ie && a[is] == '0')
                ++is;
            while (js + 1 < je && b[js] == '0')
                ++js;
            if (ie - is != je - js)
                return ie - is < je - js;
            const int c = a.compare(is, ie - is, b, js, je - js);
            if (c != 0)
                return c < 0;
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return a.size() - i < b.size() - j;
    return a < b; // equal by value ("a01" vs "a1"): any consistent order
}

} // namespace hexmap::sysfs
