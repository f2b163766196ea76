#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/piecesnapshot.h"
#include "ui/view/hexlayout.h"
#include "ui/view/hexpainter.h"
#include "ui/view/highlight.h"

#include <QAbstractScrollArea>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace hexmap {

class HexViewController;

// HexView: a scroll area showing a document (a PieceSnapshot over a MappedFile: the file with its unsaved inserts,
// erases and overwrites) as offset | hex | ASCII rows with a header of column offsets. Its size, rows, cursor and
// selection bounds are the document's (snapshot().size()); bytes of the file are read through the mapping.
// It keeps the first visible row (std::uint64_t) as the truth and maps it to the int vertical scroll bar through
// HexLayout/ScrollScaler, so the last byte of a multi-TiB file is reachable by bar, keyboard and scrollToOffset.
// Painting is done by HexPainter straight from the mapping (only the rows in the dirty rectangle); keyboard and
// mouse handling lives in HexViewController. Selection is half-open and never materialized.
// Thread: GUI thread only.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class Area { Hex, Ascii };
    enum class CopyFormat { HexText, CArray, RawText };
    static constexpr std::uint64_t CopyLimit = 16u << 20; // bytes; larger selections are refused with a message

    explicit HexView(QWidget *parent = nullptr);
    ~HexView() override;

    // Shows `file` from offset 0, cursor at 0, no selection, as an unmodified document (a snapshot of the file with no
    // edits). The view reads through the pointer (a Document's mapping: a reopen read-write is seen at once); the
    // file must outlive the view or be cleared first.
    void setFile(const MappedFile *file);
    // Standalone use (tests, tools without a Document): the view keeps its own handle of `file`.
    void setFile(const MappedFile &file);
    void clearFile();
    const MappedFile &file() const;
    bool hasFile() const;

    std::uint64_t cursorOffset() const;
    Area cursorArea() const;
    void setCursorArea(Area area); // added: Tab toggles it
    ByteRange selection() const;                                              // half-open; empty when none
    // setCursorOffset(o, false) collapses the selection; (o, true) selects [min(anchor, o), max(anchor, o) + 1)
    // where the anchor is the cursor before the first extending move. setSelection(range) sets the range and
    // the anchor (range.offset) without moving the cursor or scrolling.
    void setCursorOffset(std::uint64_t offset, bool extendSelection = false); // clamped; scrolls it into view
    void setSelection(ByteRange range);                                       // clamped to the file
    void selectAll();
    std::uint64_t topOffset() const;           // first byte of the first visible row
    void scrollToOffset(std::uint64_t offset); // make the row holding offset the top row
    ByteRange visibleRange() const;

    void setBytesPerRow(int bytesPerRow); // 8, 16, 32, 64; 0 = fit to width
    int bytesPerRow() const;              // the effective value
    void setGroupSize(int groupSize);     // 1, 2, 4, 8
    int groupSize() const;
    void setViewFont(const QFont &font); // the monospace font of the bytes (Preferences); relayouts
    QFont viewFont() const { return m_painter.font(); }

    // Copies the selection (or the byte at the cursor) to the clipboard; false (and statusMessage) when the
    // selection exceeds CopyLimit.
    bool copySelection(CopyFormat format);

    // ---- added members ----
    // Tinted ranges drawn under the bytes, in layers (bookmarks, search marks, job worker ranges); replaces only
    // that layer's previous set. highlights() is every layer's, bottom to top, in the order they are drawn.
    void setHighlights(HighlightLayer layer, std::vector<Highlight> highlights);
    const std::vector<Highlight> &highlights(HighlightLayer layer) const;
    const std::vector<Highlight> &highlights() const { return m_highlights; }
    // The document shown: the file (originalSize() must equal file().size()) with unsaved edits. Bytes of Memory and
    // Fill pieces (inserted or overwritten) are drawn in the "edited" colour; bytes of the file keep their colour
    // wherever they moved. A value: set it again after each change (EditSession::snapshot()); the view relayouts
    // when the size changed (cursor and selection clamped to it, top row kept) and repaints. A snapshot over another
    // original size is ignored (the view keeps the file unmodified). setFile() resets it to the file, unmodified.
    void setSnapshot(PieceSnapshot snapshot);
    const PieceSnapshot &snapshot() const { return m_snapshot; }
    // The document's size in bytes (snapshot().size(); 0 without a file).
    std::uint64_t documentSize() const { return m_hasFile ? m_snapshot.size() : 0; }
    // Insert mode: the cursor may stand at documentSize() (after the last byte, to append; the only position of an
    // empty document), drawn as a thin bar before the cell instead of the overwrite block; End, Ctrl+End, Right at
    // the last byte and a click past the last byte reach it. Leaving insert mode moves a cursor standing there back
    // to the last byte. Off by default.
    void setInsertMode(bool on);
    bool insertMode() const { return m_insertMode; }
    // The file's size on disk when another program truncated it under the mapping (FileWatcher pushes it): bytes
    // at or past it are painted as absent (blank cells on a muted tint, never `00`) and never read through the
    // mapping (paint, copy, accessibility). It counts in the file's offsets: a document byte is absent when it is a
    // file byte at or past it, wherever edits moved it. setFile() resets it to the file's size; larger values are
    // clamped.
    void setReadableSize(std::uint64_t size);
    std::uint64_t readableSize() const { return m_readable; }
    const HexLayout &layout() const { return m_layout; }
    std::uint64_t firstRow() const { return m_firstRow; }
    std::uint64_t pageRows() const; // fully visible rows below the header
    int headerHeight() const;       // pixels of the column-offset header at the top of the viewport
    QSize minimumSizeHint() const override; // the header and two rows: the view shrinks with a small window
    // The cell of one byte in viewport coordinates (header and horizontal scroll applied).
    QRectF cellRect(std::uint64_t offset, Area area) const;
    // The nibble caret of overwrite editing (an EditController sets it): in the hex column the cursor is solid only
    // over the half of the byte the next typed hex digit goes to (High, Low), the byte outlined; nullopt (browsing)
    // = the whole byte is solid. caretRect() is the solid part in viewport coordinates, in the active column. In
    // insert mode the caret is the thin bar (HexLayout::insertCaretRect) unless the nibble is Low (the second digit
    // of a byte being typed goes into that byte, shown as in overwrite mode).
    void setCaretNibble(std::optional<HexLayout::Nibble> nibble);
    std::optional<HexLayout::Nibble> caretNibble() const { return m_caretNibble; }
    QRectF caretRect() const;
    // Moves the view by rows (wheel, scroll-bar steps in the scaled range); clamped.
    void scrollByRows(std::int64_t rows);

