#pragma once

#include "core/byterange.h"
#include "core/piecesnapshot.h"
#include "core/result.h"
#include "core/siblingtempfile.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hexmap {

class MappedFile;

struct CopyOutProgress {
    std::uint64_t bytesDone = 0; // bytes of the range handled (copied, or holes skipped)
    std::uint64_t total = 0;     // the range's size (of the document)
};

// How the bytes travelled (for tests and benchmarks).
struct CopyOutStats {
    std::uint64_t kernelCopied = 0; // by copy_file_range (reflinked or copied inside the kernel)
    std::uint64_t bufferCopied = 0; // by pread/pwrite where copy_file_range is refused (another filesystem...)
    std::uint64_t holesSkipped = 0; // holes of a sparse source left as holes in the copy
    std::uint64_t editedBytes = 0;  // bytes of the document held in memory (inserted, overwritten, filled) written
};

// CopyOut: Save As and Export Selection (issue 15). Streams a range of the document the user sees (a PieceSnapshot
// over an open file: unsaved inserts, erases and overwrites; or, without one, the file as it is) into a new file at
// `destination`:
// - the source is the descriptor of the file as opened (a dup of the document's mapping), so a file replaced on disk
//   since still copies the bytes the user sees;
// - the copy is built beside the destination (SiblingTempFile) and renamed over it only when complete and fsynced:
//   cancel, a full disk or an I/O error leave no partial file and an existing destination untouched;
// - the file's bytes (the document's Original pieces) go through copy_file_range (the kernel copies, or shares
//   blocks where the filesystem reflinks), falling back to pread/pwrite with one 4 MiB buffer; holes
//   (SEEK_DATA/SEEK_HOLE) stay holes; bytes in memory (Memory and Fill pieces) are written with pwrite, fills of
//   zeros left as holes;
// - before copying, the free space of the destination's filesystem is compared with the data bytes the copy will
//   hold (the document's length less its holes and zero fills): a copy that cannot fit fails at once with ENOSPC
//   naming both figures.
// Failure contract of run(): Errc::Cancelled, Errc::FileTruncated (the source became shorter than the range, or with
// a document than the snapshot's originalSize(), seen by a short copy or by its size after the copy: "SOURCE ends at
// OFFSET"),
// errno (ENOSPC, EIO, EACCES...) naming the destination or source. prepare() refuses a destination that is the
// source file itself or that another Hexmap process is writing (Errc::InvalidArgument / Errc::WriteLocked).
// Thread: prepare() and run() on one thread (run() is the worker's); cancel(), progress() from any thread.
class CopyOut {
public:
    // `range` is in document offsets (file offsets without a document) and must lie inside the document.
    static Result<std::unique_ptr<CopyOut>> prepare(const MappedFile &source, ByteRange range,
                                                    std::optional<PieceSnapshot> document, std::string destination);
    ~CopyOut();
    CopyOut(const CopyOut &) = delete;
    CopyOut &operator=(const CopyOut &) = delete;

    Status run();
    void cancel() { m_cancel.store(true, std::memory_order_relaxed); }
    CopyOutProgress progress() const { return {m_done.load(std::memory_order_relaxed), m_range.size}; }
    CopyOutStats stats() const { return m_stats; } // after run() returned
    const std::string &destination() const { return m_destination; }

private:
    CopyOut(int sourceFd, std::string sourcePath, ByteRange range, std::optional<PieceSnapshot> document,
            std::string destination);
    Status checkSpace(int destinationFd) const;
    // Copies the file's [from, to) to the copy's offset `dst` on (holes stay holes).
    Status copyData(int out, std::uint64_t from, std::uint64_t to, std::uint64_t dst);
    Status copyStretch(int out, std::uint64_t from, std::uint64_t to, std::uint64_t dst);
    Status bufferCopy(int out, std::uint64_t from, std::uint64_t to, std::uint64_t dst);
    Status copyDocument(int out);
    Status writeMemory(int out, const Piece &piece, std::uint64_t dst);
    Status writeAll(int out, const std::byte *bytes, std::size_t size, std::uint64_t dst);
    // After the copy the source must still hold every byte it needed (a cut reads as a hole, i.e. zeros).
    Status checkSourceLength() const;
    Error sourceCut() const; // "SOURCE ends at N (another program cut it during the copy)"
    std::uint64_t dataBytes(std::uint64_t from, std::uint64_t to) const; // of the file
    std::uint64_t dataBytes() const;                                     // of the copy

    int m_source = -1;
    std::string m_sourcePath;
    ByteRange m_range;
    std::optional<PieceSnapshot> m_document;
    std::string m_destination;
    bool m_kernelCopy = true;
    std::atomic<bool> m_cancel{false};
    std::atomic<std::uint64_t> m_done{0};
    CopyOutStats m_stats;
};

} // namespace hexmap
