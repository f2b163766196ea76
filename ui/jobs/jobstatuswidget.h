#pragma once

#include <QWidget>

#include <cstdint>

class QLabel;
class QToolButton;

namespace hexmap {

class JobCenter;

// Status bar item: how many bytes jobs wrote that are not synced yet ("Unsynced: 1.50 GiB") and a Sync button,
// both shown only while there are such bytes; the button runs a Sync job over them (JobCenter::dirtyHull) and
// reports a failure through syncFailed(). Thread: GUI thread only.
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

signals:
    void syncFailed(const QString &message);

private:
    void setDirty(std::uint64_t bytes);

    JobCenter *m_center = nullptr;
    QMetaObject::Connection m_connection;
    QLabel *m_label;
    QToolButton *m_sync;
};

} // namespace hexmap
