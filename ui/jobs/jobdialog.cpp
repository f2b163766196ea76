#include "ui/jobs/jobdialog.h"

#include "ui/common/preferences.h"
#include "ui/common/theme.h"
#include "ui/device/devicegate.h"
#include "ui/device/deviceeditwarning.h"
#include "ui/jobs/jobconfirmation.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <thread>
#include <utility>

namespace hexmap {

namespace {

// What the user typed in the last JobDialog of this process. GUI thread only, like the dialog.
struct RememberedInputs {
    bool valid = false;
    QString value;
    int format = 0;
    bool customRange = false;
    QString offset, length, chunk;
    int threads = 0;
    bool release = false;
    bool sync = false;
};

RememberedInputs &remembered()
{
    static RememberedInputs inputs;
    return inputs;
}

} // namespace

void JobDialog::updateErrorColor()
{
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, errorTextColor(palette()));
    m_error->setPalette(errorPalette);
}

void JobDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_error)
        updateErrorColor();
}

void JobDialog::forgetInputs() { remembered() = {}; }

JobDialog::JobDialog(JobOperation op, std::uint64_t fileSize, ByteRange selection, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Write job"));
    m_model.setFileSize(fileSize);
    m_model.setSelection(selection);
    auto *form = new QFormLayout;

    m_operation = new QComboBox(this);
    m_operation->addItem(tr("Fill with a byte"), int(JobOperation::Fill));
    m_operation->addItem(tr("Zero"), int(JobOperation::Zero));
    m_operation->addItem(tr("Repeat a pattern"), int(JobOperation::Pattern));
    m_operation->setCurrentIndex(std::max(0, m_operation->findData(int(op))));
    form->addRow(tr("&Operation:"), m_operation);

    auto *rangeBox = new QVBoxLayout;
    m_selection = new QRadioButton(tr("&Selection: %1").arg(JobDialogModel::rangeText(selection)), this);
    m_selection->setEnabled(!selection.isEmpty());
    m_whole = new QRadioButton(tr("&Whole file: %1").arg(JobDialogModel::rangeText({0, fileSize})), this);
    m_custom = new QRadioButton(tr("O&ffset and length:"), this);
    auto *group = new QButtonGroup(this);
    for (QRadioButton *b : {m_selection, m_whole, m_custom})
        group->addButton(b);
    (selection.isEmpty() ? m_whole : m_selection)->setChecked(true);
    m_offset = new QLineEdit(this);
    m_offset->setPlaceholderText(tr("0x1000, 4096, -4K (from the end)"));
    m_length = new QLineEdit(this);
    m_length->setPlaceholderText(tr("256 MiB, 0x100000, empty = to the end"));
    auto *custom = new QHBoxLayout;
    custom->addWidget(m_offset);
    custom->addWidget(m_length);
    rangeBox->addWidget(m_selection);
    rangeBox->addWidget(m_whole);
    rangeBox->addWidget(m_custom);
    rangeBox->addLayout(custom);
    form->addRow(tr("Range:"), rangeBox);

    auto *valueRow = new QHBoxLayout;
    m_value = new QLineEdit(this);
    m_format = new QComboBox(this);
    m_format->addItem(tr("Hex"), int(JobDialogModel::PatternFormat::Hex));
    m_format->addItem(tr("Text"), int(JobDialogModel::PatternFormat::Text));
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_format);
    m_valueLabel = new QLabel(this);
    form->addRow(m_valueLabel, valueRow);
    m_preview = new QLabel(this);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Writes:"), m_preview);

    m_threads = new QSpinBox(this);
    m_threads->setRange(1, 64);
    m_threads->setValue(int(std::clamp(std::thread::hardware_concurrency(), 1u, 8u)));
    form->addRow(tr("&Threads:"), m_threads);
    m_chunk = new QLineEdit(this);
    m_chunk->setPlaceholderText(tr("default: 8 MiB"));
    form->addRow(tr("&Chunk size:"), m_chunk);
    m_release = new QCheckBox(tr("&Release disk space (punch holes; reads back as zeros)"), this);
    form->addRow(QString(), m_release);
    m_syncDone = new QCheckBox(tr("S&ync when done (make the bytes durable)"), this);
    form->addRow(QString(), m_syncDone);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    updateErrorColor();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    for (QLineEdit *e : {m_offset, m_length, m_value, m_chunk})
        connect(e, &QLineEdit::textChanged, this, &JobDialog::sync);
    for (QComboBox *c : {m_operation, m_format})
        connect(c, &QComboBox::currentIndexChanged, this, &JobDialog::sync);
    for (QAbstractButton *b : std::initializer_list<QAbstractButton *>{m_selection, m_whole, m_custom, m_release,
                                                                       m_syncDone})
        connect(b, &QAbstractButton::toggled, this, &JobDialog::sync);
    connect(m_threads, &QSpinBox::valueChanged, this, &JobDialog::sync);

    const Preferences preferences; // the defaults chosen in Edit > Preferences (0 = the dialog's own)
    if (preferences.jobThreads() > 0)
        m_threads->setValue(preferences.jobThreads());
    if (preferences.jobChunkSize() > 0)
        m_chunk->setText(QString::number(preferences.jobChunkSize()));

    restoreInputs(!selection.isEmpty());

    const std::pair<QObject *, const char *> names[] = {
        {m_operation, ObjectName::operation}, {m_selection, ObjectName::selectionRange},
        {m_whole, ObjectName::wholeFile},     {m_custom, ObjectName::customRange},
        {m_offset, ObjectName::offset},       {m_length, ObjectName::length},
        {m_value, ObjectName::value},         {m_format, ObjectName::format},
        {m_preview, ObjectName::preview},     {m_threads, ObjectName::threads},
        {m_chunk, ObjectName::chunkSize},     {m_release, ObjectName::releaseSpace},
        {m_syncDone, ObjectName::syncWhenDone}, {m_summary, ObjectName::summary},
        {m_error, ObjectName::error},         {m_buttons, ObjectName::buttons},
    };
    for (const auto &[object, name] : names)
        object->setObjectName(QLatin1String(name));
    sync();
}

