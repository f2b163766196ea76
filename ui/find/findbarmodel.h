#pragma once

#include "core/byterange.h"
#include "core/result.h"
#include "core/searchpattern.h"

#include <QString>

#include <cstdint>

namespace hexmap {

// The find bar's logic without widgets: turning what the user typed into a SearchPattern (or a message saying
// what is wrong), and where "find next" / "find previous" start from the cursor and selection.
// Plain functions over values. Thread: any.
class FindBarModel {
public:
    enum class Mode { Hex, Text, Utf16 };

    struct Start {
        std::uint64_t from = 0;     // passed to SearchScan::findNext
        bool wrappedAlready = false; // the start passed an end of the file: any hit counts as wrapped
    };

    // The pattern for `text` in `mode`; ignoreCase applies to the text modes only. Fails with the engine's
    // errors (Errc::ParseError / Errc::InvalidArgument) for malformed or empty input; message() names the problem.
    // Whether the bar's two groups of controls fit side by side in `width` pixels (their minimum widths, the
    // spacing between them and the bar's horizontal margins); otherwise they are stacked in two rows.
    static bool fitsOneRow(int width, int firstMinimum, int secondMinimum, int spacing, int margins)
    {
        return width >= firstMinimum + spacing + secondMinimum + margins;
    }
    static Result<SearchPattern> pattern(Mode mode, const QString &text, bool ignoreCase);

    // A short message for the bar when `text` does not make a pattern ("" when it does or when text is empty).
    static QString validationMessage(Mode mode, const QString &text, bool ignoreCase);

    // Next: the selection's end when there is a selection, else cursor + 1; wraps to 0 past the end.
    // Previous: one before the selection's start (or the cursor); wraps to size - 1 before 0.
    // fileSize must be >= 1. Never fails.
    static Start nextStart(std::uint64_t cursor, ByteRange selection, std::uint64_t fileSize);
    static Start previousStart(std::uint64_t cursor, ByteRange selection, std::uint64_t fileSize);

    // A fixed-width hex rendering of `before` bytes, the match in brackets and `after` bytes, e.g.
    // "6C 6F [68 65 6C 6C 6F] 20 77" (clamped at the file's ends). For the results list. Never fails.
    static QString contextText(const std::byte *data, std::uint64_t fileSize, std::uint64_t offset,
                               std::uint64_t length, std::uint64_t before = 4, std::uint64_t after = 4);
};

} // namespace hexmap
