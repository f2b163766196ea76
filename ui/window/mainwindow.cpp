#include "ui/window/mainwindow.h"

#include "ui/analysis/analysisfeature.h"
#include "ui/window/closeguard.h"
#include "ui/edit/editingsupport.h"
#include "ui/jobs/jobssupport.h"
#include "ui/document/editsession.h"
#include "ui/window/filechangesupport.h"
#include "ui/window/filepositions.h"
#include "ui/view/gotodialog.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindowactions.h"
#include "ui/common/nativepath.h"
#include "ui/window/recentfiles.h"
#include "ui/window/recentfilesmenu.h"
#include "ui/common/settingsguard.h"
#include "ui/find/findsupport.h"
#include "ui/window/statusbarwidgets.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace hexmap {
namespace {

const QString BytesPerRowKey = QStringLiteral("view/bytesPerRow");
const QString GroupSizeKey = QStringLiteral("view/groupSize");
const QString LastDirectoryKey = QStringLiteral("lastDirectory");

QString droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().front().isLocalFile())
        return {};
    return mime->urls().front().toLocalFile();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_view(new HexView(this)), m_recent(new RecentFiles(this)),
      m_actions(new MainWindowActions(this, m_recent)), m_status(new StatusBarWidgets(statusBar())),
      m_editing(new EditingSupport(this, m_view)), m_positions(std::make_unique<FilePositions>())
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_view);
    setAcceptDrops(true);
    resize(1280, 800);
    connectActions();
    connectEditing();
    connectJobs();
    connectFind();
    AnalysisFeature::install(this, m_view, m_editing->session(), m_jobs->map(), nullptr); // Checksums, Information
    applyViewSettings();
    updateTitle();
    new FileChangeSupport(this); // banner for files truncated or changed on disk; a child of the window
    // Settings or bookmarks kept for the session only (a link or a FIFO where they live): say so until replaced.
    const auto warn = [this](const QString &message) { statusBar()->showMessage(message); };
    connect(SettingsGuard::instance(), &SettingsGuard::warned, this, warn);
    if (!SettingsGuard::instance()->warnings().isEmpty())
        warn(SettingsGuard::instance()->warnings().join(QLatin1Char(' ')));
}

MainWindow::~MainWindow() = default;

void MainWindow::connectActions()
{
    connect(m_actions->open, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(m_actions->close, &QAction::triggered, this, &MainWindow::closeFile);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->recentMenu, &RecentFilesMenu::fileTriggered, this, &MainWindow::openFile);
    connect(m_actions->copyHex, &QAction::triggered, this, [this] { m_view->copySelection(HexView::CopyFormat::HexText); });
    connect(m_actions->copyCArray, &QAction::triggered, this, [this] { m_view->copySelection(HexView::CopyFormat::CArray); });
    connect(m_actions->copyText, &QAction::triggered, this, [this] { m_view->copySelection(HexView::CopyFormat::RawText); });
    connect(m_actions->selectAll, &QAction::triggered, m_view, &HexView::selectAll);
    connect(m_actions->goTo, &QAction::triggered, this, &MainWindow::goToOffset);
    connect(m_actions->bytesPerRow, &QActionGroup::triggered, this,
            [this](QAction *action) { setBytesPerRow(action->data().toInt()); });
    connect(m_actions->groupSize, &QActionGroup::triggered, this,
            [this](QAction *action) { setGroupSize(action->data().toInt()); });
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    connect(m_view, &HexView::cursorMoved, m_status, &StatusBarWidgets::setCursorOffset);
    connect(m_view, &HexView::selectionChanged, m_status, &StatusBarWidgets::setSelection);
    connect(m_view, &HexView::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message, 5000); });
}

void MainWindow::connectEditing()
{
    const auto menuTitled = [this](const QString &title) -> QMenu * {
        for (QAction *action : menuBar()->actions())
            if (action->menu() && action->text() == title)
                return action->menu();
        return nullptr;
    };
    QToolBar *toolBar = addToolBar(tr("Editing"));
    toolBar->setObjectName(QStringLiteral("editingToolBar"));
    m_editing->install(menuTitled(tr("&File")), menuTitled(tr("&Edit")), toolBar);
    connect(m_editing, &EditingSupport::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_editing, &EditingSupport::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_editing->session(), &EditSession::editingEnabledChanged, this, [this] {
        if (!hasFile())
            return;
        m_status->setFile(m_view->file().size(), m_view->file().isWritable());
        m_status->setCursorOffset(m_view->cursorOffset());
        updateTitle();
    });
}

void MainWindow::connectJobs()
{
    const auto menuTitled = [this](const QString &title) -> QMenu * {
        for (QAction *action : menuBar()->actions())
            if (action->menu() && action->text() == title)
                return action->menu();
        return nullptr;
    };
    m_jobs = new JobsSupport(this, m_view, m_editing->session());
    m_jobs->install(menuTitled(tr("&File")), menuTitled(tr("&Edit")), menuTitled(tr("&View")));
    connect(m_jobs, &JobsSupport::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    m_guard = new CloseGuard(this, m_jobs->center(), m_editing->session()); // Quit / Close / Open with jobs running
    connect(m_guard, &CloseGuard::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message); });
}

