#pragma once

#include "core/pagecachesampler.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

class QAction;
class QMenu;
class QTimer;

namespace hexmap {

class OverviewMap;

// PageCacheLayer: feeds an OverviewMap's PageCache layer with what the kernel's page cache holds of the file shown
// (PageCacheSampler: cachestat, or mincore on kernels before 6.5). A timer refreshes it a few times a second while
// the map is visible and the layer on, and at once when the map is resized (kBudget) or shown (kShowBudget, so its
// first paint has cells). Each refresh runs on the GUI thread within its time budget and resumes where the
// previous one stopped, so a huge file costs several ticks per pass, never a long stall. The
// file is re-opened when the path source names another path or the path now names another file (a Save that
// replaced it). A file cut on disk is re-laid out at its new size and the map is told the new size.
// The sampler's cells are the file's; they are drawn where those bytes are in the document (the map's
// originalMap(): unsaved inserts and deletes move them; inserted bytes have no page-cache state and show none).
// With cachestat, after each full pass it reports the file's dirty + writeback bytes (kernelUnsyncedChanged) for
// the status bar's Unsynced item; with mincore (residency only) it reports that the kernel figure is unknown.
// Parented to the map. Thread: GUI thread only.
class PageCacheLayer : public QObject {
    Q_OBJECT
public:
    using PathSource = std::function<std::string()>; // the shown file's path; empty when no file is shown

    static constexpr std::chrono::milliseconds kInterval{250};
    static constexpr std::chrono::milliseconds kBudget{4};
    static constexpr std::chrono::milliseconds kShowBudget{20}; // once, when the map is shown: a whole first picture

    // The one call a window makes: creates the layer for `map`, adds a checkable "Page Cache Layer" action to
    // `viewMenu` (may be null) that toggles the map's PageCache layer, turns the layer on and starts the timer.
    static PageCacheLayer *attach(OverviewMap *map, PathSource path, QMenu *viewMenu);

    PageCacheLayer(OverviewMap *map, PathSource path);
    ~PageCacheLayer() override;

    // One refresh now (the timer's tick; tests). Does nothing while the map is hidden or the layer is off.
    void refresh() { refreshWithin(kBudget); }
    void refreshWithin(std::chrono::nanoseconds budget);
    // Refreshes until a whole pass is done (tests, screenshots). Returns false when no file could be sampled.
    bool refreshFully();

    // The map's originalMap() changed: the cells are drawn again where the file's bytes now are.
    void documentChanged();

    // Turns the map's PageCache layer on (and refreshes at once) or off (the kernel figure becomes unknown).
    void setShown(bool on);
    // Emits kernelUnsyncedChanged again with the last figure (a status bar that starts following this layer).
    void republish();

    QAction *action() const { return m_action; }
    // "cachestat" or "mincore" (empty before the first sample).
    QString source() const;
    const PageCacheSampler *sampler() const { return m_sampler.get(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override; // the map shown or resized: refresh at once

signals:
    // known: the figure comes from cachestat; bytes: the file's dirty + under-writeback bytes in the page cache.
    void kernelUnsyncedChanged(bool known, quint64 bytes);

private:
    bool ensureSampler();
    void publish();
    void setUnknown();

    OverviewMap *m_map;
    PathSource m_path;
    std::string m_openPath;
    std::unique_ptr<PageCacheSampler> m_sampler;
    QTimer *m_timer;
    QAction *m_action = nullptr;
    bool m_reportedKnown = false;
    quint64 m_reportedBytes = 0;
    bool m_reportedOnce = false;
};

} // namespace hexmap
