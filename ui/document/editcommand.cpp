#include "ui/document/editcommand.h"

#include "ui/document/editsession.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace hexmap {

EditCommand::EditCommand(EditSession *session, Kind kind, ByteRange changed, std::uint64_t count,
                         std::optional<Shift> shift, std::uint64_t generation, bool extendsTop)
    : m_session(session)
    , m_kind(kind)
    , m_changed(changed)
    , m_count(count)
    , m_shift(shift)
    , m_generation(generation)
    , m_extendsTop(extendsTop)
{
    updateText();
}

void EditCommand::updateText()
{
    const char *what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Edit");
    switch (m_kind) {
    case Kind::Typing: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Type %n byte(s)"); break;
    case Kind::Paste: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Paste %n byte(s)"); break;
    case Kind::Fill: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Fill %n byte(s)"); break;
    case Kind::Inspector: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Edit value (%n byte(s))"); break;
    case Kind::Insert: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Insert %n byte(s)"); break;
    case Kind::Delete: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Delete %n byte(s)"); break;
    case Kind::Cut: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Cut %n byte(s)"); break;
    case Kind::Revert: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Revert unsaved edits"); break;
    case Kind::Reload: what = QT_TRANSLATE_NOOP("hexmap::EditCommand", "Unsaved edits kept after reload"); break;
    }
    setText(QCoreApplication::translate("hexmap::EditCommand", what, nullptr,
                                        int(std::min<std::uint64_t>(m_count, INT_MAX))));
}

void EditCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    m_session->stepHistory(true, m_changed, m_shift);
}

void EditCommand::undo() { m_session->stepHistory(false, m_changed, m_shift); }

bool EditCommand::canExtend(std::uint64_t generation, const std::optional<Shift> &shift) const
{
    if (m_kind != Kind::Typing || generation != m_generation)
        return false;
    // An overwrite (the low nibble of a byte just inserted, or overwrite typing) joins; an insert joins only when
    // it goes on right after what this step inserted.
    return !shift || !m_shift ||
           (shift->removed == 0 && m_shift->removed == 0 && shift->offset == m_shift->offset + m_shift->inserted);
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const EditCommand *>(other);
    if (!next->m_extendsTop)
        return false; // the table recorded it as a step of its own
    m_changed = ByteRange::fromBounds(std::min(m_changed.offset, next->m_changed.offset),
                                      std::max(m_changed.end(), next->m_changed.end()));
    m_count += next->m_count;
    if (m_shift && next->m_shift)
        m_shift->inserted += next->m_shift->inserted;
    else if (next->m_shift)
        m_shift = next->m_shift;
    updateText();
    return true;
}

} // namespace hexmap
