#include "ui/window/mainwindow.h"

#include "ui/analysis/analysisfeature.h"
#include "ui/compare/comparefeature.h"
#include "ui/bookmarks/bookmarkssupport.h"
#include "ui/common/connections.h"
#include "ui/common/nativepath.h"
#include "ui/common/settingsguard.h"
#include "ui/device/devicesupport.h"
#include "ui/document/document.h"
#include "ui/document/filewatcher.h"
#include "ui/edit/editingsupport.h"
#include "ui/edit/saveassupport.h"
#include "ui/edit/insertmodesupport.h"
#include "ui/edit/shiftsupport.h"
#include "ui/find/findsupport.h"
#include "ui/jobs/jobssupport.h"
#include "ui/partitions/partitionssupport.h"
#include "ui/pane/documentpane.h"
#include "ui/view/gotodialog.h"
#include "ui/view/hexview.h"
#include "ui/window/closeguard.h"
#include "ui/window/desktopsupport.h"
#include "ui/window/dockfitter.h"
#include "ui/window/documenttabs.h"
#include "ui/window/filechangesupport.h"
#include "ui/window/filepositions.h"
#include "ui/window/mainwindowactions.h"
#include "ui/window/manualdialog.h"
#include "ui/window/menuplacer.h"
#include "ui/window/recentfiles.h"
#include "ui/window/recentfilesmenu.h"
#include "ui/window/sessionstore.h"
#include "ui/window/statusbarwidgets.h"
#include "ui/window/viewsettings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hexmap {
namespace {

const QString LastDirectoryKey = QStringLiteral("lastDirectory");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_recent(new RecentFiles(this)), m_actions(new MainWindowActions(this, m_recent)),
      m_status(new StatusBarWidgets(statusBar())), m_placer(new MenuPlacer(this)), m_tabWidget(new QTabWidget),
      m_tabs(new DocumentTabs(this, m_tabWidget)), m_viewSettings(new ViewSettings(m_actions, m_tabs, this)),
      m_positions(std::make_unique<FilePositions>())
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    resize(1280, 800);
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_tabWidget, 1);
    setCentralWidget(central);
    m_placer->place(m_actions->places());
    addFeature(m_editing = new EditingSupport(this));
    addFeature(new SaveAsSupport(this)); // File > Save As…, Edit > Export Selection… (copies, with the edits)
    addFeature(new ShiftSupport(this)); // Edit > Insert Bytes…, Delete Range… (unsaved edits, undoable)
    addFeature(new InsertModeSupport(this)); // Edit > Insert Mode (Insert key), Cut; INS/OVR on the status bar
    addFeature(m_jobs = new JobsSupport(this));
    addFeature(m_find = new FindSupport(this));
    addFeature(m_bookmarks = new BookmarksSupport(this));
    addFeature(m_fileChanges = new FileChangeSupport(this));
    addFeature(new AnalysisFeature(this)); // Checksums, Information, the map's Entropy layer
    addFeature(new PartitionsSupport(this)); // the Partitions dock and the map's Partitions layer (issue 18)
    addFeature(new CompareFeature(this));  // File > Compare With… (a CompareWindow per compare)
    addFeature(m_devices = new DeviceSupport(this)); // File > Open Device… (read-only, in a tab like File > Open)
    connect(m_devices, &DeviceSupport::deviceOpened, this, &MainWindow::showFile);
    addFeature(m_desktop = new DesktopSupport(this, m_actions));
    connect(m_jobs, &JobsSupport::fileChangeRefused, this, [](Document *document) {
        if (document)
            document->watcher()->check(); // the banner now, not at the next poll
    });
    connect(m_tabs, &DocumentTabs::added, this, [this](Document *document, DocumentPane *pane) {
        m_viewSettings->apply(pane);
        // The waiting notice ("... quits when the job is done") stays until replaced.
        connect(m_tabs->guard(document), &CloseGuard::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m); });
        for (WindowFeature *feature : m_features)
            feature->documentAdded(document, pane);
    });
    connect(m_tabs, &DocumentTabs::removed, this, [this](Document *document) {
        for (WindowFeature *feature : m_features)
            feature->documentRemoved(document);
    });
    connect(m_tabs, &DocumentTabs::currentChanged, this, &MainWindow::followCurrent);
    connect(m_tabWidget, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *pane = qobject_cast<DocumentPane *>(m_tabWidget->widget(index)))
            closeDocument(pane->document());
    });
    connectActions();
    m_tabs->add(); // the empty tab a file opens in
    m_desktop->restoreWindowState(); // once every dock and toolbar is in place
    new DockFitter(this); // a small window keeps room for the bytes
    // Settings or bookmarks kept for the session only (a link or a FIFO where they live): say so until replaced.
    const auto warn = [this](const QString &message) { statusBar()->showMessage(message); };
    connect(SettingsGuard::instance(), &SettingsGuard::warned, this, warn);
    if (!SettingsGuard::instance()->warnings().isEmpty())
        warn(SettingsGuard::instance()->warnings().join(QLatin1Char(' ')));
}

