#pragma once

#include "core/byterange.h"
#include "core/editoverlay.h"
#include "core/mappedfile.h"
#include "core/overlaysaver.h"
#include "core/piecetable.h"
#include "ui/document/editcommand.h"
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

// EditSession: the editing state of one open Document: the document's bytes as a piece table over the file
// (core/piecetable.h: overwritten, inserted and deleted bytes; the file itself is not touched), the undo stack (one
// EditCommand per piece-table step), Insert/Overwrite mode, the nibble state of hex typing, Save and Revert.
// It reads the file through its Document (which owns the mapping and its mode: editing enabled = the document is
// read-write). Offsets here are document offsets (what the view shows); they equal file offsets until bytes are
// inserted or deleted. The file is written only by save() (overwrites only, in place) or, when the size or the
// position of file bytes changes, by the in-place shift save that ShiftSaver runs as a job (needsShiftSave()).
// Reload (Document::reload) carries overwrite-only edits over to the file's new mapping with reapplyEdits(): they
// stay unsaved and become ONE undo step; inserted/deleted bytes cannot be carried over (the file they refer to has
// changed) and are reported as dropped.
// Owned by its Document. Thread: GUI thread only (the snapshots it hands out may be read on any thread).
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

    // Starts over (clears edits and undo history; the table's original is the file as it is now). The Document
    // calls it when it opens, reloads or closes a file.
    void reset();
    const MappedFile &file() const; // the document's mapping
    bool hasFile() const { return file().isValid(); }

    // Enables editing through Document::setWritable (the file is reopened read-write). Returns false and emits
    // message() naming the path and reason (read-only file, EACCES, EROFS, the write lock's holder) on failure.
    // Disabling is refused while there are unsaved edits; otherwise the file is reopened read-only. A block device
    // needs WriteConsent::DeviceConfirmed (the caller showed the device warning), see Document::setWritable.
    bool setEditingEnabled(bool enabled, WriteConsent consent = WriteConsent::Ordinary);
    bool isEditingEnabled() const;

    // The document as the user sees it (file + unsaved edits): an immutable piece-table version that readers
    // (view, scans, Save As) may keep and read on any thread; and its size in bytes.
    PieceSnapshot snapshot() const { return m_table.snapshot(); }
    const PieceSnapshot &current() const { return m_table.current(); }
    std::uint64_t size() const { return hasFile() ? m_table.size() : 0; }
    QUndoStack *undoStack() { return &m_undo; }
    bool isModified() const { return m_table.isModified(); }
    // True when Save has to move bytes of the file (bytes were inserted or deleted): the shift save (a job).
    bool needsShiftSave() const;
    // The unsaved bytes (inserted or overwritten) and where they are in the document: sorted, disjoint ranges.
    std::uint64_t editedBytes() const;
    std::vector<ByteRange> editedRanges() const;
    // The edits as runs of overwritten bytes when no byte was inserted or deleted; nullopt otherwise.
    std::optional<std::vector<EditOverlay::Run>> overwriteRuns() const;

    // Insert mode: typing and pasting insert bytes instead of overwriting them (the Insert key toggles it). A new
    // session starts in overwrite mode. Block devices never change size: insert mode is refused there.
    bool isInsertMode() const { return m_insertMode; }
    bool setInsertMode(bool on);

    // The bytes as displayed from `offset` into `buffer`; returns the count (clamped at the end; 0 when the file
    // cannot be read there any more).
    std::size_t readDisplayed(std::uint64_t offset, std::span<std::byte> buffer) const;

    // Overwrites bytes at `offset` as one undo step. Refused (false + message) when editing is off, when the bytes
    // do not all fit before the end of the document (nothing is written), or when empty.
    bool writeBytes(std::uint64_t offset, std::span<const std::byte> bytes, EditCommand::Kind kind);
    // Inserts `bytes` before `offset` (offset == size() appends) as one undo step. Refused on a block device, past
    // the end, or when empty.
    bool insertBytes(std::uint64_t offset, std::span<const std::byte> bytes, EditCommand::Kind kind);
    // Inserts `length` bytes repeating `pattern` (Edit > Insert Bytes…): one piece whatever the length.
    bool insertFill(std::uint64_t offset, std::span<const std::byte> pattern, std::uint64_t length);
    // Deletes `range` (Delete, Backspace, Cut, Edit > Delete Range…) as one undo step: any length, instant.
    bool erase(ByteRange range, EditCommand::Kind kind);
    // Pastes at `offset`. Insert mode: replaces `selection` when it is not empty, else inserts at offset.
    // Overwrite mode: overwrites from offset, cut at the end of the document (with a message saying how many bytes
    // were dropped).
    bool paste(std::uint64_t offset, std::span<const std::byte> bytes, ByteRange selection = {});
    // Fills `range` with `value` as one undo step; refused above kFillLimit with a message pointing to Edit > Fill.
    bool fill(ByteRange range, std::byte value);

    // Typing. Overwrite mode: typeHexDigit writes the high nibble of the byte at `cursor` (cursor stays), then the
    // low one (cursor advances); typeCharacter writes the character's UTF-8 bytes and advances; at the end of the
    // document nothing is written and the message says so. Insert mode: the high nibble inserts a new byte (0xD0
    // for "D") at the cursor, the low nibble completes it; characters are inserted. Consecutive typing merges into
    // one undo step until breakTyping() (call it when the cursor moves by other means).
    TypeResult typeHexDigit(std::uint64_t cursor, int digit);
    TypeResult typeCharacter(std::uint64_t cursor, QChar character);
    void breakTyping();
    std::optional<std::uint64_t> pendingNibbleOffset() const { return m_lowNibbleAt; }

    // Saves overwrite-only edits atomically (saveOverlay: checks the file is still the one opened, reserves blocks,
    // writes a journal, pwrite, fdatasync). On success the edits and undo history are cleared and message() says
    // "Saved N in M range(s)"; on failure nothing is cleared, every edit stays unsaved, and message() and
    // saveFailed() say why in words ("The disk is full: 4 bytes at 0x3000000 were not saved"). When
    // needsShiftSave(), nothing is written: one failure says the save must move bytes (ShiftSaver does that).
    SaveReport save();
    // After a shift save wrote the whole document into the file: the edits are now the file (clears the edits and
    // the undo history; the caller reloads the Document next).
    void markSavedByShift();
    // Completes or discards a save journal left by an interrupted Save of `file` (recoverSaveJournal), refreshing
    // the file's identity after a replay. Call when a file is opened, before it is shown. Returns one translated
    // line for the user, or an empty string when there was no journal.
    static QString recoverInterruptedSave(MappedFile &file);
    // Drops all unsaved edits and the undo history.
    void revert();
    // Revert Unsaved Edits: drops all unsaved edits as ONE undo step (Undo brings them back). The file is not
    // touched. False (nothing pushed) when there are none.
    bool discardEdits();

    // What reapplyEdits kept and dropped, in bytes.
    struct ReapplyReport {
        std::uint64_t keptBytes = 0;
        std::uint64_t droppedBytes = 0;
    };
    // After a reload: puts `runs` (overwriteRuns() of the previous mapping) back on top of the current file as one
    // undo step, cut at the current end of the file: a run past the end is dropped, a run crossing it keeps the
    // bytes before the end and drops the rest. Nothing is written to the file. With editing off nothing is applied
    // (everything counts as dropped, message() says why).
    ReapplyReport reapplyEdits(const std::vector<EditOverlay::Run> &runs);
    // Test hook: injected into saveOverlay (fail the 2nd range, a sync...).
    void setSaveFaultHook(SaveFaultHook hook) { m_faultHook = std::move(hook); }

    // True when bytes may be changed; otherwise emits message() saying why (no file, editing off).
    bool checkEditable();

    // For EditCommand: moves the table one version forward or back and notifies.
    void stepHistory(bool forward, ByteRange changed, const std::optional<EditCommand::Shift> &shift);

