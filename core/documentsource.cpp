#include "core/documentsource.h"

#include "core/piecetree.h"

#include <algorithm>

namespace hexmap {
namespace {

bool allZero(const std::vector<std::byte> &pattern)
{
    return std::all_of(pattern.begin(), pattern.end(), [](std::byte b) { return b == std::byte{0}; });
}

} // namespace

Result<DocumentSource::Stretch> DocumentSource::fileStretch(std::uint64_t at, std::uint64_t end,
                                                           std::uint64_t need, const char *what) const
{
    const std::uint64_t data = m_file.nextData(at, end);
    if (data > at) {
        // SEEK_DATA answers "no data after here" also past a new end of file: the size tells.
        if (auto size = m_file.currentSize(); size && *size < need)
            return Error{make_error_code(Errc::FileTruncated), m_file.path() + ": the file ends at offset " +
                                                                   std::to_string(*size) +
                                                                   " (it was cut during the " + what + ")"};
        return Stretch{true, data};
    }
    return Stretch{false, std::max(m_file.dataEnd(at, end), at + 1)};
}

Result<DocumentSource::Stretch> DocumentSource::stretchAt(std::uint64_t offset, std::uint64_t end, const char *what) const
{
    if (!m_document)
        return fileStretch(offset, end, end, what);
    std::optional<Stretch> result;
    for (std::uint64_t at = offset; at < end;) {
        const auto [piece, start] = piecetree::pieceAt(m_document->rootNode(), at);
        if (!piece)
            break;
        const std::uint64_t pieceEnd = std::min(end, start + piece->length);
        Stretch here{false, pieceEnd};
        if (piece->kind == Piece::Kind::Fill) {
            here.zeros = allZero(*piece->bytes);
        } else if (piece->kind == Piece::Kind::Original) {
            const std::uint64_t src = piece->src + (at - start);
            const std::uint64_t srcEnd = src + (pieceEnd - at);
            auto file = fileStretch(src, srcEnd, srcEnd, what);
            if (!file)
                return file.error();
            here = Stretch{file->zeros, at + (file->end - src)};
        }
        if (!result)
            result = here;
        else if (here.zeros != result->zeros)
            break;
        else
            result->end = here.end;
        // A stretch goes on into the next piece only when it reached this piece's end: zeros so that a hole
        // around an insert of zeros stays one hole; data so that units are not cut at every small edit.
        if (here.end < pieceEnd || (!result->zeros && result->end - offset >= kMaxDataStretch))
            break;
        at = here.end;
    }
    if (!result)
        return Stretch{false, end};
    return *result;
}

Status DocumentSource::read(std::uint64_t offset, std::span<std::byte> out) const
{
    if (!m_document)
        return m_file.readExactly(offset, out);
    Status status;
    const auto noOriginal = [](std::uint64_t, std::span<std::byte>) { return false; };
    m_document->forEachSlice({offset, out.size()}, [&](std::uint64_t at, const Piece &piece) {
        if (!status)
            return;
        const std::span<std::byte> part = out.subspan(std::size_t(at - offset), std::size_t(piece.length));
        if (piece.kind == Piece::Kind::Original)
            status = m_file.readExactly(piece.src, part);
        else
            (void)piece.copyTo(0, part, noOriginal); // Memory and Fill never read the original
    });
    return status;
}

Status DocumentSource::checkFileLength(ByteRange range, const std::string &what) const
{
    const std::uint64_t need = m_document ? m_document->originalSize() : range.end();
    auto size = m_file.currentSize();
    if (!size)
        return size.error();
    if (*size < need) // a cut inside a hole reads no byte: the size tells
        return Error{make_error_code(Errc::FileTruncated), m_file.path() + ": the file ends at offset " +
                                                               std::to_string(*size) + " (it was cut during the " +
                                                               what + ")"};
    return {};
}

} // namespace hexmap
