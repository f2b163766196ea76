#pragma once

#include "core/byterange.h"
#include "core/editoverlay.h"
#include "core/mappedfile.h"
#include "core/overlaysaver.h"
#include "core/piecesnapshot.h"
#include "ui/document/overwritecommand.h"
#include "ui/document/writeconsent.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace hexmap {

class Document;

// EditSession: the editing state of one open Document: the overlay of unsaved edits, the undo stack, the nibble
// state of hex typing, Save and Revert. It reads the bytes through its Document (which owns the mapping and its
// mode: editing enabled = the document is read-write). Every change goes through an OverwriteCommand on the undo
// stack; the file is written only by save(). The file size never changes.
// Reload (Document::reload) carries the unsaved edits over to the file's new mapping with reapplyEdits(): they
// stay unsaved, become ONE undo step (ReloadEditsCommand), and the undo history from before the reload is cleared.
// Owned by its Document. Thread: GUI thread only.
class EditSession : public QObject
{
    Q_OBJECT
public:
    static constexpr std::uint64_t kFillLimit = 16u << 20; // larger fills go through Edit > Fill... (a job)
    static constexpr std::uint64_t kPasteLimit = 16u << 20;

    // What a typed key did: the cursor to show next, and a message for the status bar (may be empty).
    struct TypeResult {
        bool written = false;
        std::uint64_t cursor = 0;
        QString message;
    };

    explicit EditSession(Document *document);

    // Starts over (clears edits and undo history). The Document calls it when it opens, reloads or closes a file.
    void reset();
    const MappedFile &file() const; // the document's mapping
    bool hasFile() const { return file().isValid(); }

    // Enables editing through Document::setWritable (the file is reopened read-write). Returns false and emits
    // message() naming the path and reason (read-only file, EACCES, EROFS, the write lock's holder) on failure.
    // Disabling is refused while there are unsaved edits; otherwise the file is reopened read-only. A block device
    // needs WriteConsent::DeviceConfirmed (the caller showed the device warning), see Document::setWritable.
    bool setEditingEnabled(bool enabled, WriteConsent consent = WriteConsent::Ordinary);
    bool isEditingEnabled() const;

    const EditOverlay &overlay() const { return m_overlay; }
    QUndoStack *undoStack() { return &m_undo; }
    bool isModified() const { return !m_overlay.isEmpty(); }
    // The document as the user sees it (file + unsaved edits), as an immutable piece-table version that readers
    // (view, scans, Save As) may keep and read on any thread; and its size in bytes.
    PieceSnapshot snapshot() const;
    std::uint64_t size() const;

    // The bytes as displayed (file + overlay) from `offset` into `buffer`; returns the count (clamped at the end).
    std::size_t readDisplayed(std::uint64_t offset, std::span<std::byte> buffer) const;

    // Overwrites bytes at `offset` as one undo step. Refused (false + message) when editing is off, when the bytes
    // do not all fit before the end of the file (nothing is written), or when empty.
    bool writeBytes(std::uint64_t offset, std::span<const std::byte> bytes, OverwriteCommand::Kind kind);
    // Pastes from `offset`, cut at the end of the file (with a message saying how many bytes were dropped).
    bool paste(std::uint64_t offset, std::span<const std::byte> bytes);
    // Fills `range` with `value` as one undo step; refused above kFillLimit with a message pointing to Edit > Fill.
    bool fill(ByteRange range, std::byte value);

    // Typing. typeHexDigit writes the high nibble of the byte at `cursor` (cursor stays), then the low one
    // (cursor advances). typeCharacter writes the character's UTF-8 bytes and advances. At the end of the file
    // nothing is written and the message says so. Consecutive typing merges into one undo step until
    // breakTyping() (call it when the cursor moves by other means).
    TypeResult typeHexDigit(std::uint64_t cursor, int digit);
    TypeResult typeCharacter(std::uint64_t cursor, QChar character);
    void breakTyping();
    std::optional<std::uint64_t> pendingNibbleOffset() const { return m_lowNibbleAt; }

    // Saves the overlay atomically (saveOverlay: checks the file is still the one opened, reserves blocks, writes a
    // journal, pwrite, fdatasync). On success the overlay and undo history are cleared and message() says
    // "Saved N in M range(s)"; on failure nothing is cleared, every edit stays unsaved, and message() and
    // saveFailed() say why in words ("The disk is full: 4 bytes at 0x3000000 were not saved").
    SaveReport save();
    // Completes or discards a save journal left by an interrupted Save of `file` (recoverSaveJournal), refreshing
    // the file's identity after a replay. Call when a file is opened, before it is shown. Returns one translated
    // line for the user, or an empty string when there was no journal.
    static QString recoverInterruptedSave(MappedFile &file);
    // Drops all unsaved edits and the undo history.
    void revert();
    // Revert Unsaved Edits: drops all unsaved edits as ONE undo step (RevertEditsCommand; Undo brings them back).
    // The file is not touched. False (nothing pushed) when there are none.
    bool discardEdits();

    // What reapplyEdits kept and dropped, in bytes.
    struct ReapplyReport {
        std::uint64_t keptBytes = 0;
        std::uint64_t droppedBytes = 0;
    };
    // After a reload: puts `runs` (the unsaved edits made over the file's previous mapping, as overlay().runs()
    // gave them) back on top of the current file as one undo step, cut at the current end of the file: a run past
    // the end is dropped, a run crossing it keeps the bytes before the end and drops the rest. Nothing is written
    // to the file. With editing off nothing is applied (everything counts as dropped, message() says why).
    ReapplyReport reapplyEdits(const std::vector<EditOverlay::Run> &runs);
    // Test hook: injected into saveOverlay (fail the 2nd range, a sync...).
    void setSaveFaultHook(SaveFaultHook hook) { m_faultHook = std::move(hook); }

    // True when bytes may be changed; otherwise emits message() saying why (no file, editing off).
    bool checkEditable();

    // For OverwriteCommand: puts a slice of overlay state back and notifies.
    void restoreSlice(const EditOverlay::Slice &slice);

signals:
    void overlayChanged(hexmap::ByteRange range); // repaint these bytes
    void modifiedChanged(bool modified);
    void editingEnabledChanged(bool enabled); // relays Document::modeChanged
    void saved();
    // A Save did not complete: `text` says why and what to do; `fileChanged` when the file on disk is no longer the
    // one opened (replaced, deleted, truncated or changed by another program), so reload or Save As make sense.
    void saveFailed(const QString &text, bool fileChanged);
    void message(const QString &text); // for the status bar

private:
    void setModifiedState();

    Document *m_doc;
    EditOverlay m_overlay;
    QUndoStack m_undo;
    SaveFaultHook m_faultHook;
    bool m_wasModified = false;
    bool m_pushing = false;
    std::optional<std::uint64_t> m_lowNibbleAt; // the high nibble of this byte was just typed
    std::optional<std::uint64_t> m_endReachedAt; // the last byte was just completed by typing
    std::uint64_t m_typingGeneration = 0;
};

} // namespace hexmap