MainWindow::~MainWindow() = default;

void MainWindow::addFeature(WindowFeature *feature)
{
    m_features << feature;
    m_placer->place(feature->featureActions());
    for (const FeatureDock &dock : feature->featureDocks())
        m_placer->placeDock(dock);
    for (QWidget *widget : feature->statusWidgets())
        statusBar()->addPermanentWidget(widget);
    if (QWidget *bar = feature->windowBar())
        centralWidget()->layout()->addWidget(bar);
    connect(feature, &WindowFeature::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    connect(feature, &WindowFeature::closeRequested, this, &MainWindow::closeDocument);
}

void MainWindow::connectActions()
{
    connect(m_actions->open, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(m_actions->close, &QAction::triggered, this, &MainWindow::closeFile);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->recentMenu, &RecentFilesMenu::fileTriggered, this, &MainWindow::openFile);
    const auto copy = [this](HexView::CopyFormat format) {
        if (HexView *view = hexView())
            view->copySelection(format);
    };
    connect(m_actions->copyHex, &QAction::triggered, this, [copy] { copy(HexView::CopyFormat::HexText); });
    connect(m_actions->copyCArray, &QAction::triggered, this, [copy] { copy(HexView::CopyFormat::CArray); });
    connect(m_actions->copyText, &QAction::triggered, this, [copy] { copy(HexView::CopyFormat::RawText); });
    connect(m_actions->selectAll, &QAction::triggered, this, [this] { hexView()->selectAll(); });
    connect(m_actions->goTo, &QAction::triggered, this, &MainWindow::goToOffset);
    connect(m_actions->nextTab, &QAction::triggered, m_tabs, &DocumentTabs::next);
    connect(m_actions->previousTab, &QAction::triggered, m_tabs, &DocumentTabs::previous);
    connect(m_actions->manual, &QAction::triggered, this, [this] { ManualDialog::showFor(this); });
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::followCurrent(Document *document, DocumentPane *pane)
{
    // With one tab, Ctrl+Tab is not taken: it moves the keyboard focus on, as before tabs.
    m_actions->nextTab->setEnabled(m_tabs->count() > 1);
    m_actions->previousTab->setEnabled(m_tabs->count() > 1);
    disconnectAll(m_current);
    for (WindowFeature *feature : m_features)
        feature->setCurrent(document, pane);
    m_status->follow(document, pane ? pane->view() : nullptr); // cursor, selection, size, mode
    if (document) {
        for (auto signal : {&Document::fileReplaced, &Document::closed})
            m_current << connect(document, signal, this, &MainWindow::updateTitle);
        m_current << connect(document, &Document::modeChanged, this, &MainWindow::updateTitle);
        m_current << connect(document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    }
    if (pane) {
        m_current << connect(pane->view(), &HexView::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 5000); });
        pane->view()->setFocus();
    }
    updateTitle();
}

bool MainWindow::openFile(const QString &path)
{
    QString error;
    const auto native = nativepath::resolve(path, &error); // a name that was not UTF-8 maps back to its bytes
    if (!native) {
        reportError(error);
        return false;
    }
    auto file = MappedFile::openReadOnly(native->toStdString());
    if (!file) {
        reportError(nativepath::escaped(QByteArray::fromStdString(file.message())));
        return false;
    }
    showFile(*file);
    return true;
}

int MainWindow::openFiles(const QStringList &paths)
{
    int opened = 0;
    for (const QString &path : paths)
        opened += openFile(path) ? 1 : 0;
    return opened;
}

void MainWindow::showFile(const MappedFile &file)
{
    if (DocumentPane *open = m_tabs->find(file)) { // the same file (device and inode): its tab
        if (open->document()->hasExactPath())
            m_recent->add(open->document()->displayPath());
        m_tabs->setCurrent(open);
        return;
    }
    DocumentPane *pane = m_tabs->vacant();
    Document *document = pane->document();
    document->open(file); // completes or discards a journal left by an interrupted Save
    m_tabs->setCurrent(pane);
    // Paths are bytes: a name that is not UTF-8 is never stored as a QString key (Open Recent, positions).
    if (document->hasExactPath()) {
        m_recent->add(document->displayPath());
        QSettings().setValue(LastDirectoryKey, QFileInfo(document->displayPath()).absolutePath());
        if (const auto offset = m_positions->offset(document->displayPath()); offset && *offset < document->size())
            pane->view()->setCursorOffset(*offset);
    }
    followCurrent(document, pane);
    if (!document->recoveryMessage().isEmpty())
        statusBar()->showMessage(document->recoveryMessage(), 20000);
}

bool MainWindow::confirmClose(Document *document, int purpose, std::function<void()> retry)
{
    // Running jobs: Cancel / Wait / Keep Open; then unsaved edits: Save / Discard / Cancel.
    CloseGuard *guard = m_tabs->guard(document);
    return guard->confirm(CloseGuard::Purpose(purpose), document->fileName(), std::move(retry))
        && m_editing->confirmClose(document);
}

bool MainWindow::closeDocument(Document *document)
{
    if (!document || !document->isOpen())
        return true;
    if (!confirmClose(document, int(CloseGuard::Purpose::CloseFile), [this, document] { closeDocument(document); }))
        return false;
    for (DocumentPane *pane : m_tabs->panes())
        if (pane->document() == document && document->hasExactPath())
            m_positions->setOffset(document->displayPath(), pane->view()->cursorOffset());
    document->close(); // cancels the jobs and waits (within one chunk)
    for (DocumentPane *pane : m_tabs->panes())
        if (pane->document() == document)
            m_tabs->remove(pane); // not the last tab: it stays, empty
    m_lastGoto.clear();
    followCurrent(currentDocument(), currentPane());
    return true;
}

bool MainWindow::closeFile()
{
    return closeDocument(currentDocument());
}

Document *MainWindow::currentDocument() const { return m_tabs->currentDocument(); }
DocumentPane *MainWindow::currentPane() const { return m_tabs->current(); }
HexView *MainWindow::hexView() const { return currentPane() ? currentPane()->view() : nullptr; }
CloseGuard *MainWindow::closeGuard() const { return m_tabs->guard(currentDocument()); }
bool MainWindow::hasFile() const { return currentDocument() && currentDocument()->isOpen(); }
QString MainWindow::currentPath() const { return hasFile() ? currentDocument()->displayPath() : QString(); }
void MainWindow::setErrorReporter(ErrorReporter reporter)
{
    m_reporter = reporter;
    m_devices->setErrorReporter(std::move(reporter));
}

QList<MainWindow::OpenDocument> MainWindow::openDocuments() const
{
    QList<OpenDocument> out;
    for (DocumentPane *pane : m_tabs->panes())
        if (pane->document()->isOpen())
            out.push_back({pane->document()->displayPath(), pane->document()->nativePath(), pane->view()->cursorOffset()});
    return out;
}

void MainWindow::reportError(const QString &message)
{
    if (m_reporter)
        return m_reporter(message);
    QMessageBox::warning(this, tr("Cannot Open File"), tr("The file cannot be opened.\n\n%1").arg(message));
}

void MainWindow::chooseFile()
{
    const QString dir = QSettings().value(LastDirectoryKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open File"), dir);
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::goToOffset()
{
    if (!hasFile())
        return;
    GotoDialog dialog(hexView()->cursorOffset(), currentDocument()->size(), this);
    dialog.setText(m_lastGoto);
    if (dialog.exec() != QDialog::Accepted || !dialog.isInputValid() || !hexView())
        return;
    m_lastGoto = dialog.text();
    hexView()->setCursorOffset(dialog.targetOffset());
}

} // namespace hexmap
