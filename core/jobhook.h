#pragma once

#include "core/byterange.h"

#include <functional>

namespace hexmap {

// Where a job worker is in one write chunk when it calls a ChunkHook (Job::setChunkHook).
enum class ChunkPoint {
    Checked, // the size on disk was checked (it covers the chunk) and nothing of the chunk is written yet
    Written, // the chunk was written; its after-write checks (SIGBUS flag, size on disk) are next
};

// Test hook: called by each worker on its own thread at both points of every write chunk (not of the sync pass
// of syncWhenDone), so a test can truncate the file exactly between a check and the write it guards. Workers call
// it concurrently: it must be thread-safe. Set it before Job::start().
using ChunkHook = std::function<void(ChunkPoint point, ByteRange chunk)>;

} // namespace hexmap
