// EditSession's edits: overwrite, insert, delete, paste, fill and typing (see editsession.h).
#include "ui/document/editsession.h"

#include "core/numberparser.h"

#include <algorithm>
#include <vector>

namespace hexmap {

namespace {

QString sizeText(std::uint64_t bytes) { return QString::fromStdString(formatSize(bytes)); }

using Step = PieceTable::UndoStep;

} // namespace

bool EditSession::writeBytes(std::uint64_t offset, std::span<const std::byte> bytes, EditCommand::Kind kind)
{
    if (!checkEditable() || bytes.empty())
        return false;
    const std::uint64_t size = m_table.size();
    if (offset >= size || bytes.size() > size - offset) {
        emit message(m_insertMode || file().isBlockDevice()
                         ? tr("Cannot write past the end of the document")
                         : tr("Cannot write past the end of the document in overwrite mode: press Insert to add "
                              "bytes"));
        return false;
    }
    const bool typing = kind == EditCommand::Kind::Typing;
    const bool extends = typing && typingExtends(std::nullopt);
    if (Status s = m_table.overwrite(offset, bytes, extends ? Step::ExtendLast : Step::New); !s) {
        emit message(QString::fromStdString(s.message()));
        return false;
    }
    const ByteRange changed{offset, bytes.size()};
    pushStep(kind, changed, bytes.size(), std::nullopt, extends);
    announce(changed, size, std::nullopt);
    return true;
}

bool EditSession::insertBytes(std::uint64_t offset, std::span<const std::byte> bytes, EditCommand::Kind kind)
{
    if (!checkResizable() || bytes.empty())
        return false;
    const std::uint64_t size = m_table.size();
    const EditCommand::Shift shift{offset, 0, bytes.size()};
    const bool extends = kind == EditCommand::Kind::Typing && typingExtends(shift);
    if (Status s = m_table.insert(offset, bytes, extends ? Step::ExtendLast : Step::New); !s) {
        emit message(tr("Cannot insert: %1").arg(QString::fromStdString(s.message())));
        return false;
    }
    const ByteRange changed = ByteRange::fromBounds(offset, m_table.size());
    pushStep(kind, changed, bytes.size(), shift, extends);
    announce(changed, size, shift);
    return true;
}

bool EditSession::insertFill(std::uint64_t offset, std::span<const std::byte> pattern, std::uint64_t length)
{
    if (!checkResizable())
        return false;
    const std::uint64_t size = m_table.size();
    if (Status s = m_table.insertFill(offset, pattern, length); !s) {
        emit message(tr("Cannot insert: %1").arg(QString::fromStdString(s.message())));
        return false;
    }
    const EditCommand::Shift shift{offset, 0, length};
    const ByteRange changed = ByteRange::fromBounds(offset, m_table.size());
    pushStep(EditCommand::Kind::Insert, changed, length, shift, false);
    announce(changed, size, shift);
    return true;
}

bool EditSession::erase(ByteRange range, EditCommand::Kind kind)
{
    if (!checkResizable())
        return false;
    const std::uint64_t size = m_table.size();
    if (range.isEmpty() || range.offset >= size) {
        emit message(range.isEmpty() ? tr("Nothing to delete") : tr("Nothing to delete at the end of the document"));
        return false;
    }
    if (Status s = m_table.erase(range.offset, range.size); !s) {
        emit message(tr("Cannot delete: %1").arg(QString::fromStdString(s.message())));
        return false;
    }
    const EditCommand::Shift shift{range.offset, range.size, 0};
    const ByteRange changed = ByteRange::fromBounds(range.offset, size);
    pushStep(kind, changed, range.size, shift, false);
    announce(changed, size, shift);
    return true;
}

bool EditSession::paste(std::uint64_t offset, std::span<const std::byte> bytes, ByteRange selection)
{
    if (!checkEditable())
        return false;
    if (bytes.empty()) {
        emit message(tr("Nothing to paste"));
        return false;
    }
    if (bytes.size() > kPasteLimit) {
        emit message(tr("Cannot paste %1: pasting is limited to %2").arg(sizeText(bytes.size()), sizeText(kPasteLimit)));
        return false;
    }
    const std::uint64_t size = m_table.size();
    if (m_insertMode) {
        if (!checkResizable())
            return false;
        const ByteRange replaced = selection.intersected({0, size});
        const std::uint64_t at = replaced.isEmpty() ? offset : replaced.offset;
        if (at > size) {
            emit message(tr("Cannot paste past the end of the document"));
            return false;
        }
        // One step: the selection's bytes go, the pasted ones come (erase, then insert joined to it).
        if (!replaced.isEmpty() && !m_table.erase(replaced.offset, replaced.size).ok())
            return false;
        if (Status s = m_table.insert(at, bytes, replaced.isEmpty() ? Step::New : Step::ExtendLast); !s) {
            if (!replaced.isEmpty())
                (void)m_table.undo(); // the erase alone must not stay: a paste is all or nothing
            emit message(tr("Cannot paste: %1").arg(QString::fromStdString(s.message())));
            return false;
        }
        const EditCommand::Shift shift{at, replaced.size, bytes.size()};
        const ByteRange changed = ByteRange::fromBounds(at, std::max(size, m_table.size()));
        pushStep(EditCommand::Kind::Paste, changed, bytes.size(), shift, false);
        announce(changed, size, shift);
        emit message(tr("Pasted %1").arg(sizeText(bytes.size())));
        return true;
    }
    if (offset >= size) {
        emit message(tr("Cannot paste at the end of the document in overwrite mode: press Insert to add bytes"));
        return false;
    }
    const std::uint64_t fits = std::min<std::uint64_t>(bytes.size(), size - offset);
    if (!writeBytes(offset, bytes.first(fits), EditCommand::Kind::Paste))
        return false;
    if (fits < bytes.size())
        emit message(tr("Pasted %1 of %2 bytes: the document ends there (overwrite mode never grows it)")
                         .arg(fits)
                         .arg(bytes.size()));
    else
        emit message(tr("Pasted %1").arg(sizeText(fits)));
    return true;
}

bool EditSession::fill(ByteRange range, std::byte value)
{
    if (!checkEditable())
        return false;
    if (range.isEmpty()) {
        emit message(tr("Select the bytes to fill first"));
        return false;
    }
    if (range.size > kFillLimit) {
        emit message(tr("The selection (%1) is larger than %2: use Edit > Fill… to fill it as a background job")
                         .arg(sizeText(range.size), sizeText(kFillLimit)));
        return false;
    }
    const std::vector<std::byte> bytes(range.size, value);
    return writeBytes(range.offset, bytes, EditCommand::Kind::Fill);
}

EditSession::TypeResult EditSession::typeHexDigit(std::uint64_t cursor, int digit)
{
    TypeResult result{false, cursor, {}};
    if (!checkEditable() || digit < 0 || digit > 15)
        return result;
    const bool low = m_lowNibbleAt == cursor;
    if (m_insertMode && !low) { // a new byte, its high nibble typed
        const std::byte fresh{static_cast<unsigned char>(unsigned(digit) << 4)};
        if (!insertBytes(cursor, std::span<const std::byte>(&fresh, 1), EditCommand::Kind::Typing))
            return result;
        m_lowNibbleAt = cursor;
        result.written = true;
        return result;
    }
    const std::uint64_t size = m_table.size();
    if (cursor >= size || m_endReachedAt == cursor) {
        result.message = tr("End of the document: press Insert to add bytes (overwrite mode)");
        emit message(result.message);
        return result;
    }
    std::byte current{};
    readDisplayed(cursor, std::span<std::byte>(&current, 1));
    const auto v = std::to_integer<unsigned>(current);
    const std::byte next = low ? std::byte((v & 0xF0u) | unsigned(digit)) : std::byte((unsigned(digit) << 4) | (v & 0x0Fu));
    if (!writeBytes(cursor, std::span<const std::byte>(&next, 1), EditCommand::Kind::Typing))
        return result;
    result.written = true;
    if (!low) {
        m_lowNibbleAt = cursor;
        return result;
    }
    m_lowNibbleAt.reset();
    if (m_insertMode || cursor + 1 < size)
        result.cursor = cursor + 1;
    else
        m_endReachedAt = cursor;
    return result;
}

EditSession::TypeResult EditSession::typeCharacter(std::uint64_t cursor, QChar character)
{
    TypeResult result{false, cursor, {}};
    if (!checkEditable())
        return result;
    const QByteArray utf8 = QString(character).toUtf8();
    const auto *p = reinterpret_cast<const std::byte *>(utf8.constData());
    const std::span<const std::byte> bytes(p, std::size_t(utf8.size()));
    m_lowNibbleAt.reset();
    if (m_insertMode) {
        if (!insertBytes(cursor, bytes, EditCommand::Kind::Typing))
            return result;
        result.written = true;
        result.cursor = cursor + bytes.size();
        return result;
    }
    const std::uint64_t size = m_table.size();
    if (cursor >= size || m_endReachedAt == cursor || bytes.size() > size - cursor) {
        result.message = tr("End of the document: press Insert to add bytes (overwrite mode)");
        emit message(result.message);
        return result;
    }
    if (!writeBytes(cursor, bytes, EditCommand::Kind::Typing))
        return result;
    result.written = true;
    const std::uint64_t end = cursor + bytes.size();
    if (end < size)
        result.cursor = end;
    else {
        result.cursor = size - 1;
        m_endReachedAt = size - 1;
    }
    return result;
}

void EditSession::breakTyping()
{
    m_lowNibbleAt.reset();
    m_endReachedAt.reset();
    ++m_typingGeneration;
}

} // namespace hexmap
