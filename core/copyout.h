#pragma once

#include "core/byterange.h"
#include "core/editoverlay.h"
#include "core/result.h"
#include "core/siblingtempfile.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hexmap {

class MappedFile;

struct CopyOutProgress {
    std::uint64_t bytesDone = 0; // bytes of the range handled (copied, or holes skipped)
    std::uint64_t total = 0;     // the range's size
};

// How the bytes travelled (for tests and benchmarks).
struct CopyOutStats {
    std::uint64_t kernelCopied = 0; // by copy_file_range (reflinked or copied inside the kernel)
    std::uint64_t bufferCopied = 0; // by pread/pwrite where copy_file_range is refused (another filesystem...)
    std::uint64_t holesSkipped = 0; // holes of a sparse source left as holes in the copy
    std::uint64_t editedBytes = 0;  // unsaved edits written over the copy
};

// CopyOut: Save As and Export Selection (issue 15). Streams a range of an open file, with the document's unsaved
// overwrite edits laid over it, into a new file at `destination`:
// - the source is the descriptor of the file as opened (a dup of the document's mapping), so a file replaced on disk
//   since still copies the bytes the user sees;
// - the copy is built beside the destination (SiblingTempFile) and renamed over it only when complete and fsynced:
//   cancel, a full disk or an I/O error leave no partial file and an existing destination untouched;
// - data stretches go through copy_file_range (the kernel copies, or shares blocks where the filesystem reflinks),
//   falling back to pread/pwrite with one 1 MiB buffer; holes (SEEK_DATA/SEEK_HOLE) stay holes;
// - before copying, the free space of the destination's filesystem is compared with the source's data bytes: a
//   copy that cannot fit fails at once with ENOSPC naming both figures.
// Failure contract of run(): Errc::Cancelled, Errc::FileTruncated (the source became shorter than the range, seen by a
// short copy or by its size after the copy: "SOURCE ends at OFFSET"),
// errno (ENOSPC, EIO, EACCES...) naming the destination or source. prepare() refuses a destination that is the
// source file itself or that another Hexmap process is writing (Errc::InvalidArgument / Errc::WriteLocked).
// Thread: prepare() and run() on one thread (run() is the worker's); cancel(), progress() from any thread.
class CopyOut {
public:
    static Result<std::unique_ptr<CopyOut>> prepare(const MappedFile &source, ByteRange range,
                                                    std::vector<EditOverlay::Run> edits, std::string destination);
    ~CopyOut();
    CopyOut(const CopyOut &) = delete;
    CopyOut &operator=(const CopyOut &) = delete;

    Status run();
    void cancel() { m_cancel.store(true, std::memory_order_relaxed); }
    CopyOutProgress progress() const { return {m_done.load(std::memory_order_relaxed), m_range.size}; }
    CopyOutStats stats() const { return m_stats; } // after run() returned
    const std::string &destination() const { return m_destination; }

private:
    CopyOut(int sourceFd, std::string sourcePath, ByteRange range, std::vector<EditOverlay::Run> edits,
            std::string destination);
    Status checkSpace(int destinationFd) const;
    Status copyData(int out);
    Status copyStretch(int out, std::uint64_t from, std::uint64_t to);
    Status bufferCopy(int out, std::uint64_t from, std::uint64_t to);
    Status writeEdits(int out);
    Status checkSourceLength() const;
    Error sourceCut(std::uint64_t reached) const;
    std::uint64_t dataBytes() const;

    int m_source = -1;
    std::string m_sourcePath;
    ByteRange m_range;
    std::vector<EditOverlay::Run> m_edits;
    std::string m_destination;
    bool m_kernelCopy = true;
    std::atomic<bool> m_cancel{false};
    std::atomic<std::uint64_t> m_done{0};
    CopyOutStats m_stats;
};

} // namespace hexmap
