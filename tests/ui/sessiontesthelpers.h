#pragma once

#include "ui/document/editsession.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

// Helpers shared by the EditSession suites (tst_editsession, tst_editcontroller, tst_insertmode).
namespace sessiontest {

// Bytes from ints: bytes({0xDE, 0xAD}).
inline std::vector<std::byte> bytes(std::initializer_list<int> values)
{
    std::vector<std::byte> out;
    for (int v : values)
        out.push_back(std::byte(v));
    return out;
}

// The unsaved value of the document's byte at `offset`, or nullopt when it is not an edited (inserted or overwritten)
// byte.
inline std::optional<std::byte> editedByte(const hexmap::EditSession &session, std::uint64_t offset)
{
    for (const hexmap::ByteRange &r : session.editedRanges())
        if (r.contains(offset)) {
            std::byte b{};
            session.readDisplayed(offset, std::span<std::byte>(&b, 1));
            return b;
        }
    return std::nullopt;
}

// The first `size` bytes of the file at `path` (fewer at its end) read with pread: what is on the disk, not what a
// mapping shows. Empty when the file cannot be opened.
inline std::vector<std::byte> preadAll(const std::string &path, std::uint64_t size)
{
    std::vector<std::byte> out(size);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    const ssize_t n = ::pread(fd, out.data(), out.size(), 0);
    ::close(fd);
    out.resize(n < 0 ? 0 : std::size_t(n));
    return out;
}

} // namespace sessiontest
