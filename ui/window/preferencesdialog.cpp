#include "ui/window/preferencesdialog.h"

#include "ui/common/preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hexmap {

namespace {

void selectData(QComboBox *box, const QVariant &value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

PreferencesDialog::PreferencesDialog(Preferences *preferences, QWidget *parent)
    : QDialog(parent), m_preferences(preferences)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));

    m_bytesPerRow = new QComboBox(this);
    for (int v : {8, 16, 32, 64})
        m_bytesPerRow->addItem(QString::number(v), v);
    m_bytesPerRow->addItem(tr("Fit to width"), 0);
    m_groupSize = new QComboBox(this);
    m_groupSize->addItem(tr("1 byte"), 1);
    for (int v : {2, 4, 8})
        m_groupSize->addItem(tr("%1 bytes").arg(v), v);
    m_font = new QFontComboBox(this);
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    m_fontSize = new QSpinBox(this);
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(m_fontSize);
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Follow the system"), static_cast<int>(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(Preferences::Theme::Dark));

    auto *view = new QGroupBox(tr("Hex view"), this);
    auto *viewForm = new QFormLayout(view);
    viewForm->addRow(tr("&Bytes per row:"), m_bytesPerRow);
    viewForm->addRow(tr("&Grouping:"), m_groupSize);
    // A layout as the field gets a plain QLabel without a buddy, which would show "&Font:" literally.
    auto *fontLabel = new QLabel(tr("&Font:"), this);
    fontLabel->setBuddy(m_font);
    viewForm->addRow(fontLabel, fontRow);
    viewForm->addRow(tr("Colour &theme:"), m_theme);

    m_threads = new QSpinBox(this);
    m_threads->setRange(0, Preferences::MaxJobThreads);
    m_threads->setSpecialValueText(tr("Automatic"));
    m_chunk = new QComboBox(this);
    m_chunk->addItem(tr("The operation's default"), QVariant::fromValue<qulonglong>(0));
    for (qulonglong mib : {1ULL, 4ULL, 8ULL, 16ULL, 64ULL, 256ULL, 1024ULL})
        m_chunk->addItem(tr("%1 MiB").arg(mib), QVariant::fromValue<qulonglong>(mib * 1024 * 1024));
    m_confirm = new QCheckBox(tr("&Ask for confirmation before a job writes"), this);

    auto *jobs = new QGroupBox(tr("Jobs"), this);
    auto *jobsForm = new QFormLayout(jobs);
    jobsForm->addRow(tr("Default &threads:"), m_threads);
    jobsForm->addRow(tr("Default &chunk size:"), m_chunk);
    jobsForm->addRow(m_confirm);

    m_restore = new QCheckBox(tr("&Reopen the files that were open when Hexmap was last closed"), this);
    m_restore->setObjectName(QStringLiteral("restoreSession"));
    auto *startup = new QGroupBox(tr("Start-up"), this);
    auto *startupLayout = new QVBoxLayout(startup);
    startupLayout->addWidget(m_restore);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view);
    layout->addWidget(jobs);
    layout->addWidget(startup);
    layout->addWidget(buttons);
    // Tab order follows the form, top to bottom.
    setTabOrder(m_bytesPerRow, m_groupSize);
    setTabOrder(m_groupSize, m_font);
    setTabOrder(m_font, m_fontSize);
    setTabOrder(m_fontSize, m_theme);
    setTabOrder(m_theme, m_threads);
    setTabOrder(m_threads, m_chunk);
    setTabOrder(m_chunk, m_confirm);
    setTabOrder(m_confirm, m_restore);
    setTabOrder(m_restore, buttons->button(QDialogButtonBox::Close));

    reload();

    auto guarded = [this](auto apply) {
        return [this, apply](auto &&...) {
            if (!m_loading)
                apply();
        };
    };
    connect(m_bytesPerRow, &QComboBox::currentIndexChanged, this,
            guarded([this] { m_preferences->setBytesPerRow(m_bytesPerRow->currentData().toInt()); }));
    connect(m_groupSize, &QComboBox::currentIndexChanged, this,
            guarded([this] { m_preferences->setGroupSize(m_groupSize->currentData().toInt()); }));
    connect(m_font, &QFontComboBox::currentFontChanged, this, guarded([this] { applyFont(); }));
    connect(m_fontSize, &QSpinBox::valueChanged, this, guarded([this] { applyFont(); }));
    connect(m_theme, &QComboBox::currentIndexChanged, this, guarded([this] {
                m_preferences->setTheme(static_cast<Preferences::Theme>(m_theme->currentData().toInt()));
            }));
    connect(m_threads, &QSpinBox::valueChanged, this,
            guarded([this] { m_preferences->setJobThreads(m_threads->value()); }));
    connect(m_chunk, &QComboBox::currentIndexChanged, this,
            guarded([this] { m_preferences->setJobChunkSize(m_chunk->currentData().toULongLong()); }));
    connect(m_confirm, &QCheckBox::toggled, this,
            guarded([this] { m_preferences->setConfirmJobs(m_confirm->isChecked()); }));
    connect(m_restore, &QCheckBox::toggled, this,
            guarded([this] { m_preferences->setRestoreSession(m_restore->isChecked()); }));
}

void PreferencesDialog::reload()
{
    m_loading = true;
    selectData(m_bytesPerRow, m_preferences->bytesPerRow());
    selectData(m_groupSize, m_preferences->groupSize());
    const QFont font = m_preferences->font();
    m_font->setCurrentFont(font);
    m_fontSize->setValue(font.pointSize() > 0 ? font.pointSize() : 10);
    selectData(m_theme, static_cast<int>(m_preferences->theme()));
    m_threads->setValue(m_preferences->jobThreads());
    selectData(m_chunk, QVariant::fromValue<qulonglong>(m_preferences->jobChunkSize()));
    m_confirm->setChecked(m_preferences->confirmJobs());
    m_restore->setChecked(m_preferences->restoreSession());
    m_loading = false;
}

void PreferencesDialog::applyFont()
{
    QFont font = m_font->currentFont();
    font.setPointSize(m_fontSize->value());
    m_preferences->setFont(font);
}

} // namespace hexmap
