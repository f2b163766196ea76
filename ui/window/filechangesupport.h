#pragma once

#include "core/fileidentity.h"
#include "ui/pane/windowfeature.h"

#include <QHash>
#include <QPointer>
#include <QString>

#include <cstdint>

namespace hexmap {

class FileChangeBanner;
class FileWatcher;

// The file-change feature: for every open document, its FileWatcher reports changes made by other programs and
// the pane's FileChangeBanner (above the view) says so: hidden until the file is truncated, changed, replaced or
// deleted on disk (read-only or editing alike; a "changed" banner becomes "truncated" when the size shrinks, and
// says so when there are unsaved edits over bytes the user has not seen). The size still on disk reaches the view
// through Document::readableSizeChanged, so it paints the bytes past it as absent. Close closes the document
// (asking about unsaved edits like any close).
// Reload (Document::reload) reopens the file without the Save/Discard question and without writing anything to it:
// - read-write with editing still on when it was on, read-only otherwise; the cursor offset is kept (clamped);
// - unsaved edits are carried over: kept when they lie before the new end, a run crossing the end keeps its bytes
//   before the end, bytes at or past the end are dropped. They stay unsaved and become one undo step;
// - the result names the file: "Reloaded FILE: kept N edited bytes, dropped M bytes past the new end (0xEND)"
//   in the status bar, and also in the banner (as a notice with Dismiss) when edits were dropped;
// - when the file cannot be opened (deleted, emptied, no longer writable while editing) nothing changes and
//   the banner says why.
// banner(), watcher(), isBannerShown() and reload() act on the current tab. Thread: GUI thread only.
class FileChangeSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit FileChangeSupport(QWidget *window);
    ~FileChangeSupport() override;

    void setCurrent(Document *document, DocumentPane *pane) override;
    void documentAdded(Document *document, DocumentPane *pane) override;
    void documentRemoved(Document *document) override;

    FileChangeBanner *banner() const;
    FileWatcher *watcher() const;
    bool isBannerShown() const;

    void reload() { reload(m_pane); }
    void reload(DocumentPane *pane);
    // What changed, for a banner or a refusal: "FILE was replaced on disk by another file; ...". Thread: GUI.
    static QString describeChange(FileChange change, const QString &name);
    // The banner for a file that shrank under the mapping: "NAME was truncated on disk to N bytes"; for a block
    // device (its node stays when it goes away) "/dev/loop0 is no longer available (size 0)". Thread: GUI.
    static QString truncatedText(const QString &path, std::uint64_t size, bool device);
    QString lastReloadMessage() const { return m_lastReload; } // empty until the first successful reload

signals:
    void reloaded(const QString &message);

private:
    static void showBanner(DocumentPane *pane, const QString &text, const QString &path);

    QPointer<DocumentPane> m_pane;
    QString m_lastReload;
};

} // namespace hexmap
