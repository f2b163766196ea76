#include "ui/pane/documentranges.h"

#include "core/originaltodocument.h"

#include <algorithm>

namespace hexmap::DocumentRanges {

std::vector<ByteRange> ranges(const OriginalToDocument *map, const std::vector<ByteRange> &fileRanges)
{
    if (!map)
        return fileRanges;
    std::vector<ByteRange> out;
    out.reserve(fileRanges.size());
    for (const ByteRange &r : fileRanges)
        map->forEach(r, [&](ByteRange part, std::uint64_t) { out.push_back(part); });
    return out;
}

std::vector<JobCenter::WorkerTrack> tracks(const OriginalToDocument *map,
                                           const std::vector<JobCenter::WorkerTrack> &fileTracks)
{
    if (!map)
        return fileTracks;
    std::vector<JobCenter::WorkerTrack> out;
    out.reserve(fileTracks.size());
    for (const JobCenter::WorkerTrack &t : fileTracks) {
        const std::uint64_t doneEnd = t.range.offset + t.done; // the written prefix ends here in the file
        map->forEach(t.range, [&](ByteRange part, std::uint64_t original) {
            JobCenter::WorkerTrack moved = t;
            moved.range = part;
            moved.done = doneEnd > original ? std::min(part.size, doneEnd - original) : 0;
            out.push_back(moved);
        });
    }
    return out;
}

} // namespace hexmap::DocumentRanges
