#pragma once

#include "core/savelayout.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace hexmap {

// ShiftCost: what saving inserts/deletes in place costs, in words for the question before a large Save ("Save moves
// 812.00 GiB from offset 0x1000 in place and writes 4 B; about 4 minutes."). The time is an estimate from a
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
    // What saving a document in place costs (core/savelayout.h): file bytes that move, bytes written from memory
    // or fills, and the first offset where anything changes.
    struct SaveCost {
        std::uint64_t movedBytes = 0;
        std::uint64_t writtenBytes = 0;
        std::uint64_t from = 0;
    };
    static SaveCost saveCost(const SaveLayout &layout);
    // "Save moves 812.00 GiB from offset 0x1000 in place and writes 4 B; about 4 minutes."
    static QString saveText(const SaveCost &cost);
    // "0x1000" (upper-case hex digits).
    static QString offsetText(std::uint64_t offset);
};

} // namespace hexmap