signals:
    void cursorMoved(std::uint64_t offset);
    void selectionChanged(hexmap::ByteRange selection);
    void visibleRangeChanged(hexmap::ByteRange visible);
    void statusMessage(const QString &message); // transient, for the status bar
    void snapshotChanged(); // setSnapshot() took a new document version (its bytes or size may differ)

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override; // Tab switches hex/ASCII instead of moving focus
    void scrollContentsBy(int dx, int dy) override;

private:
    friend class HexViewController;
    // Tests (tests/ui/hexviewtesthelpers.h) switch m_recordText on to read the text of the rows the last paint drew:
    // the text exists only inside the paint, and a copy of the painter in the test would not prove what was drawn.
    friend class HexViewTestProbe;
    void relayout();            // font, bytes per row, file size -> layout, scroll bars
    void updateScrollBars();
    int barValue() const; // the vertical bar's value for m_firstRow: the only value the view ever sets
    void onVerticalValueChanged(int value);
    void onVerticalAction(int action);
    void setFirstRow(std::uint64_t row);
    void ensureCursorVisible();
    void emitVisibleIfChanged();
    void setCursorAndAnchor(std::uint64_t cursor, std::uint64_t anchor, bool hasSelection);
    void clampCursorToDocument(); // after the size or insert mode changed: cursor, anchor, selection inside it
    bool showsInsertBar() const { return m_insertMode && m_caretNibble != HexLayout::Nibble::Low; }
    // True when a byte of `range` is a file byte at or past readableSize() (absent on disk).
    bool readsPastReadable(ByteRange range) const;

    const MappedFile *m_file = nullptr; // the shown file (a Document's, or m_own)
    MappedFile m_own;                   // only for setFile(const MappedFile &)
    bool m_hasFile = false;
    HexLayout m_layout;
    HexPainter m_painter;
    HexViewController *m_controller = nullptr; // child QObject
    std::array<std::vector<Highlight>, HighlightLayerCount> m_layers;
    std::vector<Highlight> m_highlights; // every layer, bottom to top (what the painter draws)
    PieceSnapshot m_snapshot;     // the document; unmodified over the file after setFile
    bool m_insertMode = false;
    std::uint64_t m_readable = 0; // see setReadableSize
    std::uint64_t m_firstRow = 0;
    std::uint64_t m_cursor = 0;
    std::uint64_t m_anchor = 0;
    ByteRange m_selection{0, 0};
    int m_wheelRemainder = 0;
    Area m_area = Area::Hex;
    std::optional<HexLayout::Nibble> m_caretNibble;
    int m_requestedBytesPerRow = 16;
    int m_groupSize = 1;
    bool m_recordText = false;  // see HexViewTestProbe
    QStringList m_paintedRows;  // the rows' text of the last paint while m_recordText
    ByteRange m_lastVisible{0, 0};
};

} // namespace hexmap
