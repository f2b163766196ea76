#include "core/shiftexecutor.h"

#include "core/alignedbuffer.h"
#include "core/shiftjournalformat.h"
#include "core/shiftplan.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace hexmap {
namespace sf = shiftformat;

namespace {

constexpr std::uint64_t kWritebackEvery = std::uint64_t(16) << 20;
// The size check (an fstat) between steps: one per 64 KiB step added 6-10 % system time to a 1-byte insert into
// 1 GiB (0.66 s vs 0.60 s, 6 alternating runs, load 2-3). Checking every 4 MiB moved loses nothing: with the working
// size no cut can hide until the next check, and the steps run meanwhile read either short (an error at once) or,
// moving right, zeros they write at or above the cut, never below it.
constexpr std::uint64_t kCheckSizeEvery = std::uint64_t(4) << 20;

Status readExactly(const ShiftExecution &x, std::uint64_t offset, std::byte *out, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::pread(x.fd, out, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error::fromErrno(errno, x.path + ": reading at offset " + std::to_string(offset));
        if (n == 0) // the plan read this byte when it began, and nothing the save writes shrinks the file
            return Error{make_error_code(Errc::FileTruncated),
                         x.path + ": the file ends before offset " + std::to_string(offset)
                             + " (another program cut it during the save)"};
        out += n;
        offset += static_cast<std::uint64_t>(n);
        size -= static_cast<std::size_t>(n);
    }
    return {};
}

Status writeExactly(const ShiftExecution &x, std::uint64_t offset, const std::byte *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(x.fd, data, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error::fromErrno(n < 0 ? errno : EIO, x.path + ": writing at offset " + std::to_string(offset));
        data += n;
        offset += static_cast<std::uint64_t>(n);
        size -= static_cast<std::size_t>(n);
    }
    return {};
}

// While the steps run the file keeps the size the save grew it to (`expected`, ShiftPlan::workingSize(): one byte past
// everything the save writes, so no write of the save can make a cut file this long again). Another size means
// another program cut or extended the file, so the bytes the next steps read are not the ones the plan was made for:
// stop (the file is then part-way; its journal is kept, recovery refuses a file of another size).
// `alsoFine`: a second acceptable size (the new size, when recovery finds the file already cut to it).
Status checkSize(const ShiftExecution &x, std::uint64_t expected, std::uint64_t alsoFine)
{
    struct stat st {};
    if (::fstat(x.fd, &st) != 0)
        return Error::fromErrno(errno, x.path + ": checking its size");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size == expected || size == alsoFine)
        return {};
    return Error{make_error_code(size < expected ? Errc::FileTruncated : Errc::FileChanged),
                 x.path + ": another program changed its size during the save (it is " + std::to_string(size)
                     + " bytes, the save keeps it at " + std::to_string(expected) + " until it ends)"};
}

Status syncTarget(const ShiftExecution &x)
{
    if (::fdatasync(x.fd) != 0)
        return Error::fromErrno(errno, x.path + ": syncing");
    return {};
}

bool crash(ShiftExecution &x, ShiftPoint point, std::uint64_t step)
{
    if (x.hook && x.hook(point, step) == ShiftHookAction::Crash) {
        x.crashed = true;
        return true;
    }
    return false;
}

Status stopped(ShiftExecution &x)
{
    return Error{make_error_code(Errc::Cancelled),
                 x.path + (x.crashed ? ": stopped by the test hook" : ": the save was cancelled")};
}

// Writes one step's bytes (in two halves when a hook watches, so a test can stop between them: a torn write).
Status writeStep(ShiftExecution &x, std::size_t k, std::uint64_t dst, std::span<const std::byte> bytes)
{
    if (crash(x, ShiftPoint::BeforeWrite, k))
        return stopped(x);
    const std::size_t half = x.hook ? bytes.size() / 2 : bytes.size();
    if (auto s = writeExactly(x, dst, bytes.data(), half); !s)
        return s;
    if (half < bytes.size()) {
        if (crash(x, ShiftPoint::TornWrite, k))
            return stopped(x);
        if (auto s = writeExactly(x, dst + half, bytes.data() + half, bytes.size() - half); !s)
            return s;
    }
    if (crash(x, ShiftPoint::AfterWrite, k))
        return stopped(x);
    return {};
}

// A progress record; in durable mode the target's data written so far reaches the disk first.
Status record(ShiftExecution &x, std::uint32_t kind, std::uint64_t step, std::span<const std::byte> payload = {})
{
    if (!x.records.isActive())
        return {};
    if (x.durable)
        if (auto s = syncTarget(x); !s)
            return s;
    return x.records.write(kind, step, payload);
}

