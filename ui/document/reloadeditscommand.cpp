#include "ui/document/reloadeditscommand.h"

#include "ui/document/editsession.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace hexmap {

ReloadEditsCommand::ReloadEditsCommand(EditSession *session, EditOverlay::Slice before, EditOverlay::Slice after)
    : m_session(session), m_before(std::move(before)), m_after(std::move(after))
{
    std::uint64_t bytes = 0;
    for (const EditOverlay::Run &run : m_after.runs)
        bytes += run.bytes.size();
    // The count in a variable: lupdate 6.4 loops forever on a cast of a nested call as translate()'s n argument.
    const int count = int(std::min<std::uint64_t>(bytes, INT_MAX));
    setText(QCoreApplication::translate("hexmap::ReloadEditsCommand", "Keep %n edited byte(s) over the reload", nullptr,
                                        count));
}

void ReloadEditsCommand::redo() { m_session->restoreSlice(m_after); }

void ReloadEditsCommand::undo() { m_session->restoreSlice(m_before); }

} // namespace hexmap
