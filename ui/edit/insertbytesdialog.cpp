#include "ui/edit/insertbytesdialog.h"

#include "core/numberparser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hexmap {
namespace {

QLineEdit *lineEdit(const QString &text, const char *name, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(QString::fromLatin1(name));
    return edit;
}

} // namespace

InsertBytesDialog::InsertBytesDialog(const InsertBytesModel &model, QWidget *parent)
    : QDialog(parent), m_model(model), m_offset(lineEdit(model.offsetText(), "insertOffset", this)),
      m_source(new QComboBox(this)), m_hex(lineEdit(model.hexText(), "insertHex", this)),
      m_fillByte(lineEdit(model.fillByteText(), "insertFillByte", this)),
      m_pattern(lineEdit(model.patternText(), "insertPattern", this)),
      m_count(lineEdit(model.countText(), "insertCount", this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("insertBytesDialog"));
    setWindowTitle(tr("Insert Bytes"));
    m_source->setObjectName(QStringLiteral("insertSource"));
    m_source->addItem(tr("Hex bytes"), int(InsertBytesModel::Source::Hex));
    m_source->addItem(tr("Fill byte × count"), int(InsertBytesModel::Source::FillByte));
    m_source->addItem(tr("Hex pattern × count"), int(InsertBytesModel::Source::Pattern));
    m_source->setCurrentIndex(m_source->findData(int(model.source())));
    m_hex->setPlaceholderText(QStringLiteral("DE AD BE EF"));
    m_pattern->setPlaceholderText(QStringLiteral("DE AD BE EF"));
    m_count->setPlaceholderText(QStringLiteral("16, 0x1000, 16M"));
    m_error->setObjectName(QStringLiteral("insertError"));
    m_error->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Insert…"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Offset (file size: %1):").arg(QString::fromStdString(formatSize(model.fileSize()))), m_offset);
    form->addRow(tr("&Insert:"), m_source);
    form->addRow(tr("&Hex bytes:"), m_hex);
    form->addRow(tr("Fill &byte:"), m_fillByte);
    form->addRow(tr("&Pattern:"), m_pattern);
    form->addRow(tr("&Count:"), m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_offset, m_hex, m_fillByte, m_pattern, m_count})
        connect(edit, &QLineEdit::textChanged, this, &InsertBytesDialog::update);
    connect(m_source, &QComboBox::currentIndexChanged, this, &InsertBytesDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
    (m_model.source() == InsertBytesModel::Source::Hex ? m_hex : m_count)->setFocus();
}

void InsertBytesDialog::update()
{
    m_model.setOffsetText(m_offset->text());
    m_model.setSource(InsertBytesModel::Source(m_source->currentData().toInt()));
    m_model.setHexText(m_hex->text());
    m_model.setFillByteText(m_fillByte->text());
    m_model.setPatternText(m_pattern->text());
    m_model.setCountText(m_count->text());
    const auto source = m_model.source();
    auto *form = static_cast<QFormLayout *>(static_cast<QVBoxLayout *>(layout())->itemAt(0)->layout());
    form->setRowVisible(m_hex, source == InsertBytesModel::Source::Hex);
    form->setRowVisible(m_fillByte, source == InsertBytesModel::Source::FillByte);
    form->setRowVisible(m_pattern, source == InsertBytesModel::Source::Pattern);
    form->setRowVisible(m_count, source != InsertBytesModel::Source::Hex);
    const QString error = m_model.errorText();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

} // namespace hexmap
