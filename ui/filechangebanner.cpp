#include "ui/filechangebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace hexmap {

FileChangeBanner::FileChangeBanner(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_reload(new QPushButton(tr("&Reload"), this)),
      m_close(new QPushButton(tr("Close File"), this))
{
    setObjectName(QStringLiteral("fileChangeBanner"));
    m_label->setObjectName(QStringLiteral("fileChangeMessage"));
    m_reload->setObjectName(QStringLiteral("fileChangeReload"));
    m_close->setObjectName(QStringLiteral("fileChangeClose"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(255, 236, 179)); // a pale amber: a warning, not an error
    p.setColor(QPalette::WindowText, Qt::black);
    setPalette(p);
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_reload);
    layout->addWidget(m_close);
    connect(m_reload, &QPushButton::clicked, this, &FileChangeBanner::reloadRequested);
    connect(m_close, &QPushButton::clicked, this, &FileChangeBanner::closeRequested);
}

void FileChangeBanner::setMessage(const QString &text, const QString &toolTip)
{
    m_label->setText(text);
    m_label->setToolTip(toolTip);
}

QString FileChangeBanner::message() const
{
    return m_label->text();
}

} // namespace hexmap
