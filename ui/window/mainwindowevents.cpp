#include "ui/window/mainwindow.h"

#include "ui/document/document.h"
#include "ui/pane/documentpane.h"
#include "ui/window/closeguard.h"
#include "ui/window/documenttabs.h"
#include "ui/window/mainwindowactions.h"
#include "ui/window/sessionstore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMessageBox>
#include <QMimeData>

// MainWindow's title, About box and window events (close, drag and drop). Split from mainwindow.cpp to keep files
// small.

namespace hexmap {
namespace {

QString droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().front().isLocalFile())
        return {};
    return mime->urls().front().toLocalFile();
}

} // namespace

void MainWindow::updateTitle()
{
    m_actions->setFileActionsEnabled(hasFile());
    if (!hasFile()) {
        setWindowFilePath(QString());
        setWindowTitle(tr("Hexmap"));
        setWindowModified(false);
        return;
    }
    Document *document = currentDocument();
    setWindowFilePath(document->displayPath());
    const QString mode = document->isWritable() ? tr("read-write") : tr("read-only");
    // "[*]" is where Qt shows the unsaved-edits mark ('*') while windowModified is set.
    if (document->isDevice()) // "/dev/loop0 (device) [read-only]": a disk is not a file
        setWindowTitle(tr("%1 (device)[*] [%2] — Hexmap").arg(document->displayPath(), mode));
    else
        setWindowTitle(tr("%1[*] [%2] — Hexmap").arg(document->fileName(), mode));
    setWindowModified(document->isModified());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Hexmap"),
                       tr("<h3>Hexmap %1</h3>"
                          "<p>A hex editor and visualizer for huge files, built on its own memory-mapped file "
                          "engine.</p><p>Qt %2</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Per document, in tab order: its running jobs, then its unsaved edits (each tab is shown while it asks).
    for (DocumentPane *pane : m_tabs->panes()) {
        Document *document = pane->document();
        if (!document->isOpen() || (!document->hasRunningJobs() && !document->isModified()))
            continue;
        m_tabs->setCurrent(pane);
        if (!confirmClose(document, int(CloseGuard::Purpose::Quit), [this] { close(); })) {
            event->ignore(); // Keep Open / Wait, Cancel (or a failed save): the window, the jobs and the edits stay
            return;
        }
    }
    SessionStore().saveFrom(*this); // for Preferences > Reopen the files of the last session
    for (DocumentPane *pane : m_tabs->panes())
        closeDocument(pane->document()); // nothing left to ask
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(path);
}

} // namespace hexmap
