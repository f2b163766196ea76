#include "ui/device/devicegate.h"

#include "ui/device/deviceeditwarning.h"

#include <QCoreApplication>

namespace hexmap::devicegate {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("hexmap::devicegate", text); }

} // namespace

BlockDeviceInfo describe(const MappedFile &file)
{
    if (auto info = describeBlockDevice(file.path()))
        return std::move(*info);
    BlockDeviceInfo info;
    info.path = file.path();
    const auto slash = info.path.rfind('/');
    info.name = slash == std::string::npos ? info.path : info.path.substr(slash + 1);
    info.size = file.size();
    info.logicalSectorSize = std::uint32_t(file.logicalSectorSize());
    info.physicalSectorSize = std::uint32_t(file.physicalSectorSize());
    return info;
}

bool confirmEditing(const MappedFile &file, QWidget *parent)
{
    return DeviceEditWarning::ask(DeviceEditWarningModel(describe(file)), parent);
}

QString zeroNote(const BlockDeviceInfo &device, bool discard)
{
    const QString path = QString::fromStdString(device.path);
    if (discard)
        return tr("Discard (TRIM): %1 is told that the range is unused and reads it back as zeros; nothing is "
                  "written through the page cache.")
            .arg(path);
    return tr("Zero uses the device's own zero-out command (BLKZEROOUT) on %1 instead of writing zeros.").arg(path);
}

QString cannotResizeText(const QString &path)
{
    return tr("%1 is a block device: it cannot change size, so bytes cannot be inserted or deleted. Overwrite "
              "them instead.")
        .arg(path);
}

} // namespace hexmap::devicegate
