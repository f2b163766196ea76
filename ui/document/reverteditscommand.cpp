#include "ui/document/reverteditscommand.h"

#include "ui/document/editsession.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace hexmap {

RevertEditsCommand::RevertEditsCommand(EditSession *session, EditOverlay::Slice before)
    : m_session(session), m_before(std::move(before)), m_after{m_before.range, {}}
{
    std::uint64_t bytes = 0;
    for (const EditOverlay::Run &run : m_before.runs)
        bytes += run.bytes.size();
    // The count in a variable: lupdate 6.4 loops forever on a cast of a nested call as translate()'s n argument.
    const int count = int(std::min<std::uint64_t>(bytes, INT_MAX));
    setText(QCoreApplication::translate("hexmap::RevertEditsCommand", "Revert %n unsaved byte(s)", nullptr, count));
}

void RevertEditsCommand::redo() { m_session->restoreSlice(m_after); }

void RevertEditsCommand::undo() { m_session->restoreSlice(m_before); }

} // namespace hexmap
