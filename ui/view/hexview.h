#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
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

// HexView: a scroll area showing a MappedFile as offset | hex | ASCII rows with a header of column offsets.
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

    // Shows `file` from offset 0, cursor at 0, no selection. The view reads through the pointer (a Document's
    // mapping: a reopen read-write is seen at once); the file must outlive the view or be cleared first.
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
    // Unsaved edits drawn over the mapping in the "edited" colour (owned by the caller, e.g. an EditSession; must
    // outlive the view or be reset to nullptr). Call viewport()->update() after changing the overlay.
    void setEditOverlay(const EditOverlay *overlay);
    const EditOverlay *editOverlay() const { return m_overlay; }
    // The file's size on disk when another program truncated it under the mapping (FileWatcher pushes it): bytes
    // at or past it are painted as absent (blank cells on a muted tint, never `00`) and never read through the
    // mapping (paint, copy, accessibility). setFile() resets it to the file's size; larger values are clamped.
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
    // = the whole byte is solid. caretRect() is the solid part in viewport coordinates, in the active column.
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

    const MappedFile *m_file = nullptr; // the shown file (a Document's, or m_own)
    MappedFile m_own;                   // only for setFile(const MappedFile &)
    bool m_hasFile = false;
    HexLayout m_layout;
    HexPainter m_painter;
    HexViewController *m_controller = nullptr; // child QObject
    std::array<std::vector<Highlight>, HighlightLayerCount> m_layers;
    std::vector<Highlight> m_highlights; // every layer, bottom to top (what the painter draws)
    const EditOverlay *m_overlay = nullptr;
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
