#pragma once

#include "core/byterange.h"
#include "core/piecesnapshot.h"
#include "core/result.h"
#include "core/scansource.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace hexmap {

// DocumentSource: what a read job (scan, compare, Save As) reads: a file as it is on disk (no document), or the
// document the user sees, a PieceSnapshot over that file (inserts, erases and overwrites applied). Offsets and sizes
// are the document's. Original pieces are read from the file at their source offset with pread (ScanSource: never a
// mapping, so a file cut meanwhile is Errc::FileTruncated, not a SIGBUS), Memory and Fill pieces are copied from
// memory. stretchAt() tells data from known zeros without reading: holes of the file (SEEK_DATA / SEEK_HOLE, inside
// Original pieces too, at their document offsets) and fills of zero bytes, so a sparse file with one insert still
// scans in O(pieces + holes). Without a document every call is the ScanSource's own, at the same cost as before.
// Holds references to both: the caller keeps them alive and unchanged (a snapshot never changes) meanwhile.
// Thread: any; every const call may run concurrently from several threads.
class DocumentSource {
public:
    // An unmodified document over the whole file is read as the file (the same bytes, today's cost).
    DocumentSource(const ScanSource &file, const std::optional<PieceSnapshot> &document)
        : m_file(file),
          m_document(document && (document->isModified() || document->originalSize() != file.size()) ? &*document
                                                                                                      : nullptr)
    {
    }

    const ScanSource &file() const { return m_file; }
    const std::string &path() const { return m_file.path(); }
    const PieceSnapshot *document() const { return m_document; }
    // The document's size, or the file's size at open.
    std::uint64_t size() const { return m_document ? m_document->size() : m_file.size(); }

    // What [offset, end) holds from `offset` on: zeros (a hole, a fill of zeros) or data (anything else, bytes to
    // read), up to `end` of the stretch (> offset, <= the `end` given). Zero stretches that follow each other across
    // pieces are one stretch. Precondition: offset < end <= size().
    // Fails with Errc::FileTruncated (context: the path and the offset where the file now ends) when a hole of the
    // file reaches the file's end before the bytes it must hold: the file was cut (found without reading a byte).
    // lseek failures count as data.
    struct Stretch {
        bool zeros = false;
        std::uint64_t end = 0;
    };
    // `what` ("scan", "compare") names the job in the error's context.
    Result<Stretch> stretchAt(std::uint64_t offset, std::uint64_t end, const char *what = "read") const;

    // Reads exactly out.size() bytes of the document at `offset`. Precondition: offset + out.size() <= size().
    // Fails with Errc::FileTruncated when the file ends before an Original piece's bytes (context: the path and the
    // file offset where it ended), errno from pread.
    Status read(std::uint64_t offset, std::span<std::byte> out) const;

    // The file must still hold the bytes a read of `range` needs: range.end() without a document, the snapshot's
    // originalSize() with one (the file as the snapshot was taken over). Fails with Errc::FileTruncated (context:
    // the path, the offset where the file now ends and `what`), errno from fstat.
    Status checkFileLength(ByteRange range, const std::string &what) const;

    // A data stretch goes on across pieces up to this many bytes (it is cut into units anyway).
    static constexpr std::uint64_t kMaxDataStretch = 64u << 20;

private:
    Result<Stretch> fileStretch(std::uint64_t at, std::uint64_t end, std::uint64_t need, const char *what) const;

    const ScanSource &m_file;
    const PieceSnapshot *m_document;
};

} // namespace hexmap
