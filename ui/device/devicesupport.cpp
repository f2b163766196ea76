#include "ui/device/devicesupport.h"

#include "ui/device/opendevicedialog.h"

#include <QAction>
#include <QMessageBox>

namespace hexmap {

DeviceSupport::DeviceSupport(QWidget *window) : WindowFeature(window), m_window(window)
{
    openDeviceAction = new QAction(tr("Open &Device…"), this);
    openDeviceAction->setObjectName(QStringLiteral("openDeviceAction"));
    openDeviceAction->setStatusTip(tr("Open a disk, a partition or a loop device read-only"));
    connect(openDeviceAction, &QAction::triggered, this, &DeviceSupport::chooseDevice);
}

QList<FeatureAction> DeviceSupport::featureActions() const
{
    using P = ActionPlace;
    return {{openDeviceAction, {P::Menu::File, P::FileOpen, 0}}}; // right after Open…
}

void DeviceSupport::chooseDevice()
{
    OpenDeviceDialog dialog(m_window);
    const bool accepted = m_runner ? m_runner(dialog) : dialog.exec() == QDialog::Accepted;
    const QString path = dialog.selectedPath();
    if (accepted && !path.isEmpty())
        openDevice(path);
}

bool DeviceSupport::openDevice(const QString &path)
{
    auto file = MappedFile::openReadOnly(path.toStdString());
    if (!file) {
        report(path, QString::fromStdString(file.message()));
        return false;
    }
    emit deviceOpened(*file);
    return true;
}

void DeviceSupport::report(const QString &path, const QString &message)
{
    if (m_reporter)
        return m_reporter(message);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Device"),
                                tr("%1 cannot be opened.").arg(path), QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("cannotOpenDevice"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(message); // names the device and says why (root or the 'disk' group...)
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace hexmap