void JobDialog::restoreInputs(bool hasSelection)
{
    const RememberedInputs &r = remembered();
    if (!r.valid)
        return;
    m_value->setText(r.value);
    m_format->setCurrentIndex(std::clamp(r.format, 0, m_format->count() - 1));
    m_offset->setText(r.offset);
    m_length->setText(r.length);
    if (r.customRange && !hasSelection)
        m_custom->setChecked(true);
    m_threads->setValue(r.threads);
    m_chunk->setText(r.chunk);
    m_release->setChecked(r.release);
    m_syncDone->setChecked(r.sync);
}

void JobDialog::done(int result)
{
    RememberedInputs &r = remembered();
    r.valid = true;
    r.value = m_value->text();
    r.format = m_format->currentIndex();
    r.customRange = m_custom->isChecked();
    r.offset = m_offset->text();
    r.length = m_length->text();
    r.threads = m_threads->value();
    r.chunk = m_chunk->text();
    r.release = m_release->isChecked();
    r.sync = m_syncDone->isChecked();
    QDialog::done(result);
}

void JobDialog::setUnsavedEdits(std::vector<ByteRange> ranges)
{
    m_model.setUnsavedEdits(std::move(ranges));
    sync();
}

void JobDialog::setDevice(const BlockDeviceInfo &device)
{
    m_device = device;
    m_whole->setText(tr("&Whole device: %1").arg(JobDialogModel::rangeText({0, device.size})));
    m_release->setText(tr("&Discard (TRIM) instead of zeroing (reads back as zeros)"));
    m_release->setToolTip(tr("Tells the device the range is unused instead of using its zero-out command"));
    if (!device.supportsDiscard)
        m_release->setChecked(false);
    sync();
}

void JobDialog::setBusyRanges(std::vector<ByteRange> ranges)
{
    m_model.setBusyRanges(std::move(ranges));
    sync();
}

QPushButton *JobDialog::okButton() const { return m_buttons->button(QDialogButtonBox::Ok); }

void JobDialog::accept()
{
    sync();
    const auto spec = m_model.spec();
    if (!spec)
        return; // OK is disabled then; Enter in a field must not close the dialog either
    if (m_device) { // a device: always the device warning (its mount state), never only the plain question
        const bool zero = spec->operation == JobOperation::Zero;
        const QString note = zero ? devicegate::zeroNote(*m_device, spec->zeroMode == ZeroMode::ReleaseSpace) : QString();
        const QString question = JobConfirmation::question(*spec, QString::fromStdString(m_device->path));
        if (!DeviceEditWarning::ask(DeviceEditWarningModel(*m_device, question, note), this))
            return;
    } else if (Preferences().confirmJobs() && !JobConfirmation::ask(*spec, m_fileName, this)) {
        return;
    }
    QDialog::accept();
}

void JobDialog::sync()
{
    const auto op = JobOperation(m_operation->currentData().toInt());
    m_model.setOperation(op);
    m_model.setRangeSource(m_selection->isChecked() ? JobDialogModel::RangeSource::Selection
                           : m_whole->isChecked()   ? JobDialogModel::RangeSource::WholeFile
                                                    : JobDialogModel::RangeSource::Custom);
    m_offset->setEnabled(m_custom->isChecked());
    m_length->setEnabled(m_custom->isChecked());
    m_model.setOffsetText(m_offset->text());
    m_model.setLengthText(m_length->text());
    m_model.setByteText(m_value->text());
    m_model.setPattern(m_value->text(), JobDialogModel::PatternFormat(m_format->currentData().toInt()));
    m_model.setThreads(unsigned(m_threads->value()));
    m_model.setChunkSizeText(m_chunk->text());
    m_model.setReleaseSpace(m_release->isChecked());
    m_model.setSyncWhenDone(m_syncDone->isChecked());

    m_valueLabel->setText(op == JobOperation::Pattern ? tr("&Pattern:") : tr("&Byte:"));
    m_valueLabel->setBuddy(m_value);
    m_value->setVisible(op != JobOperation::Zero);
    m_valueLabel->setVisible(op != JobOperation::Zero);
    m_format->setVisible(op == JobOperation::Pattern);
    m_value->setPlaceholderText(op == JobOperation::Pattern ? tr("DE AD BE EF") : tr("0xFF, 255 or 0b11111111"));
    m_release->setVisible(op == JobOperation::Zero && (!m_device || m_device->supportsDiscard));
    setWindowTitle(tr("%1 Job").arg(JobDialogModel::operationName(op)));

    const QString error = m_model.errorText();
    const bool valid = m_model.spec().ok();
    m_preview->setText(m_model.preview(16));
    m_summary->setText(m_model.needsInput() ? m_model.hintText() : m_model.summary()); // a hint, not an error
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    okButton()->setEnabled(valid);
    okButton()->setText(valid ? tr("Overwrite") : tr("OK"));
}

} // namespace hexmap
