#include "ui/jobs/jobsdock.h"

#include "core/numberparser.h"
#include "ui/common/compactheight.h"
#include "ui/document/jobcenter.h"
#include "ui/view/jobcolors.h"
#include "ui/jobs/jobdialogmodel.h"
#include "ui/document/jobwatcher.h"
#include "ui/jobs/jobsummary.h"
#include "ui/jobs/progressdelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hexmap {
namespace {

int permille(std::uint64_t done, std::uint64_t total)
{
    return total ? int(static_cast<double>(done) / static_cast<double>(total) * 1000.0) : 0;
}

constexpr int kExpandRole = Qt::UserRole + 1; // on a job's row: expand it when its workers are first listed

QIcon swatch(const QColor &c)
{
    QPixmap pm(12, 12);
    pm.fill(c);
    return QIcon(pm);
}

QString exactBytes(std::uint64_t n)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c.toString(static_cast<qulonglong>(n));
}

} // namespace

JobsDock::JobsDock(JobCenter *center, QWidget *parent) : QDockWidget(tr("Jobs"), parent)
{
    setObjectName(QStringLiteral("jobsDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_tree = new QTreeWidget(body);
    m_tree->setColumnCount(7);
    m_tree->setHeaderLabels({tr("Job"), tr("Range"), tr("Progress"), tr("Speed"), tr("ETA"), tr("Elapsed"),
                             tr("State")});
    m_tree->setItemDelegateForColumn(ProgressColumn, new ProgressDelegate(m_tree));
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(JobColumn, 150);
    // Wide enough for a 40-bit range with its size ("0x1000000000 – 0x1FFFFFFFFF (64.00 GiB)") in the dock's font.
    m_tree->setColumnWidth(RangeColumn,
                           m_tree->fontMetrics().horizontalAdvance(
                               QStringLiteral("0x0000000000 \u2013 0x0000000000 (000.00 MiB)")) + 16);
    m_tree->setColumnWidth(ProgressColumn, 180);
    m_tree->setColumnWidth(SpeedColumn, 90);
    m_tree->setColumnWidth(EtaColumn, 60);
    m_tree->setColumnWidth(ElapsedColumn, 60);
    // One job row at the least: the dock shrinks with a small window instead of making it taller.
    m_tree->setMinimumHeight(compactItemViewHeight(m_tree, m_tree->header(), 1));
    const std::pair<Column, QString> headerTips[] = {
        {JobColumn, tr("The operation; expand a job for one row per worker, in the worker's colour on the map")},
        {RangeColumn, tr("The bytes the job (or worker) covers")},
        {ProgressColumn, tr("Bytes written (synced, for Sync) of the range")},
        {SpeedColumn, tr("Bytes per second; empty for Flush and Zero, whose speed means nothing (see State)")},
        {EtaColumn, tr("Estimated time left")},
        {ElapsedColumn, tr("Time since the job started")},
        {StateColumn, tr("Running, paused, done (what Flush and Zero did), cancelled or failed")}};
    for (const auto &[column, tip] : headerTips)
        m_tree->headerItem()->setToolTip(column, tip);
    setWhatsThis(tr("<b>Jobs</b>: the fill, zero, pattern, flush and sync jobs of the current file. Each job "
                    "expands into its workers; each worker's colour is the one it has on the overview map, where "
                    "its range is pale and what it wrote solid. Cancel job stops the selected (or the only "
                    "running) job after its current chunk; Clear finished removes finished jobs from the list "
                    "(the map keeps showing what they wrote, in grey)."));
    m_tree->setWhatsThis(whatsThis());
    layout->addWidget(m_tree);
    auto *buttons = new QHBoxLayout;
    m_cancel = new QPushButton(tr("Cancel job"), body);
    m_clear = new QPushButton(tr("Clear finished"), body);
    m_cancel->setToolTip(tr("Stop the selected job (or the only running one) after its current chunk"));
    m_clear->setToolTip(tr("Remove finished jobs from the list"));
    buttons->addStretch();
    buttons->addWidget(m_clear);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    setWidget(body);

    connect(m_cancel, &QPushButton::clicked, this, &JobsDock::cancelCurrent);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_center)
            m_center->removeFinished();
    });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &JobsDock::updateButtons);
    setCenter(center);
}

