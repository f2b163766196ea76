#pragma once

#include "ui/device/devicelistmodel.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace hexmap {

// File > Open Device…: the block devices that hold bytes (DeviceListModel in a tree view "deviceList": disks with
// their partitions indented; unattached loop devices of size 0 are left out), a state line ("deviceListState": "No block devices found" or why the list failed) shown
// instead of an empty list, Refresh, and Open ("deviceOpen", enabled with a row selected; a double click opens too).
// The device opens read-only; the line under the list says so and that opening usually needs root or the 'disk'
// group. It only lists and chooses: DeviceSupport opens. Thread: GUI thread only.
class OpenDeviceDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenDeviceDialog(QWidget *parent = nullptr);

    // Lists the devices again (listBlockDevices()).
    void refresh();
    DeviceListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    // The chosen device's path (the selected row), empty when none.
    QString selectedPath() const;
    void selectPath(const QString &path);

private:
    void sync();

    DeviceListModel *m_model;
    QTreeView *m_view;
    QLabel *m_state;
    QDialogButtonBox *m_buttons;
    QPushButton *m_open;
};

} // namespace hexmap
