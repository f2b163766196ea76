#include "ui/analysis/informationdock.h"

#include "core/numberparser.h"
#include "core/scansource.h"
#include "ui/analysis/entropycolors.h"
#include "ui/analysis/entropyplot.h"
#include "ui/analysis/histogramwidget.h"
#include "ui/analysis/scanwatcher.h"
#include "ui/document/editsession.h"
#include "ui/pane/overviewmap.h"
#include "ui/view/hexview.h"
#include "ui/view/jobcolors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace hexmap {

InformationDock::InformationDock(HexView *view, EditSession *session, OverviewMap *map, QWidget *parent)
    : QDockWidget(tr("Information"), parent), m_watcher(new ScanWatcher(this))
{
    setObjectName(QStringLiteral("informationDock"));
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    m_summary = new QLabel(body);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_breakdown = new QLabel(body);
    m_breakdown->setWordWrap(true);
    for (QLabel *label : {m_summary, m_breakdown})
        label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum); // never squeezed under the plots
    layout->addWidget(m_summary);
    layout->addWidget(m_breakdown);
    layout->addWidget(new QLabel(tr("Entropy (bits per byte, 0-8; click to go there)"), body));
    m_plot = new EntropyPlot(body);
    m_plot->setPyramid(&m_model.pyramid());
    layout->addWidget(m_plot, 1);
    auto *go = new QHBoxLayout;
    m_highest = new QPushButton(tr("Go to highest entropy"), body);
    m_lowest = new QPushButton(tr("Go to lowest entropy"), body);
    go->addWidget(m_highest);
    go->addWidget(m_lowest);
    layout->addLayout(go);
    layout->addWidget(new QLabel(tr("Byte histogram (0x00-0xFF, log scale)"), body));
    m_histogram = new HistogramWidget(body);
    layout->addWidget(m_histogram, 1);
    auto *row = new QHBoxLayout;
    m_compute = new QPushButton(tr("Recompute"), body);
    m_cancel = new QPushButton(tr("Cancel"), body);
    m_progress = new QProgressBar(body);
    m_progress->setRange(0, 1000);
    row->addWidget(m_compute);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    m_status = new QLabel(body);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    // In a scroll area: the dock asks the window for no minimum height of its own (a short window stays short).
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(body);
    setWidget(scroll);

    connect(m_compute, &QPushButton::clicked, this, &InformationDock::compute);
    connect(m_cancel, &QPushButton::clicked, this, &InformationDock::cancel);
    connect(m_highest, &QPushButton::clicked, this, &InformationDock::goToHighest);
    connect(m_lowest, &QPushButton::clicked, this, &InformationDock::goToLowest);
    connect(m_plot, &EntropyPlot::offsetClicked, this, [this](std::uint64_t offset) {
        if (m_view)
            m_view->setCursorOffset(offset);
    });
    connect(m_watcher, &ScanWatcher::progressed, this, [this](const ScanProgressSnapshot &s) {
        m_progress->setValue(s.bytesTotal ? int(1000.0 * double(s.bytesDone) / double(s.bytesTotal)) : 1000);
    });
    connect(m_watcher, &ScanWatcher::finished, this, &InformationDock::onFinished);
    // Shown: the file is read now if it has not been (a hidden dock never reads it).
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            checkFile();
    });
    connect(&m_fileTimer, &QTimer::timeout, this, &InformationDock::checkFile);
    m_fileTimer.start(500);
    setTarget(view, session, map);
}

void InformationDock::setTarget(HexView *view, EditSession *session, OverviewMap *map)
{
    if (view == m_view && session == m_session && map == m_map)
        return;
    for (const auto &c : m_targetConnections)
        disconnect(c);
    m_targetConnections.clear();
    m_watcher->abandon();
    clearResults(); // the previous map loses its colours
    m_view = view;
    m_session = session;
    m_map = map;
    m_filePath.clear();
    m_fileSize = 0;
    clearResults();
    if (m_view) {
        m_targetConnections << connect(m_view, &HexView::cursorMoved, m_plot, &EntropyPlot::setMarker);
        // A new file in the view starts a scan: the view's signals catch most opens at once, the timer the rest.
        m_targetConnections << connect(m_view, &HexView::visibleRangeChanged, this, &InformationDock::checkFile);
    }
    if (m_session)
        m_targetConnections << connect(m_session, &EditSession::documentChanged, this, [this] {
            if (m_model.hasData())
                m_status->setText(tr("The file has edits since this was computed: Recompute to include them."));
        });
    checkFile();
}

InformationDock::~InformationDock()
{
    if (m_map)
        m_map->setEntropyCells(nullptr, QString());
}