void MainWindow::connectFind()
{
    QMenu *editMenu = nullptr;
    for (QAction *action : menuBar()->actions())
        if (action->menu() && action->text() == tr("&Edit"))
            editMenu = action->menu();
    m_find = new FindSupport(this, m_view, m_jobs ? m_jobs->map() : nullptr);
    m_find->install(editMenu); // the find bar under the view and map, the results dock, Ctrl+F / F3 / Shift+F3
    connect(m_find, &FindSupport::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
}

bool MainWindow::openFile(const QString &path)
{
    if (!m_guard->confirm(CloseGuard::Purpose::OpenFile, fileName(), [this, path] { openFile(path); },
                          QFileInfo(path).fileName())
        || !m_editing->confirmClose()) // running jobs: Cancel / Wait / Keep Open; unsaved edits: Save / Discard / Cancel
        return false;
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

void MainWindow::showFile(const MappedFile &file)
{
    if (!m_guard->confirm(CloseGuard::Purpose::OpenFile, fileName(), [this, file] { showFile(file); })
        || !m_editing->confirmClose())
        return;
    closeFile();
    MappedFile opened = file; // shares the mapping; a replayed journal refreshes its identity
    const QString recovered = EditSession::recoverInterruptedSave(opened); // a journal left by an interrupted Save
    // Paths are bytes: a name that is not UTF-8 is shown with U+FFFD but never stored as a QString key (Open Recent,
    // positions), which would name another file.
    const QByteArray native = nativepath::canonical(QByteArray::fromStdString(file.path()));
    m_exactPath = nativepath::roundTrips(native);
    m_canonicalPath = nativepath::display(native);
    const QFileInfo info(m_canonicalPath);
    m_view->setFile(file);
    m_editing->setFile(file);
    m_jobs->setFile(file);
    m_find->setFile(file);
    m_status->setFile(file.size(), file.isWritable());
    m_actions->setFileActionsEnabled(true);
    if (m_exactPath) {
        m_recent->add(m_canonicalPath);
        QSettings().setValue(LastDirectoryKey, info.absolutePath());
        if (const auto offset = m_positions->offset(m_canonicalPath); offset && *offset < file.size())
            m_view->setCursorOffset(*offset);
    }
    m_status->setCursorOffset(m_view->cursorOffset());
    updateTitle();
    m_view->setFocus();
    if (!recovered.isEmpty())
        statusBar()->showMessage(recovered, 20000);
}

void MainWindow::closeFile()
{
    if (!m_view->hasFile() || !m_guard->confirm(CloseGuard::Purpose::CloseFile, fileName(), [this] { closeFile(); })
        || !m_editing->confirmClose())
        return;
    if (m_exactPath)
        m_positions->setOffset(m_canonicalPath, m_view->cursorOffset());
    m_jobs->confirmClose(); // cancels running jobs and waits (within one chunk)
    m_jobs->setFile(MappedFile());
    m_find->setFile(MappedFile());
    m_editing->setFile(MappedFile());
    m_view->clearFile();
    m_canonicalPath.clear();
    m_status->clearFile();
    m_actions->setFileActionsEnabled(false);
    m_lastGoto.clear();
    updateTitle();
}

QString MainWindow::fileName() const
{
    return QFileInfo(m_canonicalPath).fileName();
}

bool MainWindow::hasFile() const
{
    return m_view->hasFile();
}

void MainWindow::setErrorReporter(ErrorReporter reporter)
{
    m_reporter = std::move(reporter);
}

void MainWindow::reportError(const QString &message)
{
    if (m_reporter) {
        m_reporter(message);
        return;
    }
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
    GotoDialog dialog(m_view->cursorOffset(), m_view->file().size(), this);
    dialog.setText(m_lastGoto);
    if (dialog.exec() != QDialog::Accepted || !dialog.isInputValid())
        return;
    m_lastGoto = dialog.text();
    m_view->setCursorOffset(dialog.targetOffset());
}

void MainWindow::updateTitle()
{
    if (!hasFile()) {
        setWindowFilePath(QString());
        setWindowTitle(tr("Hexmap"));
        setWindowModified(false);
        return;
    }
    setWindowFilePath(m_canonicalPath);
    const QString mode = m_view->file().isWritable() ? tr("read-write") : tr("read-only");
    // "[*]" is where Qt shows the unsaved-edits mark ('*') while windowModified is set.
    setWindowTitle(tr("%1[*] [%2] — Hexmap").arg(QFileInfo(m_canonicalPath).fileName(), mode));
    setWindowModified(m_editing->isModified());
}

void MainWindow::applyViewSettings()
{
    const QSettings settings;
    int bytesPerRow = settings.value(BytesPerRowKey, 16).toInt();
    if (bytesPerRow != 0 && bytesPerRow != 8 && bytesPerRow != 16 && bytesPerRow != 32 && bytesPerRow != 64)
        bytesPerRow = 16;
    int groupSize = settings.value(GroupSizeKey, 1).toInt();
    if (groupSize != 1 && groupSize != 2 && groupSize != 4 && groupSize != 8)
        groupSize = 1;
    m_view->setBytesPerRow(bytesPerRow);
    m_view->setGroupSize(groupSize);
    m_actions->checkBytesPerRow(bytesPerRow);
    m_actions->checkGroupSize(groupSize);
}

void MainWindow::setBytesPerRow(int bytesPerRow)
{
    m_view->setBytesPerRow(bytesPerRow);
    m_actions->checkBytesPerRow(bytesPerRow);
    QSettings().setValue(BytesPerRowKey, bytesPerRow);
}

void MainWindow::setGroupSize(int groupSize)
{
    m_view->setGroupSize(groupSize);
    m_actions->checkGroupSize(groupSize);
    QSettings().setValue(GroupSizeKey, groupSize);
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
    if (!m_guard->confirm(CloseGuard::Purpose::Quit, fileName(), [this] { close(); }) || !m_editing->confirmClose()) {
        event->ignore(); // Keep Open / Wait, Cancel (or a failed save): the window, the jobs and the edits stay
        return;
    }
    closeFile();
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
