#pragma once

#include "ui/device/deviceeditwarningmodel.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace hexmap {

// DeviceEditWarning: the thin dialog over DeviceEditWarningModel (object name "deviceEditWarning"): a warning
// icon, the headline, the device (path, model, size), whether it is mounted or held, what writing does, the
// model's note, and for a device in use the check box of the second step ("deviceEditInsist"), which alone
// enables the red accept button ("deviceEditAccept"). Cancel ("deviceEditCancel") is the default and Escape
// button. Thread: GUI thread only.
class DeviceEditWarning : public QDialog {
    Q_OBJECT
public:
    explicit DeviceEditWarning(DeviceEditWarningModel model, QWidget *parent = nullptr);

    const DeviceEditWarningModel &model() const { return m_model; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *cancelButton() const { return m_cancel; }
    QCheckBox *insistBox() const { return m_insist; } // null for a device not in use

    // Shows the warning modally; true when the user accepted (and, for a device in use, insisted).
    static bool ask(DeviceEditWarningModel model, QWidget *parent);

public slots:
    void accept() override; // refused while the model does not allow it

private:
    void sync();

    DeviceEditWarningModel m_model;
    QCheckBox *m_insist = nullptr;
    QPushButton *m_accept;
    QPushButton *m_cancel;
};

} // namespace hexmap
