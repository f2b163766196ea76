#pragma once

#include <QWidget>

#include <cstdint>

class QLabel;
class QToolButton;

namespace hexmap {

class JobCenter;

// Status bar item: how many bytes jobs wrote that are not synced yet ("Unsynced: 1.50 GiB") and a Sync button,
// both shown only while there are such bytes; the button runs a Sync job over them (JobCenter::dirtyHull) and
// reports a failure through syncFailed(). When the kernel's figure is known (setKernelUnsynced: cachestat's dirty +
// writeback pages of the file, other programs' writes included) the label shows that instead, and its tooltip says
// "Unsynced (kernel)" rather than "Unsynced (Hexmap)". Thread: GUI thread only.
class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobStatusWidget(JobCenter *center, QWidget *parent = nullptr);
    // Follows another center (the current tab's document); null shows nothing.
    void setCenter(JobCenter *center);

    QLabel *label() const { return m_label; }
    QToolButton *syncButton() const { return m_sync; }
    static QString dirtyText(std::uint64_t bytes); // "Unsynced: 1.50 GiB"

    void syncNow();
    // The kernel's dirty + writeback bytes of the file (known), or back to Hexmap's own count (!known).
    void setKernelUnsynced(bool known, quint64 bytes);
    bool showsKernelFigure() const { return m_kernelKnown; }

signals:
    void syncFailed(const QString &message);

private:
    void setDirty(std::uint64_t bytes);
    void updateLabel();

    JobCenter *m_center = nullptr;
    QMetaObject::Connection m_connection;
    QLabel *m_label;
    QToolButton *m_sync;
    std::uint64_t m_hexmapDirty = 0;
    std::uint64_t m_kernelBytes = 0;
    bool m_kernelKnown = false;
};

} // namespace hexmap
