#pragma once

#include "core/jobhook.h"
#include "core/jobsnapshot.h"
#include "core/jobspec.h"
#include "core/mappedfile.h"
#include "core/result.h"
#include "core/writerange.h"

#include <atomic>
#include <cstdint>
#include <optional>

namespace hexmap {

class JobGate;
class JobSpace;
class PatternKernel;

// One worker of a Job: owns the WriteRange token of its part of the range and handles it front to back in
// chunks, publishing its progress (release stores after each chunk) for snapshot() from any thread.
// Fill, Zero and Pattern write each chunk through a token split off the worker's token (so every write is checked
// against the file and the range it was granted) and collect the WriteReceipts, which the sync pass of
// syncWhenDone syncs: only bytes this worker wrote. The tokens are dropped as soon as run() ends, so the file's
// reservation ends with the last worker.
// Fill and Pattern write through the shared mapping only (never pwrite: see writeChunk), after reserving the
// blocks of their range's holes (JobSpace), which a worker that fails or is cancelled gives back. A file too large
// to map (MappedFile::isMapped() false) is written with pwrite, each piece checked against the size on disk.
// Thread: run() on the worker's own thread, once; snapshot() from any thread.
class JobWorker {
public:
    JobWorker(WriteRange token, const JobSpec &spec, std::uint64_t chunkSize);
    JobWorker(const JobWorker &) = delete;
    JobWorker &operator=(const JobWorker &) = delete;

    // Runs the operation over the token's range. Returns the error that stopped it (the state is then Failed),
    // or success (state Done, or Cancelled when the gate said stop: bytesDone tells exactly what was written).
    // `hook` (may be null) is the test hook called around each write chunk.
    Status run(MappedFile &file, JobGate &gate, const PatternKernel *kernel, const ChunkHook *hook = nullptr);

    // Drops the token without running (the job could not start this worker's thread); state becomes Failed.
    void abandon();

    WorkerSnapshot snapshot() const;
    ByteRange range() const { return m_range; }

private:
    // Splits the token of `chunk` (a front part of `rest`, ending on a page boundary or at rest's end) off `rest`.
    static Result<WriteRange> takeChunk(WriteRange &rest, ByteRange chunk);
    // Writes (or flushes/syncs) the chunk covered by `chunkToken`; the receipt for Fill, Zero, Pattern.
    // `dirtyEnd` moves to the chunk's end once bytes of it may be written (the space given back starts there).
    Result<std::optional<WriteReceipt>> writeChunk(MappedFile &file, const WriteRange &chunkToken,
                                                   const PatternKernel *kernel, const JobSpace &space,
                                                   std::uint64_t &dirtyEnd);
    // Pattern on a file too large to map: pwrite of the chunk from the kernel's source blocks (no scratch copy);
    // `phase` is the chunk's distance from the range start. The receipt of the whole chunk, or write()'s errors.
    static Result<WriteReceipt> writePatternUnmapped(MappedFile &file, const WriteRange &chunkToken,
                                                     const PatternKernel &kernel, std::uint64_t phase);
    static Result<std::optional<WriteReceipt>> receiptOrError(Result<WriteReceipt> receipt);
    Status prefault(MappedFile &file, ByteRange chunk, const JobSpace &space);
    // The size on disk when it covers [0, end); Errc::FileTruncated (naming the file) when it does not, or errno.
    static Result<std::uint64_t> checkSizeOnDisk(const MappedFile &file, std::uint64_t end);
    static Error truncatedError(const MappedFile &file);
    Status syncChunk(MappedFile &file, ByteRange chunk, std::uint64_t chunkSize);
    // The sync pass of syncWhenDone: syncs the slice `chunk` of `written` (after starting writeback of the next).
    Status syncWritten(MappedFile &file, const WriteReceipt &written, ByteRange chunk);
    std::uint64_t chunkEnd(std::uint64_t pos, std::uint64_t chunk) const;
    void setState(WorkerState state) { m_state.store(state, std::memory_order_release); }

    WriteRange m_token;
    const JobSpec &m_spec;
    const ByteRange m_range;
    const std::uint64_t m_chunkSize;
    std::atomic<std::uint64_t> m_bytesDone{0};
    std::atomic<std::uint64_t> m_bytesSynced{0};
    std::atomic<WorkerState> m_state{WorkerState::Pending};
};

} // namespace hexmap
