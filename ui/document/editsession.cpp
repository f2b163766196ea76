#include "ui/document/editsession.h"

#include "ui/document/document.h"

#include "core/numberparser.h"

#include <algorithm>
#include <vector>

namespace hexmap {

EditSession::EditSession(Document *document) : QObject(document), m_doc(document), m_undo(this) {}

const MappedFile &EditSession::file() const { return m_doc->file(); }

bool EditSession::isEditingEnabled() const { return m_doc->isWritable(); }

void EditSession::reset()
{
    const std::uint64_t oldSize = m_table.size();
    clearAll();
    if (oldSize != m_table.size())
        emit sizeChanged(m_table.size());
    setModifiedState();
}

void EditSession::clearAll()
{
    m_undo.clear(); // before the table: the commands refer to its steps
    m_table = PieceTable(hasFile() ? file().size() : 0);
    breakTyping();
}

bool EditSession::setEditingEnabled(bool enabled, WriteConsent consent)
{
    if (enabled == isEditingEnabled())
        return true;
    if (!hasFile()) {
        emit message(tr("No file is open"));
        return false;
    }
    if (!enabled && isModified()) {
        emit message(tr("Save or revert the unsaved edits before turning editing off"));
        return false;
    }
    if (Status s = m_doc->setWritable(enabled, consent); !s) {
        emit message(tr("Cannot enable editing: %1").arg(QString::fromStdString(s.message())));
        return false;
    }
    breakTyping();
    return true;
}

bool EditSession::setInsertMode(bool on)
{
    if (on == m_insertMode)
        return true;
    if (on && file().isBlockDevice()) {
        emit message(tr("A device has a fixed size: bytes can only be overwritten"));
        return false;
    }
    m_insertMode = on;
    breakTyping();
    emit insertModeChanged(on);
    return true;
}

bool EditSession::needsShiftSave() const
{
    // O(pieces): asked on every inspector refresh (each cursor move), so once per document version.
    if (!m_inPlaceOf.isSameVersion(m_table.current())) {
        m_inPlace = m_table.current().isInPlace();
        m_inPlaceOf = m_table.current();
    }
    return !m_inPlace;
}

std::uint64_t EditSession::editedBytes() const { return m_table.current().editedBytes(); }

std::vector<ByteRange> EditSession::editedRanges() const { return m_table.current().editedRanges(); }

std::optional<std::vector<EditOverlay::Run>> EditSession::overwriteRuns() const
{
    std::optional<EditOverlay> overlay = m_table.current().overwrites();
    return overlay ? std::optional(overlay->runs()) : std::nullopt;
}

std::size_t EditSession::readDisplayed(std::uint64_t offset, std::span<std::byte> buffer) const
{
    if (!hasFile() || offset >= m_table.size())
        return 0;
    const MappedFile &f = file();
    auto n = m_table.read(offset, buffer, [&f](std::uint64_t at, std::span<std::byte> out) {
        return f.readAt(at, out) == out.size();
    });
    return n ? *n : 0;
}

bool EditSession::checkEditable()
{
    if (!file().isValid()) {
        emit message(tr("No file is open"));
        return false;
    }
    if (!isEditingEnabled()) {
        emit message(tr("The file is read-only: use Edit > Enable Editing to change bytes"));
        return false;
    }
    return true;
}

bool EditSession::checkResizable()
{
    if (!checkEditable())
        return false;
    if (file().isBlockDevice()) {
        emit message(tr("A device has a fixed size: bytes cannot be inserted or deleted"));
        return false;
    }
    return true;
}

bool EditSession::typingExtends(const std::optional<EditCommand::Shift> &shift) const
{
    if (m_undo.index() != m_undo.count() || m_undo.index() == 0 || !m_table.canUndo() || m_table.canRedo())
        return false;
    const auto *top = dynamic_cast<const EditCommand *>(m_undo.command(m_undo.index() - 1));
    return top && top->canExtend(m_typingGeneration, shift);
}

void EditSession::pushStep(EditCommand::Kind kind, ByteRange changed, std::uint64_t count,
                           std::optional<EditCommand::Shift> shift, bool extends)
{
    if (kind != EditCommand::Kind::Typing)
        breakTyping();
    m_undo.push(new EditCommand(this, kind, changed, count, shift, m_typingGeneration, extends));
}

void EditSession::announce(ByteRange changed, std::uint64_t oldSize, const std::optional<EditCommand::Shift> &shift)
{
    if (shift && (shift->removed != 0 || shift->inserted != 0))
        emit bytesShifted(shift->offset, shift->removed, shift->inserted);
    emit documentChanged(changed);
    if (m_table.size() != oldSize)
        emit sizeChanged(m_table.size());
    setModifiedState();
}

void EditSession::stepHistory(bool forward, ByteRange changed, const std::optional<EditCommand::Shift> &shift)
{
    const std::uint64_t oldSize = m_table.size();
    const Status s = forward ? m_table.redo() : m_table.undo();
    Q_ASSERT(s.ok()); // the undo stack and the table hold the same steps
    (void)s;
    breakTyping(); // the next digit starts a new byte and a new step
    std::optional<EditCommand::Shift> moved = shift;
    if (moved && !forward)
        std::swap(moved->removed, moved->inserted);
    announce(changed, oldSize, moved);
}

void EditSession::setModifiedState()
{
    if (isModified() == m_wasModified)
        return;
    m_wasModified = isModified();
    emit modifiedChanged(m_wasModified);
}

} // namespace hexmap