signals:
    void documentChanged(hexmap::ByteRange range); // the document's bytes in `range` changed: repaint them
    void sizeChanged(std::uint64_t size);         // the document's size changed (an insert or delete, undone...)
    // Bytes [offset, offset + removed) became `inserted` bytes (an insert, a delete, their undo or redo): what
    // follows moved; bookmarks follow.
    void bytesShifted(std::uint64_t offset, std::uint64_t removed, std::uint64_t inserted);
    void modifiedChanged(bool modified);
    void insertModeChanged(bool insert);
    void editingEnabledChanged(bool enabled); // relays Document::modeChanged
    void saved();
    // A Save did not complete: `text` says why and what to do; `fileChanged` when the file on disk is no longer the
    // one opened (replaced, deleted, truncated or changed by another program), so reload or Save As make sense.
    void saveFailed(const QString &text, bool fileChanged);
    void message(const QString &text); // for the status bar

private:
    // Pushes the step the table just recorded (see EditCommand); `extends`: the table extended its last step.
    void pushStep(EditCommand::Kind kind, ByteRange changed, std::uint64_t count,
                  std::optional<EditCommand::Shift> shift, bool extends);
    // Whether a typing edit with `shift` may join the step on top (and the table's last step).
    bool typingExtends(const std::optional<EditCommand::Shift> &shift) const;
    void announce(ByteRange changed, std::uint64_t oldSize, const std::optional<EditCommand::Shift> &shift);
    bool checkResizable(); // editable, and not a block device
    void clearAll();
    void setModifiedState();

    Document *m_doc;
    PieceTable m_table;
    QUndoStack m_undo;
    SaveFaultHook m_faultHook;
    bool m_wasModified = false;
    bool m_insertMode = false;
    std::optional<std::uint64_t> m_lowNibbleAt; // the high nibble of this byte was just typed
    std::optional<std::uint64_t> m_endReachedAt; // the last byte was just completed by typing (overwrite mode)
    std::uint64_t m_typingGeneration = 0;
    mutable PieceSnapshot m_inPlaceOf; // the version needsShiftSave() last looked at, and what it found
    mutable bool m_inPlace = true;
};

} // namespace hexmap
