#include "ui/device/deviceeditwarning.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace hexmap {
namespace {

QLabel *textLabel(const QString &text, QWidget *parent, const char *name)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText); // device names and mount points are never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DeviceEditWarning::DeviceEditWarning(DeviceEditWarningModel model, QWidget *parent)
    : QDialog(parent), m_model(std::move(model))
{
    setObjectName(QStringLiteral("deviceEditWarning"));
    setWindowTitle(m_model.title());
    auto *icon = new QLabel(this);
    const int side = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(side, side));
    icon->setAlignment(Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    QLabel *headline = textLabel(m_model.headline(), this, "deviceEditHeadline");
    QFont bold = headline->font();
    bold.setBold(true);
    headline->setFont(bold);
    texts->addWidget(headline);
    QLabel *device = textLabel(m_model.deviceText(), this, "deviceEditDevice");
    texts->addWidget(device);
    texts->addWidget(textLabel(m_model.usageText(), this, "deviceEditUsage"));
    if (!m_model.note().isEmpty())
        texts->addWidget(textLabel(m_model.note(), this, "deviceEditNote"));
    texts->addWidget(textLabel(m_model.consequenceText(), this, "deviceEditConsequence"));
    if (m_model.isInUse()) {
        m_insist = new QCheckBox(m_model.insistText(), this);
        m_insist->setObjectName(QStringLiteral("deviceEditInsist"));
        connect(m_insist, &QCheckBox::toggled, this, [this](bool on) {
            m_model.setInsisted(on);
            sync();
        });
        texts->addWidget(m_insist);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(m_model.acceptText(), QDialogButtonBox::AcceptRole);
    m_accept->setObjectName(QStringLiteral("deviceEditAccept"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("deviceEditCancel"));
    m_accept->setAutoDefault(false);
    m_cancel->setDefault(true); // Enter does not write to a disk
    if (m_model.isDestructive()) {
        // Red, whatever the theme: a button that can destroy a mounted file system.
        m_accept->setStyleSheet(QStringLiteral("QPushButton { background-color: #c62828; color: white; "
                                               "border: 1px solid #8e0000; border-radius: 3px; padding: 4px 12px; }"
                                               "QPushButton:disabled { background-color: #e0a0a0; color: #f5f5f5; }"));
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &DeviceEditWarning::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(texts, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    sync();
}

void DeviceEditWarning::sync()
{
    m_accept->setEnabled(m_model.isAllowed());
}

void DeviceEditWarning::accept()
{
    if (!m_model.isAllowed())
        return;
    QDialog::accept();
}

bool DeviceEditWarning::ask(DeviceEditWarningModel model, QWidget *parent)
{
    const QPointer<DeviceEditWarning> dialog = new DeviceEditWarning(std::move(model), parent);
    const bool accepted = dialog->exec() == QDialog::Accepted;
    if (!dialog)
        return false; // the parent went away meanwhile, and the dialog with it
    delete dialog.data();
    return accepted;
}

} // namespace hexmap
