#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace hexmap {

// What a "find all" left on one document: the match offsets (ascending), their length, whether the list was cut
// at the engine's cap, and the line that describes the search. The find feature shows it for the current tab and
// keeps it per document, so switching tabs shows each file's own results and marks. Plain value; GUI thread.
struct SearchState {
    std::vector<std::uint64_t> offsets;
    std::uint64_t patternSize = 1;
    bool capped = false;
    QString description;

    bool isEmpty() const { return offsets.empty(); }
};

} // namespace hexmap
