#pragma once

#include "core/mappedfile.h"
#include "ui/pane/windowfeature.h"

#include <QString>

#include <functional>

class QAction;

namespace hexmap {

class OpenDeviceDialog;

// DeviceSupport: File > Open Device… ("openDeviceAction", no shortcut): the OpenDeviceDialog lists the block
// devices; the chosen one opens read-only (MappedFile::openReadOnly, as File > Open does) and is handed to the
// window through deviceOpened(), which shows it in a tab as File > Open would. An open that fails (a permission
// failure: "needs root or membership of the 'disk' group", a vanished device) is reported with the engine's
// message, which names the device. Owned by the window (QObject parent). Thread: GUI thread only.
class DeviceSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit DeviceSupport(QWidget *window);

    QList<FeatureAction> featureActions() const override;
    void setCurrent(Document *, DocumentPane *) override {}

    // Shows the dialog and opens the chosen device.
    void chooseDevice();
    // Opens `path` read-only: deviceOpened() on success, the error reported (false) otherwise.
    bool openDevice(const QString &path);

    // Receives the message of a device that cannot be opened (default: a message box "cannotOpenDevice").
    using ErrorReporter = std::function<void(const QString &message)>;
    void setErrorReporter(ErrorReporter reporter) { m_reporter = std::move(reporter); }
    // Test hook replacing QDialog::exec(): return true to open the dialog's selected device.
    using DialogRunner = std::function<bool(OpenDeviceDialog &)>;
    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }

    QAction *openDeviceAction;

signals:
    void deviceOpened(const hexmap::MappedFile &file);

private:
    void report(const QString &path, const QString &message);

    QWidget *m_window;
    ErrorReporter m_reporter;
    DialogRunner m_runner;
};

} // namespace hexmap
