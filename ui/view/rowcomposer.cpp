#include "ui/view/rowcomposer.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace hexmap {

void RowComposer::startComposing(std::size_t count, Row &row)
{
    std::fill_n(m_edited.begin(), count, false);
    std::fill_n(m_absent.begin(), count, false);
    row.bytes = std::span<const std::byte>(m_buffer.data(), count);
}

RowComposer::Row RowComposer::compose(const MappedFile &file, const PieceSnapshot *snapshot, ByteRange range,
                                      std::uint64_t readableEnd)
{
    Row row;
    if (!file.isValid())
        return row;
    const std::uint64_t total = snapshot ? snapshot->size() : file.size();
    if (range.offset >= total)
        return row;
    const ByteRange r{range.offset, std::min<std::uint64_t>({range.size, kMaxBytes, total - range.offset})};
    const std::uint64_t readable = std::min(readableEnd, file.size());
    bool composing = false;
    std::optional<std::uint64_t> whole; // the file offset of a row that lies inside one readable piece of the file
    const auto visit = [&](std::uint64_t offset, const Piece &piece) {
        const std::size_t at = std::size_t(offset - r.offset);
        const std::size_t length = std::size_t(piece.length);
        if (!composing && at == 0 && length == r.size && piece.kind == Piece::Kind::Original &&
            piece.src + length <= readable) {
            whole = piece.src; // the fast path: the only piece of the row
            return;
        }
        if (!composing) {
            composing = true;
            startComposing(std::size_t(r.size), row);
        }
        std::byte *out = m_buffer.data() + at;
        if (piece.kind != Piece::Kind::Original) {
            (void)piece.copyTo(0, std::span<std::byte>(out, length), [](std::uint64_t, std::span<std::byte>) {
                return false; // never called: Memory and Fill pieces hold their bytes
            });
            std::fill_n(m_edited.begin() + std::ptrdiff_t(at), length, true);
            row.anyEdited = true;
            return;
        }
        const std::uint64_t present = piece.src >= readable ? 0 : std::min<std::uint64_t>(length, readable - piece.src);
        const std::span<const std::byte> mapped = file.readSlice(piece.src, present);
        if (!mapped.empty())
            std::memcpy(out, mapped.data(), mapped.size());
        if (mapped.size() < length) {
            std::fill(out + mapped.size(), out + length, std::byte{0});
            std::fill(m_absent.begin() + std::ptrdiff_t(at + mapped.size()), m_absent.begin() + std::ptrdiff_t(at + length),
                      true);
            row.anyAbsent = true;
        }
    };
    if (snapshot)
        snapshot->forEachSlice(r, visit);
    else
        visit(r.offset, Piece::original(r.offset, r.size));
    if (whole) {
        const std::span<const std::byte> mapped = file.readSlice(*whole, r.size);
        if (mapped.size() == r.size) {
            row.bytes = mapped;
            return row;
        }
        // The mapping gave fewer bytes than the file's size promised: compose, marking the rest absent.
        startComposing(std::size_t(r.size), row);
        if (!mapped.empty())
            std::memcpy(m_buffer.data(), mapped.data(), mapped.size());
        std::fill(m_buffer.begin() + std::ptrdiff_t(mapped.size()), m_buffer.begin() + std::ptrdiff_t(r.size), std::byte{0});
        std::fill(m_absent.begin() + std::ptrdiff_t(mapped.size()), m_absent.begin() + std::ptrdiff_t(r.size), true);
        row.anyAbsent = true;
    }
    return row;
}

} // namespace hexmap
