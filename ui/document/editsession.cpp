#include "ui/document/editsession.h"

#include "ui/document/document.h"

#include "core/journalrecovery.h"
#include "core/numberparser.h"
#include "core/piecetable.h"
#include "ui/document/reloadeditscommand.h"
#include "ui/document/reverteditscommand.h"
#include "ui/document/savemessages.h"

#include <vector>

namespace hexmap {

namespace {

QString sizeText(std::uint64_t bytes) { return QString::fromStdString(formatSize(bytes)); }

} // namespace

EditSession::EditSession(Document *document) : QObject(document), m_doc(document), m_undo(this) {}

const MappedFile &EditSession::file() const { return m_doc->file(); }

bool EditSession::isEditingEnabled() const { return m_doc->isWritable(); }

void EditSession::reset()
{
    m_overlay.clear();
    m_undo.clear();
    breakTyping();
    setModifiedState();
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

std::size_t EditSession::readDisplayed(std::uint64_t offset, std::span<std::byte> buffer) const
{
    if (!file().isValid())
        return 0;
    const std::size_t n = file().readAt(offset, buffer);
    m_overlay.apply(offset, buffer.first(n));
    return n;
}

PieceSnapshot EditSession::snapshot() const
{
    // Intermediate step of the move to the piece table: the overlay's runs as overwrites of the file.
    PieceTable table(size());
    m_overlay.forEachRun([&](std::uint64_t offset, std::span<const std::byte> bytes) {
        (void)table.overwrite(offset, bytes, PieceTable::UndoStep::ExtendLast);
    });
    return table.snapshot();
}

std::uint64_t EditSession::size() const { return file().isValid() ? file().size() : 0; }

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

bool EditSession::writeBytes(std::uint64_t offset, std::span<const std::byte> bytes, OverwriteCommand::Kind kind)
{
    if (!checkEditable() || bytes.empty())
        return false;
    const std::uint64_t size = file().size();
    if (offset >= size || bytes.size() > size - offset) {
        emit message(tr("Cannot write past the end of the file: the size is fixed (overwrite mode)"));
        return false;
    }
    if (kind != OverwriteCommand::Kind::Typing)
        breakTyping();
    m_pushing = true;
    m_undo.push(new OverwriteCommand(this, offset, bytes, kind, m_typingGeneration));
    m_pushing = false;
    return true;
}

bool EditSession::paste(std::uint64_t offset, std::span<const std::byte> bytes)
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
    const std::uint64_t size = file().size();
    if (offset >= size) {
        emit message(tr("Cannot paste at the end of the file: the size is fixed (overwrite mode)"));
        return false;
    }
    const std::uint64_t fits = std::min<std::uint64_t>(bytes.size(), size - offset);
    if (!writeBytes(offset, bytes.first(fits), OverwriteCommand::Kind::Paste))
        return false;
    if (fits < bytes.size())
        emit message(tr("Pasted %1 of %2 bytes: the file ends there (overwrite mode never grows it)")
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
    return writeBytes(range.offset, bytes, OverwriteCommand::Kind::Fill);
}

EditSession::TypeResult EditSession::typeHexDigit(std::uint64_t cursor, int digit)
{
    TypeResult result{false, cursor, {}};
    if (!checkEditable() || digit < 0 || digit > 15)
        return result;
    const std::uint64_t size = file().size();
    if (cursor >= size || m_endReachedAt == cursor) {
        result.message = tr("End of file: typing cannot grow the file (overwrite mode)");
        emit message(result.message);
        return result;
    }
    std::byte current{};
    readDisplayed(cursor, std::span<std::byte>(&current, 1));
    const bool low = m_lowNibbleAt == cursor;
    const auto v = std::to_integer<unsigned>(current);
    const std::byte next = low ? std::byte((v & 0xF0u) | unsigned(digit)) : std::byte((unsigned(digit) << 4) | (v & 0x0Fu));
    if (!writeBytes(cursor, std::span<const std::byte>(&next, 1), OverwriteCommand::Kind::Typing))
        return result;
    result.written = true;
    if (!low) {
        m_lowNibbleAt = cursor;
        return result;
    }
    m_lowNibbleAt.reset();
    if (cursor + 1 < size)
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
    const std::uint64_t size = file().size();
    const QByteArray utf8 = QString(character).toUtf8();
    if (cursor >= size || m_endReachedAt == cursor || std::uint64_t(utf8.size()) > size - cursor) {
        result.message = tr("End of file: typing cannot grow the file (overwrite mode)");
        emit message(result.message);
        return result;
    }
    m_lowNibbleAt.reset();
    const auto *p = reinterpret_cast<const std::byte *>(utf8.constData());
    if (!writeBytes(cursor, std::span<const std::byte>(p, std::size_t(utf8.size())), OverwriteCommand::Kind::Typing))
        return result;
    result.written = true;
    const std::uint64_t end = cursor + std::uint64_t(utf8.size());
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

SaveReport EditSession::save()
{
    SaveReport report;
    if (!file().isValid() || m_overlay.isEmpty())
        return report;
    SaveOptions options;
    options.hook = m_faultHook;
    report = saveOverlay(m_doc->m_file, m_overlay, options); // refuses a read-only mapping or a changed file itself
    if (!report.ok()) {
        // Nothing is cleared: a Save is all or nothing, so every edit stays unsaved (the title keeps its *).
        const QString text = SaveMessages::failure(report, m_overlay.byteCount());
        emit message(text);
        emit saveFailed(text, report.fileChange != FileChange::None);
        return report;
    }
    const std::vector<ByteRange> ranges = m_overlay.ranges();
    m_overlay.clear();
    m_undo.clear(); // the undo snapshots describe the overlay, which now lives in the file
    breakTyping();
    for (const ByteRange &r : ranges)
        emit overlayChanged(r);
    setModifiedState();
    emit message(tr("Saved %1 in %n range(s)", nullptr, int(std::min<std::size_t>(ranges.size(), INT_MAX)))
                     .arg(sizeText(report.bytesWritten)));
    emit saved();
    return report;
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
    const std::vector<ByteRange> ranges = m_overlay.ranges();
    m_overlay.clear();
    m_undo.clear();
    breakTyping();
    for (const ByteRange &r : ranges)
        emit overlayChanged(r);
    setModifiedState();
}

bool EditSession::discardEdits()
{
    if (m_overlay.isEmpty())
        return false;
    const std::vector<ByteRange> ranges = m_overlay.ranges();
    const ByteRange hull = ByteRange::fromBounds(ranges.front().offset, ranges.back().end());
    breakTyping();
    m_pushing = true;
    m_undo.push(new RevertEditsCommand(this, m_overlay.extract(hull)));
    m_pushing = false;
    return true;
}

EditSession::ReapplyReport EditSession::reapplyEdits(const std::vector<EditOverlay::Run> &runs)
{
    ReapplyReport report;
    for (const EditOverlay::Run &run : runs)
        report.droppedBytes += run.bytes.size();
    if (runs.empty() || !checkEditable())
        return report;
    const ByteRange whole{0, file().size()};
    EditOverlay after = m_overlay;
    for (const EditOverlay::Run &run : runs) {
        const ByteRange fits = run.range().intersected(whole); // starts at run.offset when not empty
        if (fits.isEmpty())
            continue;
        after.set(run.offset, std::span<const std::byte>(run.bytes).first(static_cast<std::size_t>(fits.size)));
        report.keptBytes += fits.size;
        report.droppedBytes -= fits.size;
    }
    if (report.keptBytes == 0)
        return report;
    breakTyping();
    m_pushing = true;
    m_undo.push(new ReloadEditsCommand(this, m_overlay.extract(whole), after.extract(whole)));
    m_pushing = false;
    return report;
}

void EditSession::restoreSlice(const EditOverlay::Slice &slice)
{
    m_overlay.restore(slice);
    if (!m_pushing)
        breakTyping(); // undo/redo: the next digit starts a new byte and a new step
    emit overlayChanged(slice.range);
    setModifiedState();
}

void EditSession::setModifiedState()
{
    if (isModified() == m_wasModified)
        return;
    m_wasModified = isModified();
    emit modifiedChanged(m_wasModified);
}

} // namespace hexmap
