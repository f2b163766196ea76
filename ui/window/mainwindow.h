#pragma once

#include "core/mappedfile.h"

#include <QMainWindow>
#include <QString>

#include <functional>

namespace hexmap {

class CloseGuard;
class EditingSupport;
class JobsSupport;
class FilePositions;
class FindSupport;
class HexView;
class MainWindowActions;
class RecentFiles;
class StatusBarWidgets;

// The application window: a HexView over the open file, the menus (MainWindowActions), the status bar
// (StatusBarWidgets), Open Recent (RecentFiles) and the last offset per file (FilePositions), all persisted with
// QSettings. Files open read-only. Errors go through an ErrorReporter (a message box by default) so that tests
// and the command line can route them elsewhere. Thread: GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Receives "PATH: reason" for a file that cannot be opened.
    using ErrorReporter = std::function<void(const QString &message)>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path` read-only and shows it (closing the current file first); false, with the error reported and
    // the current file left open, when it cannot be opened. A path with U+FFFD that does not exist (from the Open
    // dialog: a name that is not UTF-8) opens the one file whose name decodes to it (nativepath::resolve).
    bool openFile(const QString &path);
    // Shows an already opened file (the command line opens it first to report errors on stderr).
    void showFile(const MappedFile &file);
    void closeFile();
    bool hasFile() const;
    // Canonical path of the open file, empty when none; a name that is not UTF-8 shows U+FFFD (display only).
    QString currentPath() const { return m_canonicalPath; }

    void setErrorReporter(ErrorReporter reporter);
    void goToOffset(); // the Ctrl+G dialog

    HexView *hexView() const { return m_view; }
    StatusBarWidgets *statusWidgets() const { return m_status; }
    RecentFiles *recentFiles() const { return m_recent; }
    MainWindowActions *windowActions() const { return m_actions; }
    FilePositions &filePositions() const { return *m_positions; }
    EditingSupport *editing() const { return m_editing; } // editing actions, session, inspector dock
    FindSupport *find() const { return m_find; } // find bar, results dock, Find/Find Next/Previous
    JobsSupport *jobs() const { return m_jobs; } // Fill/Zero/Pattern/Flush/Sync jobs, dock, overview map
    CloseGuard *closeGuard() const { return m_guard; } // the question Quit/Close/Open ask while jobs run

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void connectActions();
    void connectEditing();
    void connectJobs();
    void connectFind();
    void chooseFile();
    void updateTitle();
    void applyViewSettings();
    void setBytesPerRow(int bytesPerRow);
    void setGroupSize(int groupSize);
    void showAbout();
    void reportError(const QString &message);
    QString fileName() const; // the open file's name, for questions

    HexView *m_view;
    RecentFiles *m_recent;
    MainWindowActions *m_actions;
    StatusBarWidgets *m_status;
    EditingSupport *m_editing;
    JobsSupport *m_jobs = nullptr;
    FindSupport *m_find = nullptr;
    CloseGuard *m_guard = nullptr;
    std::unique_ptr<FilePositions> m_positions;
    ErrorReporter m_reporter;
    QString m_canonicalPath; // for display and settings keys; exact only when m_exactPath
    bool m_exactPath = true;  // the path's bytes are valid UTF-8 (they survive a QString)
    QString m_lastGoto;
};

} // namespace hexmap
