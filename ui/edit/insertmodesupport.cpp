#include "ui/edit/insertmodesupport.h"

#include "ui/common/connections.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"

#include <QAction>
#include <QLabel>

namespace hexmap {

InsertModeSupport::InsertModeSupport(QWidget *window) : WindowFeature(window), m_label(new QLabel(window))
{
    insertMode = new QAction(tr("&Insert Mode"), this);
    insertMode->setObjectName(QStringLiteral("actionInsertMode"));
    insertMode->setCheckable(true);
    insertMode->setShortcut(QKeySequence(Qt::Key_Insert));
    insertMode->setToolTip(tr("Typing and pasting insert bytes instead of overwriting them (Insert)"));
    cut = new QAction(tr("Cu&t"), this);
    cut->setObjectName(QStringLiteral("actionCut"));
    cut->setShortcut(QKeySequence::Cut);
    cut->setIcon(QIcon::fromTheme(QStringLiteral("edit-cut")));
    m_label->setObjectName(QStringLiteral("insertModeLabel"));
    connect(insertMode, &QAction::toggled, this, [this](bool on) {
        if (m_document && !m_document->session()->setInsertMode(on))
            update(); // refused (a device): the session said why
    });
    connect(cut, &QAction::triggered, this, &InsertModeSupport::cutAsked);
    update();
}

QList<FeatureAction> InsertModeSupport::featureActions() const
{
    using P = ActionPlace;
    return {{cut, {P::Menu::Edit, P::EditChange, -1}}, {insertMode, {P::Menu::Edit, P::EditMode, 1}}};
}

QList<QWidget *> InsertModeSupport::statusWidgets() const { return {m_label}; }

void InsertModeSupport::setCurrent(Document *document, DocumentPane *pane)
{
    disconnectAll(m_current);
    m_document = document;
    m_view = pane ? pane->view() : nullptr;
    if (document) {
        EditSession *s = document->session();
        m_current << connect(s, &EditSession::insertModeChanged, this, &InsertModeSupport::update);
        m_current << connect(s, &EditSession::editingEnabledChanged, this, &InsertModeSupport::update);
        m_current << connect(s, &EditSession::sizeChanged, this, &InsertModeSupport::update);
        m_current << connect(document, &Document::fileReplaced, this, &InsertModeSupport::update);
    }
    update();
}

void InsertModeSupport::update()
{
    const bool open = m_document && m_document->isOpen();
    const bool on = open && m_document->session()->isInsertMode();
    {
        const QSignalBlocker blocker(insertMode);
        insertMode->setChecked(on);
    }
    insertMode->setEnabled(open && !m_document->isDevice());
    cut->setEnabled(open && m_document->isWritable() && !m_document->isDevice() && m_document->size() > 0);
    m_label->setVisible(open);
    m_label->setText(on ? tr("INS") : tr("OVR"));
    m_label->setToolTip(on ? tr("Insert mode: typing inserts bytes (press Insert to overwrite)")
                           : tr("Overwrite mode: typing replaces bytes (press Insert to insert)"));
}

void InsertModeSupport::cutAsked()
{
    if (!m_document || !m_view)
        return;
    const ByteRange selection = m_view->selection();
    if (selection.isEmpty()) {
        emit statusMessage(tr("Select the bytes to cut first"));
        return;
    }
    EditSession *s = m_document->session();
    if (!s->checkEditable() || !m_view->copySelection(HexView::CopyFormat::HexText))
        return; // said why (read-only, or larger than the copy limit)
    if (s->erase(selection, EditCommand::Kind::Cut))
        m_view->setCursorOffset(selection.offset);
}

} // namespace hexmap
