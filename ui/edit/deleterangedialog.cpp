#include "ui/edit/deleterangedialog.h"

#include "core/numberparser.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hexmap {

DeleteRangeDialog::DeleteRangeDialog(const DeleteRangeModel &model, QWidget *parent)
    : QDialog(parent), m_model(model), m_offset(new QLineEdit(model.offsetText(), this)),
      m_length(new QLineEdit(model.lengthText(), this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("deleteRangeDialog"));
    setWindowTitle(tr("Delete Range"));
    m_offset->setObjectName(QStringLiteral("deleteOffset"));
    m_length->setObjectName(QStringLiteral("deleteLength"));
    m_length->setPlaceholderText(QStringLiteral("16, 0x1000, 4K"));
    m_error->setObjectName(QStringLiteral("deleteError"));
    m_error->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Delete…"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Offset (file size: %1):").arg(QString::fromStdString(formatSize(model.fileSize()))), m_offset);
    form->addRow(tr("&Length:"), m_length);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_offset, &QLineEdit::textChanged, this, &DeleteRangeDialog::update);
    connect(m_length, &QLineEdit::textChanged, this, &DeleteRangeDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
    m_length->setFocus();
}

void DeleteRangeDialog::update()
{
    m_model.setOffsetText(m_offset->text());
    m_model.setLengthText(m_length->text());
    const QString error = m_model.errorText();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

} // namespace hexmap
