#pragma once

#include <QDockWidget>

#include <map>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace hexmap {

class JobCenter;
class JobWatcher;
struct JobSnapshot;

// The Jobs dock: one row per job of a JobCenter (operation, range, progress bar, throughput, ETA, elapsed,
// state: running / paused / done / cancelled with the bytes written / failed with the message), expandable into
// one row per worker with a bar in the worker's colour. A job that starts is expanded (its workers shown), the
// finished ones collapse, and the dock is shown and raised (also from behind a tabified dock). Flush and Zero show
// what they did instead of a rate (JobSummary). Cancel stops the selected job (or the only running one);
// Clear removes finished jobs. Rows refresh on the center's ticks (display rate), never per chunk.
// Thread: GUI thread only.
class JobsDock : public QDockWidget {
    Q_OBJECT
public:
    enum Column { JobColumn, RangeColumn, ProgressColumn, SpeedColumn, EtaColumn, ElapsedColumn, StateColumn };

    explicit JobsDock(JobCenter *center, QWidget *parent = nullptr);
    // Lists the jobs of another center (the current tab's document); null lists none.
    void setCenter(JobCenter *center);
    JobCenter *center() const { return m_center; }

    QTreeWidget *tree() const { return m_tree; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *clearButton() const { return m_clear; }
    QTreeWidgetItem *itemFor(const JobWatcher *job) const;
    // The job Cancel acts on: the selected one, else the only running one; nullptr when none.
    JobWatcher *currentJob() const;
    void cancelCurrent();

    static QString stateText(const JobSnapshot &snapshot);
    static QString durationText(double seconds);
    static QString rateText(double bytesPerSecond);

private:
    void jobStarted(JobWatcher *job);
    void addJob(JobWatcher *job);
    void refresh(JobWatcher *job);
    void rebuild();
    void updateButtons();

    JobCenter *m_center = nullptr;
    QList<QMetaObject::Connection> m_connections; // to m_center
    QTreeWidget *m_tree;
    QPushButton *m_cancel;
    QPushButton *m_clear;
    std::map<const JobWatcher *, QTreeWidgetItem *> m_items;
    bool m_rebuilding = false; // rebuild(): only the running jobs expand
};

} // namespace hexmap
