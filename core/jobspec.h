#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hexmap {

enum class JobOperation {
    Fill,    // every byte of the range = fillByte
    Zero,    // every byte = 0; zeroMode chooses whether whole blocks keep or release their disk space
    Pattern, // byte i of the range = pattern[i % pattern.size()] (aligned to the range start)
    Flush,   // start writeback of the range's dirty pages (sync_file_range WRITE): nothing promised durable
    Sync,    // make the range durable (msync MS_SYNC), chunk by chunk
};

// How Fill and Pattern jobs put their bytes into the file. Both write through the shared mapping, never with
// pwrite: a pwrite past the end regrows a file that another program cut, and no size check can rule that out
// (docs/RELIABILITY.md, issue 13). Stores into a MAP_SHARED mapping never change the size.
enum class WriteMethod {
    PageCache, // the default (the name is historical: it was pwrite through the page cache until issue 13):
               // MADV_POPULATE_WRITE of each chunk, then memset/memcpy. A page past the end on disk, or a hole
               // without a block on a full disk, fails the prefault (EFAULT) before any byte of the chunk is written.
    Mapping,   // memset/memcpy through the mapping, prefaulted per chunk only when JobSpec::prefault is set;
               // without it, faults past the end go to the SIGBUS guard (checked after every chunk)
};

// What a Job does. Plain value; any thread.
struct JobSpec {
    // Default write chunk: the bytes a worker writes between progress updates and cancel checks. 8 MiB keeps
    // per-chunk overhead (progress store, madvise) under 1 % and cancel latency under ~5 ms (bench_jobs).
    static constexpr std::uint64_t kDefaultChunkSize = 8ull << 20;
    // Default sync chunk (Sync jobs and syncWhenDone): 64 MiB keeps each msync under ~100 ms while costing
    // little over one whole-range msync (DESIGN §8; bench_jobs).
    static constexpr std::uint64_t kDefaultSyncChunkSize = 64ull << 20;
    // Default Zero chunk: one fallocate per chunk. 2 GiB in 8 MiB chunks cost 0.4-0.8 s with PUNCH_HOLE on this
    // `discard` mount; 256 MiB chunks 46-54 ms for 1 GiB (bench_jobs sweep). ZERO_RANGE of 256 MiB takes ~1 ms.
    static constexpr std::uint64_t kDefaultZeroChunkSize = 256ull << 20;
    static constexpr std::size_t kMaxPatternSize = 64 * 1024;
    static constexpr unsigned kMaxThreads = 256;

    JobOperation operation = JobOperation::Fill;
    ByteRange range;
    unsigned threads = 0;        // 0: std::thread::hardware_concurrency()
    std::uint64_t chunkSize = 0; // 0: the default for the operation (above); rounded up to pages
    std::uint64_t syncChunkSize = kDefaultSyncChunkSize; // for the sync pass of syncWhenDone
    std::byte fillByte{0};
    std::vector<std::byte> pattern; // Pattern only: 1 .. kMaxPatternSize bytes
    ZeroMode zeroMode = ZeroMode::KeepSpace;
    bool syncWhenDone = false; // Fill/Zero/Pattern: sync each worker's range (in syncChunkSize chunks) at the end
    WriteMethod writeMethod = WriteMethod::PageCache; // Fill/Pattern
    bool prefault = true; // Fill/Pattern with WriteMethod::Mapping: MADV_POPULATE_WRITE each chunk before writing
                          // (WriteMethod::PageCache always does)
    // The workers lower their CPU priority (nice +10, core/threadpriority.h) so that an interactive thread of the
    // same process (the GUI's) gets the CPU at once; jobs run from the GUI set it, the CLI does not.
    bool background = false;
};

} // namespace hexmap
