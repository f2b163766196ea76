#include "ui/window/statusbarwidgets.h"

#include "core/numberparser.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/view/hexview.h"

#include <QLabel>
#include <QStatusBar>

namespace hexmap {

StatusBarWidgets::StatusBarWidgets(QStatusBar *statusBar)
    : QObject(statusBar), m_cursor(addLabel(statusBar, QStringLiteral("cursorLabel"))),
      m_selection(addLabel(statusBar, QStringLiteral("selectionLabel"))),
      m_size(addLabel(statusBar, QStringLiteral("sizeLabel"))), m_mode(addLabel(statusBar, QStringLiteral("modeLabel")))
{
    clearFile();
}

QLabel *StatusBarWidgets::addLabel(QStatusBar *statusBar, const QString &name)
{
    auto *label = new QLabel(statusBar);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setContentsMargins(6, 0, 6, 0);
    statusBar->addPermanentWidget(label);
    return label;
}

void StatusBarWidgets::setFile(std::uint64_t size, bool writable)
{
    m_size->setText(formatFileSize(size));
    m_mode->setText(formatMode(writable));
    setCursorOffset(0);
    setSelection({0, 0});
    for (QLabel *label : {m_cursor, m_selection, m_size, m_mode})
        label->setVisible(true);
}

void StatusBarWidgets::follow(Document *document, HexView *view)
{
    for (const auto &c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_document = document;
    m_view = view;
    if (document && view) {
        for (auto signal : {&Document::fileReplaced, &Document::closed})
            m_connections << connect(document, signal, this, &StatusBarWidgets::showCurrent);
        m_connections << connect(document, &Document::modeChanged, this, &StatusBarWidgets::showCurrent);
        m_connections << connect(document->session(), &EditSession::sizeChanged, this, &StatusBarWidgets::showCurrent);
        m_connections << connect(view, &HexView::cursorMoved, this, &StatusBarWidgets::setCursorOffset);
        m_connections << connect(view, &HexView::selectionChanged, this, &StatusBarWidgets::setSelection);
    }
    showCurrent();
}

void StatusBarWidgets::showCurrent()
{
    if (!m_document || !m_view || !m_document->isOpen())
        return clearFile();
    setFile(m_document->size(), m_document->isWritable());
    m_size->setToolTip(QString());
    if (m_document->isDevice()) {
        m_mode->setText(formatMode(m_document->isWritable(), true));
        m_size->setToolTip(tr("%1: sectors of %2 bytes (logical), %3 bytes (physical)")
                               .arg(m_document->displayPath())
                               .arg(m_document->file().logicalSectorSize())
                               .arg(m_document->file().physicalSectorSize()));
    }
    setCursorOffset(m_view->cursorOffset());
    setSelection(m_view->selection());
}

void StatusBarWidgets::clearFile()
{
    for (QLabel *label : {m_cursor, m_selection, m_size, m_mode}) {
        label->clear();
        label->setVisible(false);
    }
}

void StatusBarWidgets::setCursorOffset(std::uint64_t offset)
{
    m_cursor->setText(formatCursor(offset));
}

void StatusBarWidgets::setSelection(ByteRange selection)
{
    m_selection->setText(formatSelection(selection));
}

QString StatusBarWidgets::cursorText() const { return m_cursor->text(); }
QString StatusBarWidgets::selectionText() const { return m_selection->text(); }
QString StatusBarWidgets::sizeText() const { return m_size->text(); }
QString StatusBarWidgets::modeText() const { return m_mode->text(); }

QString StatusBarWidgets::formatCursor(std::uint64_t offset)
{
    return tr("Offset: 0x%1 (%2)").arg(QString::number(offset, 16).toUpper()).arg(offset);
}

QString StatusBarWidgets::formatSelection(ByteRange selection)
{
    if (selection.size == 0)
        return tr("No selection");
    return tr("Selection: 0x%1 + %2 bytes").arg(QString::number(selection.offset, 16).toUpper()).arg(selection.size);
}

QString StatusBarWidgets::formatFileSize(std::uint64_t size)
{
    return tr("Size: %1 (%2 bytes)").arg(QString::fromStdString(formatSize(size))).arg(size);
}

QString StatusBarWidgets::formatMode(bool writable, bool device)
{
    if (device)
        return writable ? tr("Read-write (device)") : tr("Read-only (device)");
    return writable ? tr("Read-write") : tr("Read-only");
}

} // namespace hexmap
