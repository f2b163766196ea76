#include "ui/analysis/checksumsdock.h"

#include "core/numberparser.h"
#include "core/scansource.h"
#include "ui/analysis/scanwatcher.h"
#include "ui/document/editsession.h"
#include "ui/view/hexview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hexmap {

ChecksumsDock::ChecksumsDock(HexView *view, EditSession *session, QWidget *parent)
    : QDockWidget(tr("Checksums"), parent), m_view(view), m_session(session), m_watcher(new ScanWatcher(this))
{
    setObjectName(QStringLiteral("checksumsDock"));
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    auto *grid = new QGridLayout;
    int i = 0;
    for (HashAlgorithm a : allHashAlgorithms()) {
        auto *box = new QCheckBox(ChecksumsModel::displayName(a), body);
        box->setChecked(m_model.isChosen(a));
        connect(box, &QCheckBox::toggled, this, [this, a](bool on) { m_model.setChosen(a, on); });
        grid->addWidget(box, i / 3, i % 3);
        m_boxes.emplace_back(a, box);
        ++i;
    }
    layout->addLayout(grid);
    auto *row = new QHBoxLayout;
    m_scope = new QComboBox(body);
    m_scope->addItem(tr("Whole file"));
    m_scope->addItem(tr("Selection"));
    m_compute = new QPushButton(tr("Compute"), body);
    m_cancel = new QPushButton(tr("Cancel"), body);
    m_cancel->setEnabled(false);
    row->addWidget(m_scope);
    row->addWidget(m_compute);
    row->addWidget(m_cancel);
    layout->addLayout(row);
    m_progress = new QProgressBar(body);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status = new QLabel(body);
    m_status->setWordWrap(true);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    m_table = new QTableWidget(0, 2, body);
    m_table->setHorizontalHeaderLabels({tr("Algorithm"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_table, 1);
    m_copy = new QPushButton(tr("Copy value"), body);
    layout->addWidget(m_copy);
    m_expected = new QLineEdit(body);
    m_expected->setPlaceholderText(tr("Paste an expected value to verify"));
    m_expected->setClearButtonEnabled(true);
    m_verdict = new QLabel(body);
    m_verdict->setWordWrap(true);
    layout->addWidget(m_expected);
    layout->addWidget(m_verdict);
    // In a scroll area: the dock asks the window for no minimum height of its own (a short window stays short).
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(body);
    setWidget(scroll);

    connect(m_compute, &QPushButton::clicked, this, &ChecksumsDock::compute);
    connect(m_cancel, &QPushButton::clicked, this, &ChecksumsDock::cancel);
    connect(m_copy, &QPushButton::clicked, this, [this] { copyValue(); });
    connect(m_expected, &QLineEdit::textChanged, this, &ChecksumsDock::updateVerdict);
    connect(m_watcher, &ScanWatcher::progressed, this, [this](const ScanProgressSnapshot &s) {
        m_progress->setValue(s.bytesTotal ? int(1000.0 * double(s.bytesDone) / double(s.bytesTotal)) : 1000);
        m_status->setText(tr("%1 of %2 at %3/s")
                              .arg(QString::fromStdString(formatSize(s.bytesDone)),
                                   QString::fromStdString(formatSize(s.bytesTotal)),
                                   QString::fromStdString(formatSize(std::uint64_t(s.bytesPerSecond())))));
    });
    connect(m_watcher, &ScanWatcher::finished, this, &ChecksumsDock::onFinished);
    updateVerdict();
}

ChecksumsDock::~ChecksumsDock() = default;

void ChecksumsDock::setTarget(HexView *view, EditSession *session)
{
    if (view == m_view && session == m_session)
        return;
    m_watcher->abandon(); // the results would belong to the previous file
    m_view = view;
    m_session = session;
    m_model.clear();
    showResults();
    m_compute->setEnabled(true);
    m_cancel->setEnabled(false);
    m_progress->setValue(0);
    m_status->clear();
}

bool ChecksumsDock::compute()
{
    if (!m_session || !m_session->hasFile()) {
        m_status->setText(tr("No file is open."));
        return false;
    }
    if (m_model.chosen().empty()) {
        m_status->setText(tr("Choose at least one algorithm."));
        return false;
    }
    const std::uint64_t size = m_session->size(); // the document's: unsaved inserts and erases included
    ByteRange range{0, size};
    if (m_scope->currentIndex() == 1) {
        range = m_view ? m_view->selection() : ByteRange{0, 0};
        if (range.isEmpty()) {
            m_status->setText(tr("Select some bytes first, or choose Whole file."));
            return false;
        }
    }
    // Opened here, on the GUI thread (open + fstat): the scan then reads this descriptor, so a file cut later is
    // reported by the scan (FileTruncated naming the offset), never a SIGBUS.
    Result<ScanSource> source = ScanSource::open(m_session->file().path());
    if (!source) {
        m_status->setText(tr("Cannot read the file: %1").arg(QString::fromStdString(source.message())));
        return false;
    }
    m_range = range;
    m_model.clear();
    showResults();
    auto run = std::make_unique<ScanRun>();
    run->start(std::move(*source), range, m_session->snapshot(), m_model.makeConsumers());
    m_watcher->watch(std::move(run));
    m_compute->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_status->setText(tr("Reading…"));
    return true;
}

void ChecksumsDock::cancel() { m_watcher->cancel(); }

bool ChecksumsDock::isRunning() const { return m_watcher->isRunning(); }

void ChecksumsDock::setScope(Scope scope) { m_scope->setCurrentIndex(scope == Scope::Selection ? 1 : 0); }

void ChecksumsDock::setChosen(HashAlgorithm algorithm, bool chosen)
{
    for (auto &[a, box] : m_boxes)
        if (a == algorithm)
            box->setChecked(chosen); // the toggled slot updates the model
}

void ChecksumsDock::setExpected(const QString &text) { m_expected->setText(text); }

QString ChecksumsDock::statusText() const { return m_status->text(); }
QString ChecksumsDock::verdictText() const { return m_verdict->text(); }

void ChecksumsDock::onFinished(const QString &error, bool cancelled)
{
    m_compute->setEnabled(true);
    m_cancel->setEnabled(false);
    const bool ok = error.isEmpty();
    if (ok) {
        m_model.collect(m_watcher->lastRun()->consumers(), m_range);
        m_progress->setValue(1000);
        m_status->setText(tr("%1 bytes from 0x%2%3")
                              .arg(m_range.size)
                              .arg(QString::number(m_range.offset, 16).toUpper())
                              .arg(m_session && m_session->isModified() ? tr(", unsaved edits included") : QString()));
    } else {
        m_status->setText(cancelled ? tr("Cancelled.") : tr("Failed: %1").arg(error));
    }
    showResults();
    emit finished(ok);
}

void ChecksumsDock::showResults()
{
    const auto &results = m_model.results();
    m_table->setRowCount(int(results.size()));
    for (int r = 0; r < int(results.size()); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(ChecksumsModel::displayName(results[std::size_t(r)].first)));
        m_table->setItem(r, 1, new QTableWidgetItem(results[std::size_t(r)].second));
    }
    m_table->resizeColumnToContents(0);
    updateVerdict();
}

bool ChecksumsDock::copyValue(int row)
{
    if (row < 0)
        row = m_table->currentRow() >= 0 ? m_table->currentRow() : 0;
    if (row >= int(m_model.results().size()))
        return false;
    QApplication::clipboard()->setText(m_model.results()[std::size_t(row)].second);
    m_status->setText(tr("%1 copied.").arg(ChecksumsModel::displayName(m_model.results()[std::size_t(row)].first)));
    return true;
}

void ChecksumsDock::updateVerdict()
{
    const ChecksumsModel::Verification v = m_model.verify(m_expected->text());
    m_verdict->setText(v.text);
    QString style;
    if (v.state == ChecksumsModel::Verification::State::Match)
        style = QStringLiteral("color: white; background: #2e7d32; padding: 4px; font-weight: bold;");
    else if (v.state == ChecksumsModel::Verification::State::Mismatch)
        style = QStringLiteral("color: white; background: #c62828; padding: 4px; font-weight: bold;");
    m_verdict->setStyleSheet(style);
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (auto *item = m_table->item(r, 1))
            item->setBackground(v.algorithm && m_model.results()[std::size_t(r)].first == *v.algorithm
                                    ? QBrush(QColor(0x2e, 0x7d, 0x32, 90))
                                    : QBrush());
}

} // namespace hexmap
