#include "ui/edit/editcontroller.h"

#include "core/hexbytes.h"
#include "ui/document/editsession.h"
#include "ui/view/hexview.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QMimeData>

#include <vector>

namespace hexmap {

EditController::EditController(HexView *view, EditSession *session, QObject *parent)
    : QObject(parent), m_view(view), m_session(session)
{
    m_view->installEventFilter(this);
    m_view->setSnapshot(m_session->snapshot());
    m_view->setInsertMode(m_session->isInsertMode());
    connect(m_view, &HexView::cursorMoved, this, &EditController::onCursorMoved);
    connect(m_session, &EditSession::insertModeChanged, m_view, &HexView::setInsertMode);
    connect(m_session, &EditSession::documentChanged, m_view, [this] {
        m_view->setSnapshot(m_session->snapshot()); // the view's bytes and size follow every edit, undo and save
        m_view->viewport()->update();
    });
    // Anything that can end a half-typed byte (undo, save, revert, a reopen, editing on or off) passes here.
    connect(m_session, &EditSession::documentChanged, this, &EditController::updateCaret);
    connect(m_session, &EditSession::modifiedChanged, this, &EditController::updateCaret);
    connect(m_session, &EditSession::editingEnabledChanged, this, &EditController::updateCaret);
    updateCaret();
}

void EditController::updateCaret()
{
    if (!m_session->isEditingEnabled()) {
        m_view->setCaretNibble(std::nullopt);
        return;
    }
    const bool low = m_session->pendingNibbleOffset() == m_view->cursorOffset();
    m_view->setCaretNibble(low ? HexLayout::Nibble::Low : HexLayout::Nibble::High);
}

bool EditController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress)
        return handleKey(static_cast<QKeyEvent *>(event));
    return QObject::eventFilter(watched, event);
}

bool EditController::handleKey(QKeyEvent *event)
{
    if (!m_view->hasFile())
        return false;
    if (event->matches(QKeySequence::Paste)) {
        pasteFromClipboard();
        return true;
    }
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        return deleteKey(event->key() == Qt::Key_Backspace);
    const QString text = event->text();
    if (text.size() != 1 || !text[0].isPrint())
        return false;
    const std::uint64_t cursor = m_view->cursorOffset();
    const int area = int(m_view->cursorArea());
    if (area != m_lastArea) {
        m_session->breakTyping();
        m_lastArea = area;
    }
    EditSession::TypeResult result;
    if (m_view->cursorArea() == HexView::Area::Hex) {
        bool ok = false;
        const int digit = QString(text[0]).toInt(&ok, 16);
        if (!ok) {
            if (m_session->checkEditable())
                emit m_view->statusMessage(tr("Type hex digits (0-9, A-F) in the hex column"));
            return true;
        }
        result = m_session->typeHexDigit(cursor, digit);
    } else {
        result = m_session->typeCharacter(cursor, text[0]);
    }
    if (result.written && (result.cursor != cursor || !m_view->selection().isEmpty())) {
        m_typedTo = result.cursor; // where typing goes on: this move does not end the typing step
        m_view->setCursorOffset(result.cursor);
        m_typedTo.reset();
    }
    updateCaret();
    return true;
}

bool EditController::deleteKey(bool backspace)
{
    const ByteRange selection = m_view->selection();
    const std::uint64_t cursor = m_view->cursorOffset();
    ByteRange range = selection;
    if (range.isEmpty()) {
        if (backspace && cursor == 0)
            return true; // nothing before the first byte
        range = {backspace ? cursor - 1 : cursor, 1};
    }
    if (m_session->erase(range, EditCommand::Kind::Delete))
        m_view->setCursorOffset(range.offset);
    return true;
}

void EditController::onCursorMoved(std::uint64_t offset)
{
    if (m_typedTo != offset)
        m_session->breakTyping();
    updateCaret();
}

bool EditController::pasteFromClipboard()
{
    return pasteMimeData(QApplication::clipboard()->mimeData());
}

bool EditController::pasteMimeData(const QMimeData *mime)
{
    if (!mime) {
        emit m_view->statusMessage(tr("The clipboard is empty"));
        return false;
    }
    QByteArray raw;
    if (mime->hasFormat(QStringLiteral("application/octet-stream"))) {
        raw = mime->data(QStringLiteral("application/octet-stream"));
    } else if (mime->hasText()) {
        const QString text = mime->text();
        if (m_view->cursorArea() == HexView::Area::Hex) {
            const QByteArray latin = text.toLatin1();
            const auto parsed = parseHexBytes(std::string_view(latin.constData(), std::size_t(latin.size())), false,
                                              std::size_t(EditSession::kPasteLimit) + 1);
            if (parsed) {
                const auto *p = reinterpret_cast<const char *>(parsed->bytes.data());
                raw = QByteArray(p, qsizetype(parsed->bytes.size()));
            }
        }
        if (raw.isEmpty())
            raw = text.toUtf8();
    }
    const auto *bytes = reinterpret_cast<const std::byte *>(raw.constData());
    const std::uint64_t cursor = m_view->cursorOffset();
    const ByteRange selection = m_view->selection();
    if (!m_session->paste(cursor, std::span<const std::byte>(bytes, std::size_t(raw.size())), selection))
        return false;
    if (m_session->isInsertMode()) // after what was pasted, as in a text editor
        m_view->setCursorOffset((selection.isEmpty() ? cursor : selection.offset) + std::uint64_t(raw.size()));
    return true;
}

} // namespace hexmap
