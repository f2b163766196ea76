#pragma once

#include "core/jobhook.h"
#include "core/jobsnapshot.h"
#include "core/jobspec.h"
#include "core/mappedfile.h"
#include "core/result.h"
#include "core/writerange.h"

#include <atomic>
#include <cstdint>

namespace hexmap {

class JobGate;
class JobSpace;
class PatternKernel;

// One worker of a Job: owns the WriteRange token of its part of the range and handles it front to back in
// chunks, publishing its progress (release stores after each chunk) for snapshot() from any thread.
// The token is dropped as soon as run() ends, so the file's reservation ends with the last worker.
// Fill and Pattern write through the shared mapping only (never pwrite: see writeChunk), after reserving the
// blocks of their range's holes (JobSpace), which a worker that fails or is cancelled gives back.
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
    // `dirtyEnd` moves to the chunk's end once bytes of it may be written (the space given back starts there).
    Status writeChunk(MappedFile &file, std::byte *base, ByteRange chunk, const PatternKernel *kernel,
                      const JobSpace &space, std::uint64_t &dirtyEnd);
    Status prefault(MappedFile &file, ByteRange chunk, const JobSpace &space);
    // The size on disk when it covers [0, end); Errc::FileTruncated (naming the file) when it does not, or errno.
    static Result<std::uint64_t> checkSizeOnDisk(const MappedFile &file, std::uint64_t end);
    static Error truncatedError(const MappedFile &file);
    Status syncChunk(MappedFile &file, ByteRange chunk, std::uint64_t chunkSize);
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
