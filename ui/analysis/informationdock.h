#pragma once

#include "ui/analysis/informationmodel.h"

#include <QDockWidget>
#include <QList>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <cstdint>

class QLabel;
class QProgressBar;
class QPushButton;

namespace hexmap {

class EditSession;
class EntropyPlot;
class HexView;
class HistogramWidget;
class OverviewMap;
class ScanWatcher;

// What the document holds: the byte histogram, the entropy plot (click to go there), "go to highest / lowest
// entropy block" and a plain-words summary (InformationModel). One background statistics scan of the whole
// document (unsaved edits included; ScanRun polled by a ScanWatcher) feeds both this dock and the overview map's
// Entropy layer (the pyramid, as a cell provider). The scan starts on its own when a file is opened (one reader
// thread, so the GUI keeps a core) while the dock is shown: a hidden dock never reads the file; edits made later
// mark the result stale until Recompute. It follows the current tab (setTarget): another tab's file is scanned
// anew (results are not kept per tab yet).
// Thread: GUI thread only.
class InformationDock : public QDockWidget {
    Q_OBJECT
public:
    // `map` may be null (no map layer).
    InformationDock(HexView *view, EditSession *session, OverviewMap *map, QWidget *parent = nullptr);
    // The view to navigate, the session (file + unsaved edits) and the map to colour; any may be null.
    void setTarget(HexView *view, EditSession *session, OverviewMap *map);
    ~InformationDock() override;

    bool compute(); // false (reason in statusText()) when there is no file
    void cancel();
    bool isRunning() const;
    bool goToHighest();
    bool goToLowest();
    // Watches for another file in the view (the timer and the view's signals call it).
    void checkFile();

    const InformationModel &model() const { return m_model; }
    QString summaryText() const;
    QString statusText() const;
    EntropyPlot *plot() const { return m_plot; }
    ScanWatcher *watcher() const { return m_watcher; }

signals:
    void finished(bool ok);

private:
    void onFinished(const QString &error, bool cancelled);
    void clearResults();
    bool goTo(bool highest);

    QPointer<HexView> m_view;
    QPointer<EditSession> m_session;
    QList<QMetaObject::Connection> m_targetConnections;
    QPointer<OverviewMap> m_map; // the window may destroy the map first
    InformationModel m_model;
    ScanWatcher *m_watcher;
    ByteRange m_range;
    QString m_filePath;
    std::uint64_t m_fileSize = 0;
    QTimer m_fileTimer;
    QLabel *m_summary;
    QLabel *m_breakdown;
    QLabel *m_status;
    QProgressBar *m_progress;
    HistogramWidget *m_histogram;
    EntropyPlot *m_plot;
    QPushButton *m_compute;
    QPushButton *m_cancel;
    QPushButton *m_highest;
    QPushButton *m_lowest;
};

} // namespace hexmap
