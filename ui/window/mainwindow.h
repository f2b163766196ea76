#pragma once

#include <QByteArray>
#include <QList>
#include <QMainWindow>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>

class QTabWidget;

namespace hexmap {

class BookmarksSupport;
class CloseGuard;
class DesktopSupport;
class DeviceSupport;
class Document;
class DocumentPane;
class DocumentTabs;
class EditingSupport;
class FileChangeSupport;
class FilePositions;
class FindSupport;
class HexView;
class JobsSupport;
class MainWindowActions;
class MappedFile;
class MenuPlacer;
class RecentFiles;
class StatusBarWidgets;
class ViewSettings;
class WindowFeature;

// The application window: one tab per open file (DocumentTabs: a Document with its DocumentPane), the menus and
// toolbar (MenuPlacer, filled from the declared places of MainWindowActions and of every WindowFeature: editing,
// jobs, find, bookmarks, file changes, desktop), the docks, the find bar under the tabs, the status bar
// (StatusBarWidgets), Open Recent (RecentFiles) and the last offset per file (FilePositions), all persisted with
// QSettings. Files open read-only. Errors go through an ErrorReporter (a message box by default) so that tests
// and the command line can route them elsewhere. Thread: GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Receives "PATH: reason" for a file that cannot be opened.
    using ErrorReporter = std::function<void(const QString &message)>;
    struct OpenDocument {
        QString path;         // for display (U+FFFD where the name is not UTF-8)
        QByteArray nativePath; // the exact bytes
        std::uint64_t cursorOffset = 0;
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path` read-only in a new tab (or in the empty one), or switches to its tab when the same file (device
    // and inode) is open already; false, with the error reported, when it cannot be opened. A path with U+FFFD that
    // does not exist (from the Open dialog: a name that is not UTF-8) opens the one file whose name decodes to it.
    bool openFile(const QString &path);
    // Opens each; the last one opened is current. Returns how many opened.
    int openFiles(const QStringList &paths);
    // Shows an already opened file in a tab (the command line opens it first to report errors on stderr).
    void showFile(const MappedFile &file);
    // Closes the current tab's file (asking about running jobs and unsaved edits); false when the user kept it.
    bool closeFile();
    bool closeDocument(Document *document);
    bool hasFile() const;
    // Canonical path of the current file, empty when none; a name that is not UTF-8 shows U+FFFD (display only).
    QString currentPath() const;
    // The open files, in tab order, with their cursor offsets (for session restore).
    QList<OpenDocument> openDocuments() const;

    void setErrorReporter(ErrorReporter reporter);
    void goToOffset(); // the Ctrl+G dialog

    Document *currentDocument() const;
    DocumentPane *currentPane() const;
    DocumentTabs *tabs() const { return m_tabs; }
    HexView *hexView() const; // the current tab's view
    StatusBarWidgets *statusWidgets() const { return m_status; }
    RecentFiles *recentFiles() const { return m_recent; }
    MainWindowActions *windowActions() const { return m_actions; }
    MenuPlacer *placer() const { return m_placer; }
    FilePositions &filePositions() const { return *m_positions; }
    EditingSupport *editing() const { return m_editing; } // editing actions, inspector dock
    FindSupport *find() const { return m_find; } // find bar, results dock, Find/Find Next/Previous
    JobsSupport *jobs() const { return m_jobs; } // Fill/Zero/Pattern/Flush/Sync jobs, dock
    BookmarksSupport *bookmarks() const { return m_bookmarks; }
    FileChangeSupport *fileChanges() const { return m_fileChanges; }
    DesktopSupport *desktop() const { return m_desktop; }
    DeviceSupport *devices() const { return m_devices; } // File > Open Device…
    CloseGuard *closeGuard() const; // the current document's: the question Quit/Close ask while jobs run

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void addFeature(WindowFeature *feature);
    void connectActions();
    void followCurrent(Document *document, DocumentPane *pane);
    void chooseFile();
    void updateTitle();
    void showAbout();
    void reportError(const QString &message);
    bool confirmClose(Document *document, int purpose, std::function<void()> retry);

    RecentFiles *m_recent;
    MainWindowActions *m_actions;
    StatusBarWidgets *m_status;
    MenuPlacer *m_placer;
    QTabWidget *m_tabWidget;
    DocumentTabs *m_tabs;
    ViewSettings *m_viewSettings;
    EditingSupport *m_editing;
    JobsSupport *m_jobs;
    FindSupport *m_find;
    BookmarksSupport *m_bookmarks;
    FileChangeSupport *m_fileChanges;
    DesktopSupport *m_desktop;
    DeviceSupport *m_devices;
    QList<WindowFeature *> m_features;
    QList<QMetaObject::Connection> m_current; // to the current document and view
    std::unique_ptr<FilePositions> m_positions;
    ErrorReporter m_reporter;
    QString m_lastGoto;
};

} // namespace hexmap
