#pragma once

#include <QObject>

#include <cstdint>

namespace hexmap {

class HexView;

// Screen-reader support for a HexView: gives it an accessible name ("Hex view") and keeps its accessible
// description ("Offset 0x… (…) of … bytes, value 0x…, …" plus the selection) current on every cursor move,
// selection change and file change (QWidget::setAccessibleDescription sends QAccessible::DescriptionChanged).
// Offsets, size and value are the document's (HexView::snapshot(): unsaved inserts, erases and overwrites included);
// in insert mode the position after the last byte is named as such. Tab switches columns inside the view, so
// Ctrl+Tab / Ctrl+Shift+Tab move the keyboard focus to the next / previous widget (no keyboard trap).
// Owned by the view (QObject parent).
// Thread: GUI thread only.
class HexViewAccessibility : public QObject {
    Q_OBJECT
public:
    explicit HexViewAccessibility(HexView *view);

    QString describe() const; // the current description (empty text when no file is open)
    void update();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void moveFocus(bool forward);

    HexView *m_view;
};

} // namespace hexmap
