#include "ui/jobs/jobstatuswidget.h"

#include "core/numberparser.h"
#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace hexmap {

JobStatusWidget::JobStatusWidget(JobCenter *center, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_sync = new QToolButton(this);
    m_sync->setText(tr("Sync"));
    m_sync->setToolTip(tr("Make the bytes jobs wrote durable (a Sync job with progress)"));
    layout->addWidget(m_label);
    layout->addWidget(m_sync);
    connect(m_sync, &QToolButton::clicked, this, &JobStatusWidget::syncNow);
    setCenter(center);
}

void JobStatusWidget::setCenter(JobCenter *center)
{
    disconnect(m_connection);
    m_center = center;
    if (center)
        m_connection = connect(center, &JobCenter::dirtyChanged, this, &JobStatusWidget::setDirty);
    setDirty(center ? center->dirtyBytes() : 0);
}

QString JobStatusWidget::dirtyText(std::uint64_t bytes)
{
    return tr("Unsynced: %1").arg(QString::fromStdString(formatSize(bytes)));
}

void JobStatusWidget::syncNow()
{
    if (!m_center)
        return;
    const ByteRange hull = m_center->dirtyHull();
    if (hull.isEmpty())
        return;
    auto job = m_center->startSync(hull, 1);
    if (!job)
        emit syncFailed(job.code() == make_error_code(Errc::RangeBusy)
                            ? tr("Cannot sync yet: a running job overlaps the unsynced bytes.")
                            : tr("Cannot sync: %1").arg(QString::fromStdString(job.message())));
}

void JobStatusWidget::setDirty(std::uint64_t bytes)
{
    m_hexmapDirty = bytes;
    updateLabel();
}

void JobStatusWidget::setKernelUnsynced(bool known, quint64 bytes)
{
    m_kernelKnown = known;
    m_kernelBytes = known ? bytes : 0;
    updateLabel();
}

void JobStatusWidget::updateLabel()
{
    const std::uint64_t shown = m_kernelKnown ? m_kernelBytes : m_hexmapDirty;
    m_label->setText(dirtyText(shown));
    m_label->setToolTip(
        m_kernelKnown
            ? tr("Unsynced (kernel): the file's dirty and under-writeback pages in the page cache, as the kernel "
                 "reports them (other programs' writes included). Hexmap's jobs wrote %1 not synced yet.")
                  .arg(QString::fromStdString(formatSize(m_hexmapDirty)))
            : tr("Unsynced (Hexmap): bytes written by jobs that are only in the page cache: a crash or power loss "
                 "can lose them until they are synced"));
    m_label->setVisible(shown > 0);
    m_sync->setVisible(m_hexmapDirty > 0); // it syncs what the jobs wrote
}

} // namespace hexmap
