#include "ui/document/overwritecommand.h"

#include "ui/document/editsession.h"

#include <QCoreApplication>

namespace hexmap {

namespace {

QString textFor(OverwriteCommand::Kind kind, std::uint64_t count)
{
    const char *what = "Type";
    switch (kind) {
    case OverwriteCommand::Kind::Typing: what = "Type %n byte(s)"; break;
    case OverwriteCommand::Kind::Paste: what = "Paste %n byte(s)"; break;
    case OverwriteCommand::Kind::Fill: what = "Fill %n byte(s)"; break;
    case OverwriteCommand::Kind::Inspector: what = "Edit value (%n byte(s))"; break;
    }
    return QCoreApplication::translate("hexmap::OverwriteCommand", what, nullptr, int(std::min<std::uint64_t>(count, INT_MAX)));
}

} // namespace

OverwriteCommand::OverwriteCommand(EditSession *session, std::uint64_t offset, std::span<const std::byte> bytes,
                                   Kind kind, std::uint64_t generation)
    : m_session(session)
    , m_before(session->overlay().extract({offset, bytes.size()}))
    , m_after{{offset, bytes.size()}, {EditOverlay::Run{offset, {bytes.begin(), bytes.end()}}}}
    , m_kind(kind)
    , m_generation(generation)
{
    setText(textFor(kind, bytes.size()));
}

void OverwriteCommand::redo() { m_session->restoreSlice(m_after); }

void OverwriteCommand::undo() { m_session->restoreSlice(m_before); }

bool OverwriteCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const OverwriteCommand *>(other);
    if (next->m_kind != Kind::Typing || m_kind != Kind::Typing || next->m_generation != m_generation)
        return false;
    const ByteRange mine = m_before.range;
    const ByteRange theirs = next->m_before.range;
    if (theirs.offset < mine.offset || theirs.offset > mine.end())
        return false; // not a continuation of this typing
    // Before: this step's snapshot, plus the next step's snapshot of the bytes beyond this step's end.
    const ByteRange extra = ByteRange::fromBounds(mine.end(), theirs.end());
    for (const EditOverlay::Run &run : next->m_before.runs) {
        const ByteRange part = run.range().intersected(extra);
        if (!part.isEmpty()) {
            const auto begin = run.bytes.begin() + std::ptrdiff_t(part.offset - run.offset);
            m_before.runs.push_back({part.offset, {begin, begin + std::ptrdiff_t(part.size)}});
        }
    }
    m_before.range = ByteRange::fromBounds(mine.offset, std::max(mine.end(), theirs.end()));
    // After: the overlay as it is now over the merged range (the next step has already been applied).
    m_after = m_session->overlay().extract(m_before.range);
    setText(textFor(m_kind, m_before.range.size));
    return true;
}

} // namespace hexmap