void InformationDock::checkFile()
{
    const bool open = m_session && m_session->hasFile();
    const QString path = open ? QString::fromStdString(m_session->file().path()) : QString();
    const std::uint64_t size = open ? m_session->file().size() : 0;
    if ((path == m_filePath && size == m_fileSize) || (!isVisible() && !path.isEmpty()))
        return; // nothing new, or hidden: a file is read only for a dock that shows it
    m_filePath = path;
    m_fileSize = size;
    m_watcher->abandon();
    clearResults();
    if (!path.isEmpty() && size > 0)
        compute();
}

void InformationDock::clearResults()
{
    m_model.clear();
    m_plot->update();
    m_histogram->setHistogram({});
    m_summary->setText(tr("No statistics yet."));
    m_breakdown->clear();
    m_progress->setValue(0);
    m_compute->setEnabled(m_session && m_session->hasFile());
    m_cancel->setEnabled(false);
    m_highest->setEnabled(false);
    m_lowest->setEnabled(false);
    if (m_map)
        m_map->setEntropyCells(nullptr, QString());
}

bool InformationDock::compute()
{
    if (!m_session || !m_session->hasFile() || m_session->size() == 0) {
        m_status->setText(tr("No file is open."));
        return false;
    }
    Result<ScanSource> source = ScanSource::open(m_session->file().path());
    if (!source) {
        m_status->setText(tr("Cannot read the file: %1").arg(QString::fromStdString(source.message())));
        return false;
    }
    m_range = {0, m_session->size()}; // the document's bytes: unsaved inserts and erases included
    m_filePath = QString::fromStdString(m_session->file().path()); // checkFile() then sees no new file
    m_fileSize = m_session->file().size();
    Result<std::unique_ptr<StatsConsumer>> stats = InformationModel::makeConsumer(m_range);
    if (!stats) {
        m_status->setText(tr("Cannot compute statistics: %1").arg(QString::fromStdString(stats.message())));
        return false;
    }
    std::vector<std::unique_ptr<ScanConsumer>> consumers;
    consumers.push_back(std::move(*stats));
    auto run = std::make_unique<ScanRun>();
    run->start(std::move(*source), m_range, m_session->snapshot(), std::move(consumers), 1);
    m_watcher->watch(std::move(run));
    m_compute->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Computing the statistics of %1…").arg(QString::fromStdString(formatSize(m_range.size))));
    return true;
}

void InformationDock::cancel() { m_watcher->cancel(); }

bool InformationDock::isRunning() const { return m_watcher->isRunning(); }

void InformationDock::onFinished(const QString &error, bool cancelled)
{
    m_compute->setEnabled(true);
    m_cancel->setEnabled(false);
    const bool ok = error.isEmpty();
    if (!ok) {
        clearResults();
        m_status->setText(cancelled ? tr("Cancelled.") : tr("Failed: %1").arg(error));
        emit finished(false);
        return;
    }
    const auto *stats = static_cast<const StatsConsumer *>(m_watcher->lastRun()->consumers().front().get());
    m_model.collect(*stats, m_range);
    m_progress->setValue(1000);
    m_summary->setText(m_model.summary());
    m_breakdown->setText(m_model.breakdown());
    m_histogram->setHistogram(m_model.histogram());
    m_plot->update();
    m_highest->setEnabled(true);
    m_lowest->setEnabled(true);
    m_status->setText(tr("Blocks of %1; %2 of memory for the map.")
                          .arg(QString::fromStdString(formatSize(m_model.pyramid().blockSize())),
                               QString::fromStdString(formatSize(m_model.pyramid().memoryBytes()))));
    if (m_map) {
        m_map->setEntropyCells(
            [this](ByteRange span) {
                const EntropyPyramid::Sample s = m_model.pyramid().sample(span);
                return s.valid ? EntropyColors::of(s.byteClass, s.entropy, JobColors::isDark(m_map->palette())) : QColor();
            },
            EntropyColors::legend());
    }
    emit finished(true);
}

bool InformationDock::goTo(bool highest)
{
    const auto block = highest ? m_model.highest() : m_model.lowest();
    if (!block || !m_view)
        return false;
    m_view->setCursorOffset(block->offset);
    m_status->setText(tr("Block at 0x%1: %2 bits per byte")
                          .arg(QString::number(block->offset, 16).toUpper())
                          .arg(block->entropy, 0, 'f', 3));
    return true;
}

bool InformationDock::goToHighest() { return goTo(true); }
bool InformationDock::goToLowest() { return goTo(false); }

QString InformationDock::summaryText() const { return m_summary->text(); }
QString InformationDock::statusText() const { return m_status->text(); }

} // namespace hexmap
