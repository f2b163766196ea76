#include "core/jobworker.h"

#include "core/errors.h"
#include "core/jobgate.h"
#include "core/patternkernel.h"

#include <algorithm>
#include <cstring>

namespace hexmap {

JobWorker::JobWorker(WriteRange token, const JobSpec &spec, std::uint64_t chunkSize)
    : m_token(std::move(token)), m_spec(spec), m_range(m_token.range()), m_chunkSize(chunkSize)
{
}

void JobWorker::abandon()
{
    WriteRange dropped = std::move(m_token);
    setState(WorkerState::Failed);
}

WorkerSnapshot JobWorker::snapshot() const
{
    WorkerSnapshot s;
    s.range = m_range;
    s.state = m_state.load(std::memory_order_acquire);
    s.bytesDone = m_bytesDone.load(std::memory_order_acquire);
    s.bytesSynced = m_bytesSynced.load(std::memory_order_acquire);
    return s;
}

std::uint64_t JobWorker::chunkEnd(std::uint64_t pos, std::uint64_t chunk) const
{
    // Chunks end on page boundaries (so fallocate and msync never straddle two chunks' pages) or at the end.
    const std::uint64_t end = m_range.end();
    if (chunk >= end - pos)
        return end;
    const std::uint64_t page = MappedFile::pageSize();
    const std::uint64_t aligned = (pos + chunk) / page * page;
    return aligned > pos ? aligned : pos + chunk;
}

Status JobWorker::run(MappedFile &file, JobGate &gate, const PatternKernel *kernel, const ChunkHook *hook)
{
    // The token lives in this frame: the bytes stay reserved exactly while this worker runs.
    WriteRange token = std::move(m_token);
    setState(WorkerState::Running);
    const JobOperation op = m_spec.operation;
    std::byte *base = nullptr;
    if (op == JobOperation::Fill || op == JobOperation::Pattern) {
        auto bytes = file.bytes(token);
        if (!bytes) {
            setState(WorkerState::Failed);
            return bytes.error();
        }
        base = bytes->data();
        // Real blocks for the whole range up front: a full disk fails here, not as SIGBUS mid-write. Not over a
        // range already cut off on disk (the reservation keeps the size, but would allocate blocks past the end).
        if (auto onDisk = checkSizeOnDisk(file, m_range.end()); !onDisk) {
            setState(WorkerState::Failed);
            return onDisk.error();
        }
        if (auto s = file.reserve(m_range); !s) {
            setState(WorkerState::Failed);
            return s;
        }
    }
    std::uint64_t chunksDone = 0;
    WorkerState current = WorkerState::Running;
    auto onPause = [&](bool paused) { setState(paused ? WorkerState::Paused : current); };
    for (std::uint64_t pos = m_range.offset; pos < m_range.end();) {
        if (!gate.pass(chunksDone, onPause)) {
            setState(WorkerState::Cancelled);
            return {};
        }
        const ByteRange chunk = ByteRange::fromBounds(pos, chunkEnd(pos, m_chunkSize));
        // A chunk past the end on disk would write into the guard's zero pages (or, for a pwrite, regrow the
        // file): one fstat per chunk (chunks are MiBs) turns that into a FileTruncated error first.
        const auto before = checkSizeOnDisk(file, chunk.end());
        if (!before) {
            setState(WorkerState::Failed);
            return before.error();
        }
        if (hook)
            (*hook)(ChunkPoint::Checked, chunk);
        if (auto s = writeChunk(file, base, chunk, kernel); !s) {
            setState(WorkerState::Failed);
            return s;
        }
        if (hook)
            (*hook)(ChunkPoint::Written, chunk);
        // Cut while the chunk was written: writes through the mapping past the new end landed in zero pages that
        // the SIGBUS guard mapped over the lost tail (the flag), and any cut shows as a smaller size on disk than
        // before the chunk (fallocate keeps the size; see writeThrough for pwrite). Stop with the cause instead of
        // reporting the chunk (or, for the last one, the job) as done.
        const std::uint64_t expected = std::min(*before, file.size()); // a file grown past the mapping may shrink back
        if (auto after = file.sizeOnDisk(); file.wasTruncatedOnDisk() || !after || *after < expected) {
            setState(WorkerState::Failed);
            if (!file.wasTruncatedOnDisk() && !after)
                return after.error();
            return truncatedError(file);
        }
        pos = chunk.end();
        ++chunksDone;
        m_bytesDone.store(pos - m_range.offset, std::memory_order_release);
        if (op == JobOperation::Sync)
            m_bytesSynced.store(pos - m_range.offset, std::memory_order_release);
    }
    if (m_spec.syncWhenDone && op != JobOperation::Sync) {
        current = WorkerState::Syncing;
        setState(current);
        auto onSyncPause = [&](bool paused) { setState(paused ? WorkerState::Paused : current); };
        for (std::uint64_t pos = m_range.offset; pos < m_range.end();) {
            if (!gate.pass(chunksDone, onSyncPause)) {
                setState(WorkerState::Cancelled);
                return {};
            }
            const std::uint64_t next = chunkEnd(pos, m_spec.syncChunkSize);
            if (auto s = syncChunk(file, ByteRange::fromBounds(pos, next), m_spec.syncChunkSize); !s) {
                setState(WorkerState::Failed);
                return s;
            }
            pos = next;
            ++chunksDone;
            m_bytesSynced.store(pos - m_range.offset, std::memory_order_release);
        }
    }
    setState(WorkerState::Done);
    return {};
}

Status JobWorker::writeChunk(MappedFile &file, std::byte *base, ByteRange chunk, const PatternKernel *kernel)
{
    std::byte *dst = base ? base + (chunk.offset - m_range.offset) : nullptr;
    const auto n = static_cast<std::size_t>(chunk.size);
    const bool viaCache = m_spec.writeMethod == WriteMethod::PageCache;
    switch (m_spec.operation) {
    case JobOperation::Fill:
        if (viaCache)
            return writeThrough(file, base, chunk, *kernel);
        if (m_spec.prefault)
            (void)file.prefaultForWrite(chunk); // an optimisation only: kernels without it just fault lazily
        std::memset(dst, std::to_integer<int>(m_spec.fillByte), n);
        return {};
    case JobOperation::Pattern:
        if (viaCache)
            return writeThrough(file, base, chunk, *kernel);
        if (m_spec.prefault)
            (void)file.prefaultForWrite(chunk);
        kernel->write({dst, n}, chunk.offset - m_spec.range.offset);
        return {};
    case JobOperation::Zero:
        return file.zero(chunk, m_spec.zeroMode);
    case JobOperation::Flush:
        return file.flushRangeAsync(chunk);
    case JobOperation::Sync:
        return syncChunk(file, chunk, m_chunkSize);
    }
    return {};
}

Status JobWorker::syncChunk(MappedFile &file, ByteRange chunk, std::uint64_t chunkSize)
{
    // Start writeback of the next chunk, then wait for this one (msync MS_SYNC): the device always has the next
    // chunk's I/O queued while we wait for a cache flush, yet each chunk is durable when its progress is stored.
    // Measured 1.0-1.25x one whole-range msync vs 1.3-1.8x for plain chunked msync (docs/BENCHMARKS.md ## Jobs).
    if (chunk.end() < m_range.end()) {
        const std::uint64_t next = chunkEnd(chunk.end(), chunkSize);
        (void)file.flushRangeAsync(ByteRange::fromBounds(chunk.end(), next)); // a hint: msync still does it all
    }
    return file.syncRange(chunk);
}

Status JobWorker::writeThrough(MappedFile &file, std::byte *base, ByteRange chunk, const PatternKernel &kernel)
{
    // pwrite from the kernel's cache-resident block (>= 256 KiB of whole periods) rather than memset through the
    // mapping: measured 1.2-2x faster here (no 4 KiB write faults, no read of uncached pages that are about to be
    // overwritten), and a full disk is an ENOSPC error, not a SIGBUS. Same page cache, so the mapping sees it.
    //
    // A pwrite past the end on disk regrows the file, and nothing stops another process from cutting the file
    // between a size check and the pwrite. So each block is checked (fstat) right before its pwrite (again inside
    // MappedFile::writeThrough) and right after it: a cut in between shows as a smaller size than before, because
    // a regrowing pwrite can only give the file back the size up to the block's end, and a block never ends at the
    // end on disk - the last page of the file goes through the mapping, which never changes the size (past the
    // end it hits the SIGBUS guard's zero page and sets the flag the caller checks). What remains: a cut landing
    // between writeThrough's fstat and its pwrite (microseconds) is detected and fails the job, but the file is
    // left regrown to the block's end (zeros from the cut up to the block); docs/RELIABILITY.md, Known gaps.
    const std::uint64_t page = MappedFile::pageSize();
    std::uint64_t phase = chunk.offset - m_spec.range.offset;
    for (std::uint64_t pos = chunk.offset; pos < chunk.end();) {
        const std::span<const std::byte> src = kernel.source(phase);
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(src.size(), chunk.end() - pos));
        const auto before = checkSizeOnDisk(file, pos + n);
        if (!before)
            return before.error();
        const std::uint64_t expected = std::min(*before, file.size());
        const std::size_t viaMapping =
            pos + n == expected ? static_cast<std::size_t>(std::min<std::uint64_t>(n, page)) : 0;
        if (n > viaMapping) {
            if (auto s = file.writeThrough(pos, src.first(n - viaMapping)); !s)
                return s;
        }
        if (viaMapping > 0)
            std::memcpy(base + (pos + n - viaMapping - m_range.offset), src.data() + (n - viaMapping), viaMapping);
        const auto after = file.sizeOnDisk();
        if (!after)
            return after.error();
        if (*after < expected)
            return truncatedError(file);
        pos += n;
        phase += n;
    }
    return {};
}

Result<std::uint64_t> JobWorker::checkSizeOnDisk(const MappedFile &file, std::uint64_t end)
{
    auto onDisk = file.sizeOnDisk();
    if (!onDisk)
        return onDisk.error();
    if (*onDisk < end)
        return truncatedError(file);
    return *onDisk;
}

Error JobWorker::truncatedError(const MappedFile &file)
{
    return Error{make_error_code(Errc::FileTruncated), file.path()};
}

} // namespace hexmap
