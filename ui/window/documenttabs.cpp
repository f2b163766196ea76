#include "ui/window/documenttabs.h"

#include "ui/document/document.h"
#include "ui/pane/documentpane.h"
#include "ui/window/closeguard.h"

#include <QTabBar>
#include <QTabWidget>

#include <cmath>

namespace hexmap {

DocumentTabs::DocumentTabs(QWidget *window, QTabWidget *tabs) : QObject(window), m_window(window), m_tabs(tabs)
{
    m_tabs->setObjectName(QStringLiteral("documentTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setTabBarAutoHide(true); // one file: the window looks as it did before tabs
    m_tabs->tabBar()->setFocusPolicy(Qt::NoFocus);
    m_tabs->setFocusPolicy(Qt::NoFocus); // Ctrl+Tab with one tab moves the focus past the view, not into a hidden bar
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        DocumentPane *pane = current();
        emit currentChanged(pane ? pane->document() : nullptr, pane);
    });
}

DocumentTabs::~DocumentTabs()
{
    // The documents are children of this object: delete them while it is still whole. A document's destructor
    // cancels its jobs, which emits jobsChanged; nothing may call into a half-destroyed window then (UBSan saw
    // updateTab() run on the QObject left of this object).
    for (Document *document : findChildren<Document *>(Qt::FindDirectChildrenOnly)) {
        disconnect(document, nullptr, nullptr, nullptr);
        delete document;
    }
}

DocumentPane *DocumentTabs::add()
{
    auto *document = new Document(this);
    auto *pane = new DocumentPane(document, m_tabs);
    new CloseGuard(m_window, document); // a child of the document
    const auto update = [this, pane] { updateTab(pane); };
    connect(document, &Document::fileReplaced, pane, update);
    connect(document, &Document::closed, pane, update);
    connect(document, &Document::modifiedChanged, pane, update);
    connect(document, &Document::jobsChanged, pane, update);
    emit added(document, pane);
    QSignalBlocker blocker(m_tabs); // currentChanged once the tab is complete
    m_tabs->setCurrentIndex(m_tabs->addTab(pane, QString()));
    updateTab(pane);
    blocker.unblock();
    emit currentChanged(document, pane);
    return pane;
}

void DocumentTabs::remove(DocumentPane *pane)
{
    const int index = m_tabs->indexOf(pane);
    if (index < 0 || m_tabs->count() < 2)
        return;
    Document *document = pane->document();
    emit removed(document);
    m_tabs->removeTab(index); // currentChanged: the features follow the next tab
    delete pane;
    delete document;
}

DocumentPane *DocumentTabs::find(const MappedFile &file) const
{
    for (DocumentPane *pane : panes())
        if (pane->document()->isOpen() && pane->document()->file().identity().sameInode(file.identity()))
            return pane;
    return nullptr;
}

DocumentPane *DocumentTabs::vacant()
{
    DocumentPane *pane = current();
    return pane && !pane->document()->isOpen() ? pane : add();
}

DocumentPane *DocumentTabs::current() const
{
    return qobject_cast<DocumentPane *>(m_tabs->currentWidget());
}

Document *DocumentTabs::currentDocument() const
{
    DocumentPane *pane = current();
    return pane ? pane->document() : nullptr;
}

CloseGuard *DocumentTabs::guard(const Document *document) const
{
    return document ? document->findChild<CloseGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QList<DocumentPane *> DocumentTabs::panes() const
{
    QList<DocumentPane *> out;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *pane = qobject_cast<DocumentPane *>(m_tabs->widget(i)))
            out << pane;
    return out;
}

int DocumentTabs::count() const
{
    return m_tabs->count();
}

void DocumentTabs::setCurrent(DocumentPane *pane)
{
    m_tabs->setCurrentWidget(pane);
}

void DocumentTabs::next()
{
    if (m_tabs->count() > 1)
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
}

void DocumentTabs::previous()
{
    if (m_tabs->count() > 1)
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
}

QString DocumentTabs::tabText(const DocumentPane *pane) const
{
    const Document *document = pane->document();
    if (!document->isOpen())
        return tr("(no file)");
    QString text = document->isDevice() ? tr("%1 (device)").arg(document->shownName()) : document->fileName();
    if (document->isModified())
        text += QLatin1Char('*');
    if (const double progress = document->jobProgress(); progress >= 0) // jobs running: "name (42%)"
        text = tr("%1 (%2%)").arg(text).arg(int(std::floor(progress * 100)));
    return text;
}

void DocumentTabs::updateTab(DocumentPane *pane)
{
    const int index = m_tabs->indexOf(pane);
    if (index < 0)
        return;
    const QString text = tabText(pane);
    if (m_tabs->tabText(index) != text)
        m_tabs->setTabText(index, text);
    m_tabs->setTabToolTip(index, pane->document()->displayPath());
}

} // namespace hexmap
