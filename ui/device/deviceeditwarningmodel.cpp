#include "ui/device/deviceeditwarningmodel.h"

#include "core/numberparser.h"

#include <QLocale>

namespace hexmap {
namespace {

QString path(const BlockDeviceInfo &device) { return QString::fromStdString(device.path); }

QString exactSize(std::uint64_t bytes)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return DeviceEditWarningModel::tr("%1 (%2 bytes)")
        .arg(QString::fromStdString(formatSize(bytes)), c.toString(static_cast<qulonglong>(bytes)));
}

} // namespace

DeviceEditWarningModel::DeviceEditWarningModel(BlockDeviceInfo device) : m_device(std::move(device))
{
    // In words: "mounted at /mnt/data (sda2)", "held by dm-0"; anything else mountsAndHolders() reports as it is.
    const auto describeUses = [this](const BlockDeviceInfo &d, const QString &partition) {
        for (const std::string &point : d.mountPoints)
            m_uses << (partition.isEmpty() ? tr("mounted at %1").arg(QString::fromStdString(point))
                                           : tr("mounted at %1 (%2)").arg(QString::fromStdString(point), partition));
        for (const std::string &holder : d.holders)
            m_uses << (partition.isEmpty() ? tr("held by %1").arg(QString::fromStdString(holder))
                                           : tr("held by %1 (%2)").arg(QString::fromStdString(holder), partition));
    };
    describeUses(m_device, {});
    for (const BlockDeviceInfo &part : m_device.partitions)
        describeUses(part, QString::fromStdString(part.name));
    if (m_uses.isEmpty())
        for (const std::string &use : mountsAndHolders(m_device))
            m_uses << QString::fromStdString(use);
}

DeviceEditWarningModel::DeviceEditWarningModel(BlockDeviceInfo device, const QString &question, const QString &note)
    : DeviceEditWarningModel(std::move(device))
{
    m_purpose = Purpose::Job;
    m_question = question;
    m_note = note;
}

DeviceEditWarningModel::Step DeviceEditWarningModel::step() const
{
    if (!isInUse())
        return Step::Confirm;
    return m_insisted ? Step::Insisted : Step::Refused;
}

QString DeviceEditWarningModel::title() const
{
    if (isInUse())
        return tr("Device in Use");
    return m_purpose == Purpose::Job ? tr("Write to a Device?") : tr("Enable Editing of a Device?");
}

QString DeviceEditWarningModel::headline() const
{
    if (m_purpose == Purpose::Job)
        return m_question;
    return tr("Enable editing of the block device %1?").arg(path(m_device));
}

QString DeviceEditWarningModel::describe(const BlockDeviceInfo &device)
{
    const QString size = QString::fromStdString(formatSize(device.size));
    if (device.model.empty())
        return tr("%1 (%2)").arg(path(device), size);
    return tr("%1 (%2, %3)").arg(path(device), QString::fromStdString(device.model), size);
}

QString DeviceEditWarningModel::deviceText() const
{
    const QString model = m_device.model.empty() ? tr("unknown") : QString::fromStdString(m_device.model);
    QString text = tr("Device: %1").arg(path(m_device)) + QLatin1Char('\n') + tr("Model: %1").arg(model)
        + QLatin1Char('\n') + tr("Size: %1").arg(exactSize(m_device.size));
    if (m_device.logicalSectorSize > 1)
        text += QLatin1Char('\n')
            + tr("Sectors: %1 bytes logical, %2 bytes physical")
                  .arg(m_device.logicalSectorSize)
                  .arg(m_device.physicalSectorSize);
    return text;
}

QString DeviceEditWarningModel::usageText() const
{
    if (!isInUse())
        return m_device.partitions.empty()
            ? tr("%1 is not mounted and not held by another device.").arg(path(m_device))
            : tr("Neither %1 nor any of its partitions is mounted or held by another device.").arg(path(m_device));
    return tr("%1 is in use: %2.").arg(path(m_device), m_uses.join(QStringLiteral(", ")));
}

QString DeviceEditWarningModel::consequenceText() const
{
    if (isInUse())
        return tr("Writing to a device that is mounted or in use can destroy its file system and the data of the "
                  "programs using it. Unmount it first. Hexmap refuses unless you confirm below.");
    if (m_purpose == Purpose::Job)
        return tr("The job writes straight to the device and cannot be undone.");
    return tr("Saved edits and jobs write straight to the device. A wrong byte can make the disk or its file "
              "systems unreadable.");
}

QString DeviceEditWarningModel::insistText() const
{
    return tr("I understand that writing to a mounted device can destroy the file system");
}

QString DeviceEditWarningModel::acceptText() const
{
    if (m_purpose == Purpose::Job)
        return isInUse() ? tr("Overwrite &Anyway") : tr("&Overwrite");
    return isInUse() ? tr("Edit &Anyway") : tr("&Enable Editing");
}

} // namespace hexmap
