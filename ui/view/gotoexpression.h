#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace hexmap {

// The outcome of parsing what the user typed into the Go to dialog: an absolute offset, or a message saying
// what is wrong (empty for blank input, which is invalid but not worth a red flag).
struct GotoTarget {
    std::optional<std::uint64_t> offset;
    QString error;
    bool isValid() const { return offset.has_value(); }
};

// Parses a "Go to" expression for a file of fileSize bytes with the cursor at `cursor`. Syntax (case-insensitive,
// spaces allowed around the sign, every number is decimal, 0x hexadecimal or a decimal with a K/M/G/T/KiB/KB/B
// suffix as in parseSize):
//   1234, 0x4D2, 4K    absolute offset
//   +16, +0x10         forward from the cursor
//   -16                back from the cursor
//   end, end-16        from the end of the file ("end" is fileSize, which the view clamps to the last byte)
// The result lies in [0, fileSize]; anything past the end or before the start is an error.
// A plain function without state: any thread.
GotoTarget parseGotoExpression(const QString &text, std::uint64_t cursor, std::uint64_t fileSize);

// The placeholder text showing the syntax above.
QString gotoExpressionPlaceholder();

} // namespace hexmap
