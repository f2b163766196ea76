#include "ui/pane/filechangebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace hexmap {

FileChangeBanner::FileChangeBanner(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_reload(new QPushButton(tr("&Reload"), this)),
      m_close(new QPushButton(tr("Close File"), this)), m_dismiss(new QPushButton(tr("&Dismiss"), this))
{
    setObjectName(QStringLiteral("fileChangeBanner"));
    m_label->setObjectName(QStringLiteral("fileChangeMessage"));
    m_reload->setObjectName(QStringLiteral("fileChangeReload"));
    m_close->setObjectName(QStringLiteral("fileChangeClose"));
    m_dismiss->setObjectName(QStringLiteral("fileChangeDismiss"));
    m_dismiss->hide();
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
    layout->addWidget(m_dismiss);
    connect(m_reload, &QPushButton::clicked, this, &FileChangeBanner::reloadRequested);
    connect(m_close, &QPushButton::clicked, this, &FileChangeBanner::closeRequested);
    connect(m_dismiss, &QPushButton::clicked, this, &FileChangeBanner::dismissRequested);
}

void FileChangeBanner::setMessage(const QString &text, const QString &toolTip)
{
    setText(text, toolTip, false);
}

void FileChangeBanner::setNotice(const QString &text, const QString &toolTip)
{
    setText(text, toolTip, true);
}

bool FileChangeBanner::isNotice() const
{
    return !m_dismiss->isHidden();
}

void FileChangeBanner::setText(const QString &text, const QString &toolTip, bool notice)
{
    m_label->setText(text);
    m_label->setToolTip(toolTip);
    m_reload->setHidden(notice);
    m_close->setHidden(notice);
    m_dismiss->setHidden(!notice);
}

QString FileChangeBanner::message() const
{
    return m_label->text();
}

} // namespace hexmap