void JobsDock::setCenter(JobCenter *center)
{
    for (const auto &c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_center = center;
    if (center) {
        m_connections << connect(center, &JobCenter::jobAdded, this, &JobsDock::jobStarted);
        m_connections << connect(center, &JobCenter::jobProgressed, this, &JobsDock::refresh);
        m_connections << connect(center, &JobCenter::jobFinished, this, [this](JobWatcher *job) {
            refresh(job);
            updateButtons();
        });
        m_connections << connect(center, &JobCenter::jobsRemoved, this, &JobsDock::rebuild);
        m_connections << connect(center, &QObject::destroyed, this, [this] { setCenter(nullptr); });
    }
    rebuild();
}

QTreeWidgetItem *JobsDock::itemFor(const JobWatcher *job) const
{
    const auto it = m_items.find(job);
    return it == m_items.end() ? nullptr : it->second;
}

JobWatcher *JobsDock::currentJob() const
{
    for (const auto &[job, item] : m_items) {
        QTreeWidgetItem *top = m_tree->currentItem();
        while (top && top->parent())
            top = top->parent();
        if (item == top && item->isSelected())
            return const_cast<JobWatcher *>(job);
    }
    JobWatcher *only = nullptr;
    if (!m_center)
        return nullptr;
    for (JobWatcher *job : m_center->jobs()) {
        if (job->isFinished())
            continue;
        if (only)
            return nullptr;
        only = job;
    }
    return only;
}

void JobsDock::cancelCurrent()
{
    if (JobWatcher *job = currentJob())
        job->cancel();
}

void JobsDock::jobStarted(JobWatcher *job)
{
    // The new job is the one to watch: the finished ones fold away, the dock comes to the front.
    for (const auto &[other, item] : m_items)
        if (other->isFinished())
            item->setExpanded(false);
    addJob(job);
    show();
    raise();
}

void JobsDock::addJob(JobWatcher *job)
{
    auto *item = new QTreeWidgetItem(m_tree);
    item->setText(JobColumn, JobDialogModel::operationName(job->spec().operation));
    item->setText(RangeColumn, JobDialogModel::rangeText(job->spec().range));
    item->setToolTip(RangeColumn, item->text(RangeColumn));
    item->setData(JobColumn, kExpandRole, !job->isFinished() || !m_rebuilding); // expanded once its workers show
    m_items[job] = item;
    refresh(job);
    m_tree->setCurrentItem(item);
    updateButtons();
}

void JobsDock::refresh(JobWatcher *job)
{
    QTreeWidgetItem *item = itemFor(job);
    if (!item)
        return;
    const JobSnapshot &s = job->lastSnapshot();
    const bool isDark = JobColors::isDark(palette());
    const std::uint64_t done = job->spec().operation == JobOperation::Sync ? s.totalSynced : s.totalDone;
    item->setData(ProgressColumn, ProgressDelegate::ProgressRole, permille(done, s.totalBytes));
    item->setText(ProgressColumn, QStringLiteral("%1 %").arg(s.fraction() * 100.0, 0, 'f', 1));
    const JobOperation op = job->spec().operation;
    item->setText(SpeedColumn, JobSummary::speedText(op, s));
    item->setText(EtaColumn, s.eta ? durationText(std::chrono::duration<double>(*s.eta).count()) : QString());
    item->setText(ElapsedColumn, durationText(std::chrono::duration<double>(s.elapsed).count()));
    item->setText(StateColumn, s.state == JobState::Succeeded ? JobSummary::doneText(op, s) : stateText(s));
    item->setToolTip(StateColumn, item->text(StateColumn));
    const int base = m_center->colorBase(job);
    for (std::size_t w = 0; w < s.workers.size(); ++w) {
        QTreeWidgetItem *child = int(w) < item->childCount() ? item->child(int(w)) : new QTreeWidgetItem(item);
        const WorkerSnapshot &ws = s.workers[w];
        const QColor color = JobColors::worker(base + int(w), isDark);
        if (child->text(JobColumn).isEmpty()) {
            child->setText(JobColumn, tr("Worker %1").arg(w + 1));
            child->setIcon(JobColumn, swatch(color));
            child->setText(RangeColumn, JobDialogModel::rangeText(ws.range));
            child->setData(ProgressColumn, ProgressDelegate::ColorRole, color);
        }
        const std::uint64_t wdone = job->spec().operation == JobOperation::Sync ? ws.bytesSynced : ws.bytesDone;
        child->setData(ProgressColumn, ProgressDelegate::ProgressRole, permille(wdone, ws.range.size));
        child->setText(ProgressColumn, QString::fromStdString(formatSize(wdone)));
        child->setText(StateColumn, QString::fromLatin1(stateName(ws.state)));
    }
    // A started job shows its workers (the per-worker view is the point) as soon as they are listed, once: the
    // user may fold it again.
    if (item->childCount() > 0 && item->data(JobColumn, kExpandRole).toBool()) {
        item->setData(JobColumn, kExpandRole, false);
        item->setExpanded(true);
    }
}

void JobsDock::rebuild()
{
    m_tree->clear();
    m_items.clear();
    m_rebuilding = true;
    if (m_center)
        for (JobWatcher *job : m_center->jobs())
            addJob(job);
    m_rebuilding = false;
    updateButtons();
}

void JobsDock::updateButtons()
{
    const JobWatcher *job = currentJob();
    m_cancel->setEnabled(job && !job->isFinished());
    const std::vector<JobWatcher *> jobs = m_center ? m_center->jobs() : std::vector<JobWatcher *>{};
    m_clear->setEnabled(std::any_of(jobs.begin(), jobs.end(), [](const JobWatcher *j) { return j->isFinished(); }));
}

QString JobsDock::stateText(const JobSnapshot &s)
{
    switch (s.state) {
    case JobState::NotStarted: return tr("waiting");
    case JobState::Running: {
        const bool paused = !s.workers.empty() && std::all_of(s.workers.begin(), s.workers.end(), [](const auto &w) {
            return w.state == WorkerState::Paused || w.state == WorkerState::Done;
        });
        const bool syncing = std::any_of(s.workers.begin(), s.workers.end(),
                                         [](const auto &w) { return w.state == WorkerState::Syncing; });
        return paused ? tr("paused") : syncing ? tr("syncing") : tr("running");
    }
    case JobState::Succeeded: return tr("done");
    case JobState::Cancelled:
        return tr("cancelled, %1 bytes written (%2)")
            .arg(exactBytes(s.totalDone), QString::fromStdString(formatSize(s.totalDone)));
    case JobState::Failed: return tr("failed: %1").arg(QString::fromStdString(s.message));
    }
    return {};
}

QString JobsDock::durationText(double seconds)
{
    if (seconds < 10)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(int(seconds));
    const int s = int(seconds);
    return s < 3600 ? QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                    : QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                          .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString JobsDock::rateText(double bytesPerSecond)
{
    return JobSummary::rateText(bytesPerSecond);
}

} // namespace hexmap
