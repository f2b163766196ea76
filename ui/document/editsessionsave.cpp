// EditSession's Save, Revert and the carrying of edits over a reload (see editsession.h).
#include "ui/document/editsession.h"

#include "ui/document/document.h"

#include "core/journalrecovery.h"
#include "core/numberparser.h"
#include "ui/document/savemessages.h"

#include <climits>
#include <vector>

namespace hexmap {

namespace {

QString sizeText(std::uint64_t bytes) { return QString::fromStdString(formatSize(bytes)); }

} // namespace

SaveReport EditSession::save()
{
    SaveReport report;
    if (!file().isValid() || !isModified())
        return report;
    const std::optional<EditOverlay> overlay = m_table.current().overwrites();
    if (!overlay) {
        // Not for this path: the caller runs the shift save (needsShiftSave()). Nothing is written.
        report.failures.push_back({ByteRange{0, size()}, Error{make_error_code(Errc::InvalidArgument),
                                                               "bytes were inserted or deleted: Save moves bytes"}});
        return report;
    }
    SaveOptions options;
    options.hook = m_faultHook;
    report = saveOverlay(m_doc->m_file, *overlay, options); // refuses a read-only mapping or a changed file itself
    if (!report.ok()) {
        // Nothing is cleared: a Save is all or nothing, so every edit stays unsaved (the title keeps its *).
        const QString text = SaveMessages::failure(report, overlay->byteCount());
        emit message(text);
        emit saveFailed(text, report.fileChange != FileChange::None);
        return report;
    }
    const std::vector<ByteRange> ranges = overlay->ranges();
    clearAll(); // the undo steps describe edits that now live in the file
    for (const ByteRange &r : ranges)
        emit documentChanged(r);
    setModifiedState();
    emit message(tr("Saved %1 in %n range(s)", nullptr, int(std::min<std::size_t>(ranges.size(), INT_MAX)))
                     .arg(sizeText(report.bytesWritten)));
    emit saved();
    return report;
}

void EditSession::markSavedByShift()
{
    const std::uint64_t size = m_table.size();
    clearAll();
    emit documentChanged({0, std::max(size, m_table.size())});
    setModifiedState();
    emit saved();
}

QString EditSession::recoverInterruptedSave(MappedFile &file)
{
    if (!file.isValid())
        return {};
    const JournalRecovery recovery = recoverSaveJournal(file.path());
    if (recovery.outcome == JournalOutcome::Replayed && recovery.insertDelete) {
        // A completed insert/delete save changed the file's size: map the file as it is now.
        auto reopened = MappedFile::open(file.path(), file.reopenMode());
        if (reopened)
            file = std::move(*reopened);
    } else if (recovery.outcome == JournalOutcome::Replayed) {
        (void)file.refreshIdentity(); // the replay is Hexmap's own write, not another program's
    }
    return SaveMessages::recovery(recovery);
}

void EditSession::revert()
{
    const std::uint64_t size = m_table.size();
    clearAll();
    emit documentChanged({0, std::max(size, m_table.size())});
    if (size != m_table.size())
        emit sizeChanged(m_table.size());
    setModifiedState();
}

bool EditSession::discardEdits()
{
    if (!isModified())
        return false;
    const std::uint64_t size = m_table.size();
    const std::uint64_t edited = editedBytes();
    if (!m_table.restoreOriginal().ok())
        return false;
    const ByteRange changed{0, std::max(size, m_table.size())};
    const std::optional<EditCommand::Shift> shift =
        size == m_table.size() ? std::nullopt : std::optional(EditCommand::Shift{0, size, m_table.size()});
    pushStep(EditCommand::Kind::Revert, changed, edited, shift, false);
    announce(changed, size, shift);
    return true;
}

EditSession::ReapplyReport EditSession::reapplyEdits(const std::vector<EditOverlay::Run> &runs)
{
    ReapplyReport report;
    for (const EditOverlay::Run &run : runs)
        report.droppedBytes += run.bytes.size();
    if (runs.empty() || !checkEditable())
        return report;
    const std::uint64_t size = m_table.size();
    const ByteRange whole{0, size};
    ByteRange hull;
    for (const EditOverlay::Run &run : runs) {
        const ByteRange fits = run.range().intersected(whole); // starts at run.offset when not empty
        if (fits.isEmpty())
            continue;
        const auto bytes = std::span<const std::byte>(run.bytes).first(static_cast<std::size_t>(fits.size));
        const bool first = report.keptBytes == 0;
        if (!m_table.overwrite(run.offset, bytes, first ? PieceTable::UndoStep::New : PieceTable::UndoStep::ExtendLast))
            continue;
        hull = first ? fits : ByteRange::fromBounds(std::min(hull.offset, fits.offset), std::max(hull.end(), fits.end()));
        report.keptBytes += fits.size;
        report.droppedBytes -= fits.size;
    }
    if (report.keptBytes == 0)
        return report;
    pushStep(EditCommand::Kind::Reload, hull, report.keptBytes, std::nullopt, false);
    announce(hull, size, std::nullopt);
    return report;
}

} // namespace hexmap
