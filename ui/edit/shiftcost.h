#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace hexmap {

// ShiftCost: what an in-place insert/delete costs, in words for the confirmation ("This moves 812.00 GiB
// (everything after 0x1000) in place; about 4 minutes. It cannot be undone."). The time is an estimate from a
// conservative rate (kBytesPerSecond, measured: see shiftcost.cpp), never a promise.
// Plain functions; any thread (GUI thread in practice: the texts are translated).
class ShiftCost {
    Q_DECLARE_TR_FUNCTIONS(hexmap::ShiftCost)
public:
    static const std::uint64_t kBytesPerSecond;

    // Seconds to move `bytes` in place at kBytesPerSecond (plus a fixed sync cost), rounded up.
    static std::uint64_t seconds(std::uint64_t bytes);
    // "less than a second", "about 12 seconds", "about 4 minutes", "about 2 hours".
    static QString durationText(std::uint64_t seconds);
    // The cost sentence: nothing moves (at the end), or "This moves N (everything after 0x…) in place; about T.
    // It cannot be undone."
    static QString movesText(std::uint64_t movedBytes, std::uint64_t after);
    // "0x1000" (upper-case hex digits).
    static QString offsetText(std::uint64_t offset);
};

} // namespace hexmap
