#include "ui/view/gotodialog.h"

#include "ui/common/theme.h"
#include "ui/view/gotoexpression.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hexmap {

GotoDialog::GotoDialog(std::uint64_t cursor, std::uint64_t fileSize, QWidget *parent)
    : QDialog(parent), m_cursor(cursor), m_fileSize(fileSize), m_edit(new QLineEdit(this)),
      m_message(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Go to Offset"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Offset (decimal, 0x hex, +/- from the cursor, end-N from the end):"), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_edit->setObjectName(QStringLiteral("gotoEdit"));
    m_edit->setPlaceholderText(gotoExpressionPlaceholder());
    m_edit->setClearButtonEnabled(true);
    layout->addWidget(m_edit);
    m_message->setObjectName(QStringLiteral("gotoMessage"));
    m_message->setWordWrap(true);
    applyErrorColour();
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &GotoDialog::validate);
    validate();
    setMinimumWidth(380);
}

void GotoDialog::setText(const QString &text)
{
    m_edit->setText(text);
    m_edit->selectAll();
}

QString GotoDialog::text() const
{
    return m_edit->text();
}

QString GotoDialog::errorText() const
{
    return m_message->text();
}

void GotoDialog::validate()
{
    const GotoTarget target = parseGotoExpression(m_edit->text(), m_cursor, m_fileSize);
    m_valid = target.isValid();
    m_target = target.offset.value_or(0);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    const bool flagged = !m_valid && !target.error.isEmpty();
    m_message->setText(flagged ? target.error : QString());
    m_edit->setStyleSheet(flagged ? QStringLiteral("QLineEdit { border: 2px solid %1; border-radius: 3px; }")
                                        .arg(errorTextColor(palette()).name())
                                  : QString());
    m_edit->setProperty("invalid", flagged);
}

void GotoDialog::applyErrorColour()
{
    // The error line keeps a readable contrast on the current theme's window colour (ui/common/theme.h).
    QPalette errorPalette = m_message->palette();
    errorPalette.setColor(QPalette::WindowText, errorTextColor(palette()));
    m_message->setPalette(errorPalette);
}

void GotoDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_message)
        applyErrorColour();
}

} // namespace hexmap
