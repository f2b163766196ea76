#pragma once

#include "core/fileidentity.h"

#include <QObject>
#include <QString>

#include <cstdint>

class QToolBar;

namespace hexmap {

class FileChangeBanner;
class FileWatcher;
class MainWindow;

// Wires file-change detection into a MainWindow: a FileWatcher on the file the window's HexView shows and a
// FileChangeBanner in a toolbar row of its own under the other toolbars, hidden until the file is truncated,
// changed, replaced or deleted on disk by someone else (read-only or editing alike; a "changed" banner becomes
// "truncated" when the size shrinks, and says so when there are unsaved edits over bytes the user has not seen).
// The size still on disk is pushed to the HexView, which paints the bytes past it as absent. A job refused
// because the file changed (JobsSupport::fileChangeRefused) shows the banner at once. Close closes the file
// (asking about unsaved edits like any close).
// Reload reopens the file without the Save/Discard question and without writing anything to it:
// - read-write with editing still on when it was on, read-only otherwise; the cursor offset is kept (clamped);
// - unsaved edits are carried over (EditSession::reapplyEdits): kept when they lie before the new end, a run
//   crossing the end keeps its bytes before the end, bytes at or past the end are dropped. The kept edits stay
//   unsaved (Save writes them) and become one undo step; the undo history from before the reload is cleared;
// - the result names the file: "Reloaded FILE: kept N edited bytes, dropped M bytes past the new end (0xEND)"
//   in the status bar, and also in the banner (as a notice with Dismiss) when edits were dropped;
// - when the file cannot be opened (deleted, emptied, no longer writable while editing) nothing changes and
//   the banner says why.
// The banner hides when another file is shown. Create it once, at the end of the window's constructor.
// Thread: GUI thread only.
class FileChangeSupport : public QObject {
    Q_OBJECT
public:
    explicit FileChangeSupport(MainWindow *window);
    ~FileChangeSupport() override;

    FileChangeBanner *banner() const { return m_banner; }
    FileWatcher *watcher() const { return m_watcher; }
    bool isBannerShown() const;

    void reload();
    // What changed, for a banner or a refusal: "FILE was replaced on disk by another file; ...". Thread: GUI.
    static QString describeChange(FileChange change, const QString &name);
    QString lastReloadMessage() const { return m_lastReload; } // empty until the first successful reload

signals:
    void reloaded(const QString &message);

private:
    void showBanner(const QString &text, const QString &path);
    void hideBanner();
    bool hasUnsavedEdits() const;

    MainWindow *m_window;
    FileWatcher *m_watcher;
    FileChangeBanner *m_banner;
    QToolBar *m_bar;
    QString m_lastReload;
};

} // namespace hexmap
