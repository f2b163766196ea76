#pragma once

#include "ui/pane/windowfeature.h"

#include <QPointer>

class QAction;
class QLabel;

namespace hexmap {

class HexView;

// InsertModeSupport: Edit > Insert Mode (the Insert key toggles it; per document, shown in the view's caret and as
// "INS" / "OVR" on the status bar) and Edit > Cut (Ctrl+X: copies the selection as hex text, then deletes it as one
// undo step). In insert mode typing and pasting insert bytes; Delete and Backspace delete in both modes
// (EditController). A block device has a fixed size: insert mode and Cut are refused there, with the reason.
// Owned by the window (QObject parent). Thread: GUI thread only.
class InsertModeSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit InsertModeSupport(QWidget *window);

    QList<FeatureAction> featureActions() const override;
    QList<QWidget *> statusWidgets() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;

    QAction *insertMode;
    QAction *cut;

private:
    void cutAsked();
    void update();

    QPointer<Document> m_document;
    QPointer<HexView> m_view;
    QLabel *m_label;
    QList<QMetaObject::Connection> m_current;
};

} // namespace hexmap
