#include "ui/edit/saveassupport.h"

#include "core/numberparser.h"
#include "ui/common/connections.h"
#include "ui/document/copyrunner.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>


namespace hexmap {
namespace {

QString sizeText(std::uint64_t bytes) { return QString::fromStdString(formatSize(bytes)); }
QString hex(std::uint64_t value) { return QStringLiteral("0x%1").arg(value, 0, 16); }

} // namespace

SaveAsSupport::SaveAsSupport(QWidget *window) : WindowFeature(window), m_window(window)
{
    saveAs = new QAction(tr("Save &As…"), this);
    saveAs->setObjectName(QStringLiteral("actionSaveAs"));
    saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)); // QKeySequence::SaveAs is empty on plain X11
    saveAs->setToolTip(tr("Write the file with its unsaved edits to a new file, and continue there"));
    exportSelection = new QAction(tr("E&xport Selection…"), this);
    exportSelection->setObjectName(QStringLiteral("actionExportSelection"));
    exportSelection->setToolTip(tr("Write the selected bytes (with unsaved edits) to a new file"));
    connect(saveAs, &QAction::triggered, this, &SaveAsSupport::saveAsAsked);
    connect(exportSelection, &QAction::triggered, this, &SaveAsSupport::exportAsked);
    updateActions();
}

QList<FeatureAction> SaveAsSupport::featureActions() const
{
    using P = ActionPlace;
    return {{saveAs, {P::Menu::File, P::FileOpen, 1}}, {exportSelection, {P::Menu::Edit, P::EditCopy, 10}}};
}

void SaveAsSupport::setCurrent(Document *document, DocumentPane *pane)
{
    disconnectAll(m_current);
    m_document = document;
    m_view = pane ? pane->view() : nullptr;
    if (document) {
        m_current << connect(document, &Document::fileReplaced, this, &SaveAsSupport::updateActions);
        m_current << connect(document, &Document::closed, this, &SaveAsSupport::updateActions);
    }
    updateActions();
}

void SaveAsSupport::updateActions()
{
    const bool open = m_document && m_document->isOpen();
    saveAs->setEnabled(open);
    exportSelection->setEnabled(open && m_document->size() > 0);
}

bool SaveAsSupport::isRunning() const { return m_runner && m_runner->isRunning(); }

QString SaveAsSupport::refusal() const
{
    if (!m_document || !m_document->isOpen())
        return tr("No file is open.");
    if (isRunning())
        return tr("A copy is already being written.");
    if (m_document->hasRunningJobs())
        return tr("Jobs are writing “%1”: wait for them or cancel them before copying it.").arg(m_document->fileName());
    return {};
}

QString SaveAsSupport::askPath(const QString &title, const QString &suggested)
{
    if (m_prompt)
        return m_prompt(title, suggested);
    return QFileDialog::getSaveFileName(m_window, title, suggested);
}

void SaveAsSupport::saveAsAsked()
{
    if (const QString why = refusal(); !why.isEmpty())
        return report(why, false);
    const QFileInfo info(m_document->displayPath());
    const QString suggested = info.dir().filePath(tr("%1 (copy).%2").arg(info.completeBaseName(), info.suffix()));
    const QString path = askPath(tr("Save As"), info.suffix().isEmpty() ? suggested.chopped(1) : suggested);
    if (!path.isEmpty())
        run({0, m_document->session()->size()}, path, true); // the document's size: unsaved inserts and erases included
}

void SaveAsSupport::exportAsked()
{
    if (const QString why = refusal(); !why.isEmpty())
        return report(why, false);
    const ByteRange range = m_view ? m_view->selection() : ByteRange{};
    if (range.isEmpty())
        return report(tr("Select the bytes to export first."), false);
    const QFileInfo info(m_document->displayPath());
    const QString name = QStringLiteral("%1-%2-%3.bin").arg(info.completeBaseName(), hex(range.offset), hex(range.end()));
    const QString path = askPath(tr("Export Selection"), info.dir().filePath(name));
    if (!path.isEmpty())
        run(range, path, false);
}

void SaveAsSupport::run(ByteRange range, const QString &destination, bool becomesDocument)
{
    m_runDocument = m_document;
    m_destination = destination;
    m_range = range;
    m_becomesDocument = becomesDocument;
    m_wasWritable = m_document->isWritable();
    // The document the user sees (unsaved inserts, erases and overwrites), an immutable version: edits made while
    // the copy runs are not in it.
    auto copy = CopyOut::prepare(m_document->file(), range, m_document->session()->snapshot(),
                                 QFile::encodeName(destination).toStdString());
    if (!copy)
        return finished(copy.error());
    m_runner = new CopyRunner(m_document);
    if (const Status started = m_runner->start(std::move(*copy)); !started)
        return finished(started);
    m_progress.start(m_window, QStringLiteral("copyProgress"), becomesDocument ? tr("Save As") : tr("Export Selection"),
                     tr("Writing %1…").arg(QFileInfo(destination).fileName()));
    connect(m_progress.dialog(), &QProgressDialog::canceled, m_runner, &CopyRunner::cancel);
    connect(m_runner, &CopyRunner::progressed, this, [this](const CopyOutProgress &p) {
        m_progress.update(p.bytesDone, p.total, tr("Writing: %1 of %2").arg(sizeText(p.bytesDone), sizeText(p.total)));
    });
    connect(m_runner, &CopyRunner::finished, this,
            [this](const Status &status, const CopyOutStats &) { finished(status); }, Qt::SingleShotConnection);
}

void SaveAsSupport::finished(const Status &status)
{
    m_progress.finish();
    if (m_runner)
        m_runner->deleteLater();
    const QString name = QFileInfo(m_destination).fileName();
    if (status.code() == Errc::Cancelled)
        return report(tr("Cancelled: %1 was not written.").arg(m_destination), true);
    if (!status)
        return report(tr("Could not write %1: %2. No file was written; an existing file of that name is unchanged.")
                          .arg(m_destination, QString::fromStdString(status.message())),
                      true);
    if (!m_becomesDocument)
        return report(tr("Exported %1 from %2 to %3").arg(sizeText(m_range.size), hex(m_range.offset), name), false);
    adoptCopy();
}

void SaveAsSupport::adoptCopy()
{
    const QString name = QFileInfo(m_destination).fileName();
    if (!m_runDocument)
        return report(tr("Saved as %1 (%2)").arg(name, sizeText(m_range.size)), false);
    if (const Status opened = m_runDocument->open(QFile::encodeName(m_destination)); !opened)
        return report(tr("Saved as %1, but it could not be opened: %2")
                          .arg(m_destination, QString::fromStdString(opened.message())),
                      true);
    QString text = tr("Saved as %1 (%2)").arg(name, sizeText(m_range.size));
    if (m_wasWritable) {
        if (const Status writable = m_runDocument->setWritable(true); !writable)
            text += QLatin1Char(' ') + tr("(opened read-only: %1)").arg(QString::fromStdString(writable.message()));
    }
    report(text, false);
}

void SaveAsSupport::report(const QString &text, bool failed)
{
    m_lastMessage = text;
    if (failed) {
        auto *box = new QMessageBox(QMessageBox::Warning, m_becomesDocument ? tr("Save As") : tr("Export Selection"),
                                    text, QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("copyResult"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextFormat(Qt::PlainText);
        box->open();
    } else {
        emit statusMessage(text);
    }
    emit copyFinished(text);
}

} // namespace hexmap
