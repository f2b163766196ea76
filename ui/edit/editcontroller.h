#pragma once

#include <QObject>

#include <cstdint>

class QKeyEvent;
class QMimeData;

namespace hexmap {

class EditSession;
class HexView;

// EditController connects an EditSession to a HexView without the view knowing about editing: it filters the
// view's key presses (hex digits in the hex column, characters in the ASCII column, Paste), moves the cursor after
// typing, breaks the typing step when the cursor moves otherwise, repaints edited bytes and keeps the view's
// cursor and scroll position when the session reopens the mapping (Enable Editing).
// Owned by the window (QObject parent). Thread: GUI thread only.
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
    void onCursorMoved(std::uint64_t offset);

    HexView *m_view;
    EditSession *m_session;
    bool m_movingCursor = false;
    int m_lastArea = 0;
};

} // namespace hexmap
