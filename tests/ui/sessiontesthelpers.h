#pragma once

#include "ui/document/editsession.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <vector>

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

} // namespace sessiontest
