#pragma once

#include "core/byterange.h"
#include "ui/document/jobcenter.h"

#include <vector>

namespace hexmap {

class OriginalToDocument;

// DocumentRanges: what jobs report in file offsets (written and synced ranges, worker tracks), moved to where those
// bytes are in the document while inserts or deletes are unsaved, for the overview map. A null map means the
// document is the file in place: everything is returned unchanged. Plain functions; any thread.
namespace DocumentRanges {

// The document parts of each file range (deleted bytes dropped), in order.
std::vector<ByteRange> ranges(const OriginalToDocument *map, const std::vector<ByteRange> &fileRanges);

// Each track cut into its document parts; a part's `done` is the share of the track's written prefix inside it
// (the prefix stays a prefix: edits never reorder the file's bytes).
std::vector<JobCenter::WorkerTrack> tracks(const OriginalToDocument *map,
                                           const std::vector<JobCenter::WorkerTrack> &fileTracks);

} // namespace DocumentRanges
} // namespace hexmap
