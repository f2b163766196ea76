#include "ui/compare/comparewindow.h"

#include "core/numberparser.h"
#include "ui/compare/comparepane.h"
#include "ui/compare/comparerunsmodel.h"
#include "ui/view/hexview.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hexmap {
namespace {

QString hexOffset(std::uint64_t v) { return QStringLiteral("0x%1").arg(v, 0, 16).toUpper().replace(QLatin1String("0X"), QLatin1String("0x")); }

QString nameOf(const std::string &path) { return QFileInfo(QFile::decodeName(QByteArray::fromStdString(path))).fileName(); }

} // namespace

CompareWindow *CompareWindow::open(const std::string &pathA, const std::string &pathB, QWidget *parent,
                                   QString *error, CompareTab tabA, CompareTab tabB)
{
    auto sa = ScanSource::open(pathA);
    auto sb = sa ? ScanSource::open(pathB) : Result<ScanSource>(sa.error());
    auto fa = sb ? MappedFile::openReadOnly(pathA) : Result<MappedFile>(sb.error());
    auto fb = fa ? MappedFile::openReadOnly(pathB) : Result<MappedFile>(fa.error());
    if (!fb) {
        if (error)
            *error = tr("Cannot compare: %1").arg(QString::fromStdString(fb.message()));
        return nullptr;
    }
    return new CompareWindow(std::move(fa).value(), std::move(fb).value(), std::move(sa).value(),
                             std::move(sb).value(), std::move(tabA), std::move(tabB), parent);
}

CompareWindow::CompareWindow(MappedFile a, MappedFile b, ScanSource sa, ScanSource sb, CompareTab tabA, CompareTab tabB,
                             QWidget *parent)
    : QWidget(parent, Qt::Window), m_fileA(std::move(a)), m_fileB(std::move(b)), m_sourceA(std::move(sa)),
      m_sourceB(std::move(sb)), m_tabA(std::move(tabA)), m_tabB(std::move(tabB)),
      m_job(new CompareJob(this)), m_model(new CompareRunsModel(this))
{
    setObjectName(QStringLiteral("compareWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Compare %1 with %2").arg(nameOf(m_sourceA.path()), nameOf(m_sourceB.path())));
    buildLayout();
    connect(m_job, &CompareJob::progressed, this, &CompareWindow::onProgress);
    connect(m_job, &CompareJob::finished, this, &CompareWindow::onFinished);
    resize(1280, 720); // two 16-byte rows with their maps side by side
    start(0, 0);
}

