#include "core/jobworker.h"

#include "core/errors.h"
#include "core/jobgate.h"
#include "core/jobspace.h"
#include "core/patternkernel.h"

#include <algorithm>
#include <span>

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

Result<WriteRange> JobWorker::takeChunk(WriteRange &rest, ByteRange chunk)
{
    // Chunks end on page boundaries inside the range (chunkEnd), or at its end: the last chunk is the rest itself.
    if (chunk.end() >= rest.range().end())
        return std::move(rest);
    auto parts = std::move(rest).split(chunk.end());
    if (!parts)
        return parts.error();
    rest = std::move(parts->second);
    return std::move(parts->first);
}

Status JobWorker::run(MappedFile &file, JobGate &gate, const PatternKernel *kernel, const ChunkHook *hook)
{
    // The tokens live in this frame: the bytes stay reserved exactly while this worker runs. `token` is the part
    // not written yet; each chunk is split off it and written through its own token (the writes are checked
    // against it), and `held` keeps the last chunk's token, so the claim lasts through the sync pass.
    WriteRange token = std::move(m_token);
    WriteRange held;
    std::optional<WriteReceipt> written; // the receipt of every byte this worker wrote: a prefix of its range
    setState(WorkerState::Running);
    const JobOperation op = m_spec.operation;
    const bool writes = op == JobOperation::Fill || op == JobOperation::Pattern;
    JobSpace space;
    // Bytes before dirtyEnd may have been written by this worker; blocks reserved past it were never written.
    std::uint64_t dirtyEnd = m_range.offset;
    auto stop = [&](WorkerState state, Status status) {
        if (writes && state != WorkerState::Done)
            space.giveBack(dirtyEnd); // failed or cancelled: the reserved, unwritten blocks go back to the disk
        setState(state);
        return status;
    };
    if (writes) {
        // Real blocks for the range's holes up front: a full disk fails here, not as a fault mid-write. Not over a
        // range already cut off on disk (the reservation keeps the size, but would allocate blocks past the end).
        if (auto onDisk = checkSizeOnDisk(file, m_range.end()); !onDisk)
            return stop(WorkerState::Failed, onDisk.error());
        if (auto s = space.reserve(file, m_range); !s)
            return stop(WorkerState::Failed, s);
    }
    std::uint64_t chunksDone = 0;
    WorkerState current = WorkerState::Running;
    auto onPause = [&](bool paused) { setState(paused ? WorkerState::Paused : current); };
    for (std::uint64_t pos = m_range.offset; pos < m_range.end();) {
        if (!gate.pass(chunksDone, onPause))
            return stop(WorkerState::Cancelled, {});
        const ByteRange chunk = ByteRange::fromBounds(pos, chunkEnd(pos, m_chunkSize));
        // A chunk past the end on disk would write into the guard's zero pages: one fstat per chunk (chunks are
        // MiBs) turns that into a FileTruncated error first.
        const auto before = checkSizeOnDisk(file, chunk.end());
        if (!before)
            return stop(WorkerState::Failed, before.error());
        auto chunkToken = takeChunk(token, chunk);
        if (!chunkToken)
            return stop(WorkerState::Failed, chunkToken.error());
        if (hook)
            (*hook)(ChunkPoint::Checked, chunk);
        auto receipt = writeChunk(file, *chunkToken, kernel, space, dirtyEnd);
        if (!receipt)
            return stop(WorkerState::Failed, receipt.error());
        held = std::move(*chunkToken);
        if (*receipt) {
            auto joined = written ? written->followedBy(**receipt) : Result<WriteReceipt>(**receipt);
            if (!joined)
                return stop(WorkerState::Failed, joined.error());
            written.emplace(*joined);
        }
        if (hook)
            (*hook)(ChunkPoint::Written, chunk);
        // Cut while the chunk was written: writes through the mapping past the new end landed in zero pages that
        // the SIGBUS guard mapped over the lost tail (the flag), and any cut shows as a smaller size on disk than
        // before the chunk (nothing a job does changes the size). Stop with the cause instead of reporting the
        // chunk (or, for the last one, the job) as done.
        const std::uint64_t expected = std::min(*before, file.size()); // a file grown past the mapping may shrink back
        if (auto after = file.sizeOnDisk(); file.wasTruncatedOnDisk() || !after || *after < expected) {
            if (!file.wasTruncatedOnDisk() && !after)
                return stop(WorkerState::Failed, after.error());
            return stop(WorkerState::Failed, truncatedError(file));
        }
        pos = chunk.end();
        ++chunksDone;
        m_bytesDone.store(pos - m_range.offset, std::memory_order_release);
        if (op == JobOperation::Sync)
            m_bytesSynced.store(pos - m_range.offset, std::memory_order_release);
    }
    dirtyEnd = m_range.end(); // everything is written: nothing to give back from here on
    if (m_spec.syncWhenDone && written) { // Fill, Zero, Pattern: exactly the bytes written (the receipt)
        current = WorkerState::Syncing;
        setState(current);
        auto onSyncPause = [&](bool paused) { setState(paused ? WorkerState::Paused : current); };
        for (std::uint64_t pos = m_range.offset; pos < m_range.end();) {
            if (!gate.pass(chunksDone, onSyncPause))
                return stop(WorkerState::Cancelled, {});
            const std::uint64_t next = chunkEnd(pos, m_spec.syncChunkSize);
            if (auto s = syncWritten(file, *written, ByteRange::fromBounds(pos, next)); !s)
                return stop(WorkerState::Failed, s);
            pos = next;
            ++chunksDone;
            m_bytesSynced.store(pos - m_range.offset, std::memory_order_release);
        }
    }
    return stop(WorkerState::Done, {});
}