Status writePieces(ShiftExecution &x, std::span<std::byte> buffer)
{
    const SaveLayout &layout = x.plan->layout();
    for (std::size_t i = 0; i < layout.size(); ++i) {
        const SavePiece &p = layout[i];
        if (p.kind == SavePiece::Kind::Original)
            continue;
        for (std::uint64_t done = 0; done < p.length;) {
            if (x.counters->cancel.load(std::memory_order_relaxed)) {
                x.cancelled = true;
                return stopped(x);
            }
            const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(p.length - done, buffer.size()));
            if (p.kind == SavePiece::Kind::Memory) {
                if (auto s = x.memory(i, done, std::span(buffer).first(n)); !s)
                    return s;
            } else {
                const std::vector<std::byte> &pattern = *p.bytes;
                std::size_t phase = static_cast<std::size_t>((p.src + done) % pattern.size());
                for (std::size_t at = 0; at < n;) {
                    const std::size_t m = std::min(n - at, pattern.size() - phase);
                    std::memcpy(buffer.data() + at, pattern.data() + phase, m);
                    at += m;
                    phase = 0;
                }
            }
            if (auto s = writeExactly(x, p.dst + done, buffer.data(), n); !s)
                return s;
            done += n;
            x.counters->bytesDone.fetch_add(n, std::memory_order_relaxed);
        }
    }
    return {};
}

} // namespace

Status runShift(ShiftExecution &x, std::size_t nextStep, std::span<const std::byte> preImage, bool finished)
{
    const ShiftPlan &plan = *x.plan;
    const std::size_t steps = plan.stepCount();
    if (!finished) {
        std::uint64_t unflushed = 0;
        std::uint64_t unchecked = 0;
        // The kernel copies between the page cache and this buffer fastest when both sides have the same offset in a
        // cache line: each step reads at the source's offset mod 64 and, when the destination's differs (a shift that
        // is not a multiple of 64), moves the bytes to the destination's offset mod 64 before writing (a memmove
        // inside the cache-resident buffer). Measured, 1-byte insert into a cached 1 GiB: 1.10 s with a page-aligned
        // buffer (the write copy misaligned by 1: 40 % of the time), 0.75 s with a malloc block (16 mod 64).
        constexpr std::size_t kLine = 64;
        const auto chunk = static_cast<std::size_t>(
            std::max<std::uint64_t>(1, std::min(plan.chunkSize(), std::max(plan.bytesToMove(), plan.bytesToWrite()))));
        AlignedBuffer storage;
        const std::span<std::byte> buffer = storage.reserve(chunk + 2 * kLine).first(chunk);
        for (std::size_t k = nextStep; k < steps; ++k) {
            if (x.counters->cancel.load(std::memory_order_relaxed)) {
                x.cancelled = true;
                return stopped(x);
            }
            const ShiftStep step = plan.step(k);
            std::span<const std::byte> source;
            if (k == nextStep && !preImage.empty()) {
                if (preImage.size() != step.length)
                    return Error{make_error_code(Errc::JournalInvalid),
                                 x.path + ": the journalled source of step " + std::to_string(k) + " holds "
                                     + std::to_string(preImage.size()) + " bytes, the step "
                                     + std::to_string(step.length)};
                source = preImage; // the file's copy may be half overwritten: redo from the journal
            } else {
                const auto n = static_cast<std::size_t>(step.length);
                std::byte *const read = storage.data() + step.src % kLine;
                if (auto s = readExactly(x, step.src, read, n); !s)
                    return s;
                std::byte *const aligned = step.src % kLine == step.dst % kLine
                                               ? read
                                               : storage.data() + kLine + step.dst % kLine;
                if (aligned != read)
                    std::memmove(aligned, read, n);
                source = std::span<const std::byte>(aligned, n);
                if (step.overlaps)
                    if (auto s = record(x, sf::SlotPreImage, k, source); !s)
                        return s;
            }
            if (auto s = writeStep(x, k, step.dst, source); !s)
                return s;
            unchecked += step.length;
            if (unchecked >= kCheckSizeEvery) {
                if (auto s = checkSize(x, plan.workingSize(), plan.workingSize()); !s)
                    return s;
                unchecked = 0;
            }
            if (!step.overlaps)
                if (auto s = record(x, sf::SlotDone, k); !s)
                    return s;
            unflushed += step.length;
            if (x.startWriteback && unflushed >= kWritebackEvery) { // start writing to disk now: less for fdatasync
                (void)::sync_file_range(x.fd, 0, 0, SYNC_FILE_RANGE_WRITE);
                unflushed = 0;
            }
            x.counters->bytesDone.fetch_add(step.length, std::memory_order_relaxed);
            x.counters->stepsDone.fetch_add(1, std::memory_order_relaxed);
        }
        if (auto s = writePieces(x, buffer); !s)
            return s;
        if (auto s = checkSize(x, plan.workingSize(), plan.workingSize()); !s)
            return s;
        if (crash(x, ShiftPoint::BeforeFinish, steps))
            return stopped(x);
        if (auto s = record(x, sf::SlotFinished, steps); !s)
            return s;
    }
    if (crash(x, ShiftPoint::BeforeTruncate, steps))
        return stopped(x);
    if (auto s = checkSize(x, plan.workingSize(), plan.newSize()); !s) // never cut away what another program added
        return s;
    if (plan.newSize() < plan.workingSize() && ::ftruncate(x.fd, static_cast<off_t>(plan.newSize())) != 0)
        return Error::fromErrno(errno, x.path + ": truncating to " + std::to_string(plan.newSize()) + " bytes");
    return syncTarget(x);
}

} // namespace hexmap