void CompareWindow::buildLayout()
{
    auto *views = new QSplitter(Qt::Horizontal);
    const auto path = [](const ScanSource &s) { return QFile::decodeName(QByteArray::fromStdString(s.path())); };
    m_paneA = new ComparePane(tr("A"), path(m_sourceA), m_fileA, m_tabA.document, QStringLiteral("compareViewA"));
    m_paneB = new ComparePane(tr("B"), path(m_sourceB), m_fileB, m_tabB.document, QStringLiteral("compareViewB"));
    m_viewA = m_paneA->view();
    m_viewB = m_paneB->view();
    for (ComparePane *pane : {m_paneA, m_paneB}) {
        views->addWidget(pane);
        connect(pane->view(), &HexView::visibleRangeChanged, this, [this, v = pane->view()] { syncFrom(v); });
        connect(pane->view(), &HexView::cursorMoved, this, [this, v = pane->view()] { followCursor(v); });
    }
    // The maps' ticks: the runs known so far (offsets on A; B's pixel rows are mapped back to A first).
    m_paneA->map()->setDifferences([this](ByteRange span) { return m_differences.share(span); });
    m_paneB->map()->setDifferences([this](ByteRange spanB) {
        const std::uint64_t begin = m_navigator.toA(spanB.offset);
        return m_differences.share(ByteRange::fromBounds(begin, std::max(begin, m_navigator.toA(spanB.end()))));
    });

    auto *controls = new QHBoxLayout;
    m_startA = new QLineEdit(QStringLiteral("0"));
    m_startB = new QLineEdit(QStringLiteral("0"));
    m_startA->setToolTip(tr("Offset in A where the compare starts (decimal, 0x hex, K/M/G suffixes)"));
    m_startB->setToolTip(tr("Offset in B compared with A's start: shift one side to re-align inserted data"));
    m_startA->setMaximumWidth(180);
    m_startB->setMaximumWidth(180);
    m_compare = new QPushButton(tr("Compare"));
    m_stop = new QPushButton(tr("Stop"));
    auto *previous = new QPushButton(tr("Previous"));
    auto *next = new QPushButton(tr("Next"));
    controls->addWidget(new QLabel(tr("Start in A:")));
    controls->addWidget(m_startA);
    controls->addWidget(new QLabel(tr("Start in B:")));
    controls->addWidget(m_startB);
    controls->addWidget(m_compare);
    controls->addWidget(m_stop);
    controls->addStretch();
    controls->addWidget(previous);
    controls->addWidget(next);
    connect(m_compare, &QPushButton::clicked, this, &CompareWindow::compareAgain);
    connect(m_startA, &QLineEdit::returnPressed, this, &CompareWindow::compareAgain);
    connect(m_startB, &QLineEdit::returnPressed, this, &CompareWindow::compareAgain);
    connect(m_stop, &QPushButton::clicked, m_job, &CompareJob::cancel);
    connect(previous, &QPushButton::clicked, this, &CompareWindow::goToPrevious);
    connect(next, &QPushButton::clicked, this, &CompareWindow::goToNext);

    m_list = new QTableView;
    m_list->setObjectName(QStringLiteral("compareDifferences"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 4);
    m_list->horizontalHeader()->setStretchLastSection(true);
    connect(m_list, &QTableView::clicked, this, [this](const QModelIndex &i) { goToRun(static_cast<std::size_t>(i.row())); });
    connect(m_list, &QTableView::activated, this, [this](const QModelIndex &i) { goToRun(static_cast<std::size_t>(i.row())); });
    auto *listPane = new QWidget;
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(new QLabel(tr("Differences")));
    listLayout->addWidget(m_list);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(views);
    split->addWidget(listPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true); // a small window wraps the summary instead of growing
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(200);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(split, 1);
    layout->addLayout(statusRow);

    m_next = new QAction(tr("Next Difference"), this);
    m_next->setObjectName(QStringLiteral("compareNext"));
    m_next->setShortcut(QKeySequence(Qt::Key_F6));
    m_previous = new QAction(tr("Previous Difference"), this);
    m_previous->setObjectName(QStringLiteral("comparePrevious"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    addAction(m_next);
    addAction(m_previous);
    connect(m_next, &QAction::triggered, this, &CompareWindow::goToNext);
    connect(m_previous, &QAction::triggered, this, &CompareWindow::goToPrevious);
    next->setToolTip(m_next->text() + QStringLiteral(" (F6)"));
    previous->setToolTip(m_previous->text() + QStringLiteral(" (Shift+F6)"));
}

void CompareWindow::start(std::uint64_t offsetA, std::uint64_t offsetB)
{
    CompareResult empty;
    empty.offsetA = offsetA;
    empty.offsetB = offsetB;
    m_navigator = CompareNavigator(empty);
    m_model->reset(&m_navigator, {&m_fileA, m_tabA.document}, {&m_fileB, m_tabB.document});
    m_differences.clear();
    updateMaps();
    updateHighlights();
    CompareOptions options;
    options.offsetA = offsetA;
    options.offsetB = offsetB;
    options.documentA = m_tabA.document;
    options.documentB = m_tabB.document;
    options.chunkSize = 64u << 10; // cache-sized units: several times faster than 1 MiB here (see comparecommand.cpp)
    options.maxRuns = 1'000'000; // 16 MB of runs at most; the status says when the cap stopped the compare
    m_compare->setEnabled(false);
    m_stop->setEnabled(true);
    m_progress->setValue(0);
    m_statusText = tr("Comparing…");
    m_status->setText(m_statusText);
    m_job->start(m_sourceA, m_sourceB, options);
    m_viewA->scrollToOffset(offsetA);
}

std::uint64_t CompareWindow::sizeOf(const ScanSource &source, const CompareTab &tab) const
{
    return tab.document ? tab.document->size() : source.size();
}

bool CompareWindow::compareAgain()
{
    auto a = parseOffset(m_startA->text().trimmed().toStdString(), sizeOf(m_sourceA, m_tabA));
    auto b = parseOffset(m_startB->text().trimmed().toStdString(), sizeOf(m_sourceB, m_tabB));
    if (!a || !b) {
        m_statusText = tr("Bad start offset: %1").arg(QString::fromStdString((!a ? a : b).message()));
        m_status->setText(m_statusText);
        return false;
    }
    start(*a, *b);
    return true;
}

void CompareWindow::updateMaps()
{
    m_paneA->map()->update();
    m_paneB->map()->update();
}

void CompareWindow::onProgress(const ScanProgressSnapshot &s)
{
    m_job->takeNewRuns(m_newRuns);
    if (!m_newRuns.empty()) {
        m_differences.append(m_newRuns);
        updateMaps();
    }
    if (s.bytesTotal > 0)
        m_progress->setValue(static_cast<int>(1000.0 * static_cast<double>(s.bytesDone) / static_cast<double>(s.bytesTotal)));
    if (!s.finished) {
        m_statusText = tr("Comparing… %1 of %2 MiB").arg(s.bytesDone >> 20).arg(s.bytesTotal >> 20);
        m_status->setText(m_statusText);
    }
}

void CompareWindow::onFinished(const QString &error, bool cancelled)
{
    m_compare->setEnabled(true);
    m_stop->setEnabled(false);
    if (!error.isEmpty() || !m_job->result()) {
        m_statusText = cancelled ? tr("Compare cancelled") : tr("Compare failed: %1").arg(error);
        if (m_differences.count() > 0) // the runs found before stay on the maps (the list holds whole results only)
            m_statusText += QStringLiteral(" · ") +
                            tr("the maps show the %1 differences found before").arg(m_differences.count());
        m_status->setText(m_statusText);
        return;
    }
    const CompareResult &r = *m_job->result();
    m_progress->setValue(1000);
    m_navigator = CompareNavigator(r);
    m_model->reset(&m_navigator, {&m_fileA, m_tabA.document}, {&m_fileB, m_tabB.document});
    m_differences.clear(); // the result is the truth (it adds the last run, the feed had all runs before it)
    m_differences.append(r.runs);
    updateMaps();
    updateHighlights();
    QStringList parts;
    if (r.sameFile)
        parts << tr("The same file: equal");
    else if (r.equal())
        parts << tr("Equal: %1 bytes compared").arg(r.length);
    else
        parts << tr("Differences: %1 (%2 bytes) in %3 bytes compared").arg(r.runs.size()).arg(r.differingBytes()).arg(r.length);
    if (r.sizesDiffer())
        parts << tr("the sizes differ: A has %1 bytes from %2, B has %3 from %4")
                     .arg(r.restA()).arg(hexOffset(r.offsetA)).arg(r.restB()).arg(hexOffset(r.offsetB));
    if (r.capped)
        parts << tr("stopped after %1 differences").arg(r.runs.size());
    m_statusText = parts.join(QStringLiteral(" · "));
    m_status->setText(m_statusText);
}

QString CompareWindow::statusText() const { return m_statusText; }

} // namespace hexmap