Result<std::optional<WriteReceipt>> JobWorker::writeChunk(MappedFile &file, const WriteRange &chunkToken,
                                                         const PatternKernel *kernel, const JobSpace &space,
                                                         std::uint64_t &dirtyEnd)
{
    // Fill and Pattern write through the mapping, never with pwrite. Linux has no pwrite that refuses to extend a
    // file, and a size check before it cannot close the gap: another process's truncate waits on the inode lock
    // while one worker's pwrite holds it, and a second worker, whose fstat still saw the old size, queues its
    // pwrite behind the truncate and regrows the file (docs/RELIABILITY.md, issue 13). Stores into a MAP_SHARED
    // mapping never change the size: past the end they fault, and MADV_POPULATE_WRITE fails (EFAULT) instead.
    // A file too large to map (MappedFile::isMapped() false) has no mapping to store into: there the tokens' writes
    // are pwrites of pieces, each refused (Errc::FileTruncated) when the file on disk is shorter; the check-then-
    // pwrite race above remains for such files only.
    // Fill, Zero and Pattern write through the chunk's token (MappedFile checks it belongs to this file; it covers
    // exactly the chunk) and return its receipt. Flush and Sync write nothing: they act on the range's bytes.
    const ByteRange chunk = chunkToken.range();
    const bool populate = m_spec.writeMethod == WriteMethod::PageCache || m_spec.prefault;
    switch (m_spec.operation) {
    case JobOperation::Fill:
    case JobOperation::Pattern:
        if (populate) {
            if (auto s = prefault(file, chunk, space); !s)
                return s.error(); // nothing of the chunk written: dirtyEnd stays at its start
        }
        dirtyEnd = chunk.end();
        if (m_spec.operation == JobOperation::Fill)
            return receiptOrError(file.fill(chunkToken, m_spec.fillByte));
        if (!file.isMapped()) // pwrite straight from the kernel's expanded block: no copy into a scratch buffer
            return receiptOrError(writePatternUnmapped(file, chunkToken, *kernel, chunk.offset - m_spec.range.offset));
        return receiptOrError(file.generate(chunkToken, [&](std::span<std::byte> out, std::uint64_t offsetInChunk) {
            kernel->write(out, chunk.offset - m_spec.range.offset + offsetInChunk);
        }));
    case JobOperation::Zero:
        return receiptOrError(file.zero(chunkToken, m_spec.zeroMode));
    case JobOperation::Flush:
        if (auto s = file.flushRangeAsync(chunk); !s)
            return s.error();
        return std::optional<WriteReceipt>();
    case JobOperation::Sync:
        if (auto s = syncChunk(file, chunk, m_chunkSize); !s)
            return s.error();
        return std::optional<WriteReceipt>();
    }
    return std::optional<WriteReceipt>();
}

Result<WriteReceipt> JobWorker::writePatternUnmapped(MappedFile &file, const WriteRange &chunkToken,
                                                    const PatternKernel &kernel, std::uint64_t phase)
{
    // The kernel's block holds whole periods plus one: source(phase) continues the pattern for block() bytes.
    std::optional<WriteReceipt> whole;
    for (std::uint64_t at = 0; at < chunkToken.size();) {
        const std::span<const std::byte> source = kernel.source(phase + at);
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(source.size(), chunkToken.size() - at));
        auto written = file.write(chunkToken, at, source.first(n));
        if (!written)
            return written;
        if (whole) {
            auto joined = whole->followedBy(*written);
            if (!joined)
                return joined;
            whole = *joined;
        } else {
            whole = *written;
        }
        at += n;
    }
    if (!whole) // an empty chunk (never cut by the allocator): an empty receipt at its start
        return file.write(chunkToken, 0, {});
    return *whole;
}

Result<std::optional<WriteReceipt>> JobWorker::receiptOrError(Result<WriteReceipt> receipt)
{
    if (!receipt)
        return receipt.error();
    return std::optional<WriteReceipt>(*receipt);
}

Status JobWorker::prefault(MappedFile &file, ByteRange chunk, const JobSpace &space)
{
    // Faults the chunk's pages in writable in one call (no 4 KiB write faults during the memset). A page it cannot
    // fault (past the end on disk, no block for a hole on a full disk, an I/O error) is an error here, before any
    // byte of the chunk is written, instead of a SIGBUS later.
    const Status s = file.prefaultForWrite(chunk);
    if (s || s.code() == std::errc::invalid_argument || s.code() == std::errc::function_not_supported)
        return {}; // done, or a kernel without MADV_POPULATE_WRITE: the stores fault lazily (the guard covers them)
    if (s.code() != std::errc::bad_address)
        return s;
    if (auto onDisk = file.sizeOnDisk(); file.wasTruncatedOnDisk() || (onDisk && *onDisk < chunk.end()))
        return truncatedError(file);
    return space.faultError(file);
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

Status JobWorker::syncWritten(MappedFile &file, const WriteReceipt &written, ByteRange chunk)
{
    // As syncChunk, through slices of the receipt of what this worker wrote: only written bytes are synced.
    if (chunk.end() < m_range.end()) {
        const ByteRange next = ByteRange::fromBounds(chunk.end(), chunkEnd(chunk.end(), m_spec.syncChunkSize));
        if (auto ahead = written.slice(next))
            (void)file.flushRangeAsync(*ahead); // a hint: msync still does it all
    }
    auto part = written.slice(chunk);
    if (!part)
        return part.error();
    return file.syncRange(*part);
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
