#pragma once

#include <QObject>

#include <cstdint>
#include <optional>

class QKeyEvent;
class QMimeData;

namespace hexmap {

class EditSession;
class HexView;

// EditController connects an EditSession to a HexView without the view knowing about editing: it filters the
// view's key presses (hex digits in the hex column, characters in the ASCII column, Paste, Delete, Backspace), keeps
// the view on the session's document (HexView::setSnapshot after every edit, undo or save), moves the cursor after
// typing, breaks the typing step when the cursor moves otherwise and repaints edited bytes. While editing is
// enabled it keeps the view's nibble caret on the half of the byte the next hex digit goes to (the session's
// pending nibble), and clears it when editing is off. (A reopen read-write keeps the view as it is: the view reads
// through the Document's mapping.) One per pane. Thread: GUI thread only.
class EditController : public QObject
{
    Q_OBJECT
public:
    EditController(HexView *view, EditSession *session, QObject *parent = nullptr);

    // Pastes the clipboard at the cursor (see pasteMimeData). Returns true when something was written.
    bool pasteFromClipboard();
    // Raw bytes (application/octet-stream) as they are; text in the hex column as hex when it parses as hex
    // ("DE AD BE EF", "deadbeef", "0xDE,0xAD"), otherwise its UTF-8 bytes.
    bool pasteMimeData(const QMimeData *mime);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleKey(QKeyEvent *event);
    // Delete: the selection, else the byte at the cursor; Backspace: the selection, else the byte before it.
    bool deleteKey(bool backspace);
    void onCursorMoved(std::uint64_t offset);
    void updateCaret(); // the view's nibble caret from the session's state

    HexView *m_view;
    EditSession *m_session;
    std::optional<std::uint64_t> m_typedTo; // the cursor typing just moved to
    int m_lastArea = 0;
};

} // namespace hexmap
