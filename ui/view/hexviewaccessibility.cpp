#include "ui/view/hexviewaccessibility.h"

#include "ui/view/hexview.h"

#include <QKeyEvent>
#include <QLocale>

#include <array>
#include <cstddef>
#include <optional>
#include <span>

namespace hexmap {

HexViewAccessibility::HexViewAccessibility(HexView *view) : QObject(view), m_view(view)
{
    m_view->setAccessibleName(tr("Hex view"));
    connect(m_view, &HexView::cursorMoved, this, &HexViewAccessibility::update);
    connect(m_view, &HexView::selectionChanged, this, &HexViewAccessibility::update);
    connect(m_view, &HexView::visibleRangeChanged, this, &HexViewAccessibility::update); // e.g. a new file
    connect(m_view, &HexView::snapshotChanged, this, &HexViewAccessibility::update);     // an edit
    m_view->installEventFilter(this);
    update();
}

bool HexViewAccessibility::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) && (key->modifiers() & Qt::ControlModifier)) {
            moveFocus(key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier));
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void HexViewAccessibility::moveFocus(bool forward)
{
    // The view's viewport and scroll bars are its own children: skip them.
    for (QWidget *w = forward ? m_view->nextInFocusChain() : m_view->previousInFocusChain(); w && w != m_view;
         w = forward ? w->nextInFocusChain() : w->previousInFocusChain()) {
        if (m_view->isAncestorOf(w) || !w->isVisible() || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus))
            continue;
        if (w->window() != m_view->window())
            continue;
        w->setFocus(forward ? Qt::TabFocusReason : Qt::BacktabFocusReason);
        return;
    }
}

QString HexViewAccessibility::describe() const
{
    if (!m_view->hasFile())
        return tr("No file is open");
    const std::uint64_t size = m_view->documentSize(); // the document with its edits, not the file on disk
    const std::uint64_t offset = m_view->cursorOffset();
    const QLocale locale;
    QString text = tr("Offset 0x%1 (%2) of %3 bytes")
                       .arg(QString::number(offset, 16).toUpper(), locale.toString(offset), locale.toString(size));
    std::array<std::byte, 1> byte{};
    const PieceSnapshot &document = m_view->snapshot();
    const std::optional<std::uint64_t> inFile = document.originalOffsetAt(offset); // nullopt: an inserted byte
    const auto read = [&] {
        return document.read(offset, byte, [&](std::uint64_t at, std::span<std::byte> out) {
            return m_view->file().readAt(at, out) == out.size();
        });
    };
    if (offset >= size) {
        if (m_view->insertMode())
            text += tr(", after the last byte");
    } else if (inFile && *inFile >= m_view->readableSize()) {
        text += tr(", absent (past the end of the file on disk)");
    } else if (const auto n = read(); n && n.value() == 1) {
        const auto value = std::to_integer<unsigned>(byte[0]);
        text += tr(", value 0x%1 (%2)").arg(value, 2, 16, QLatin1Char('0')).arg(value);
    }
    text += m_view->cursorArea() == HexView::Area::Hex ? tr(", hex column") : tr(", text column");
    const ByteRange selection = m_view->selection();
    if (selection.size > 0)
        text += tr(", %1 bytes selected from 0x%2")
                    .arg(locale.toString(selection.size), QString::number(selection.offset, 16).toUpper());
    return text;
}

void HexViewAccessibility::update()
{
    const QString text = describe();
    if (text != m_view->accessibleDescription())
        m_view->setAccessibleDescription(text);
}

} // namespace hexmap
