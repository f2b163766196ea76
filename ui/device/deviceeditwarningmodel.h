#pragma once

#include "core/blockdevice.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hexmap {

// DeviceEditWarningModel: what the warning before writing to a block device says and allows, without a widget
// (DeviceEditWarning is the thin dialog over it). It is asked before Enable Editing reopens a device read-write
// and before a Fill / Zero / Pattern job writes to one. The texts name the device path, its model and size, and
// whether it or any of its partitions is mounted or held by another device (mountsAndHolders, read when the
// warning is built). The steps:
// - not in use: Confirm, allowed; the accept button says "Enable Editing" (a job: "Overwrite"); Cancel is the
//   default button all the same;
// - in use: Refused until the user ticks "I understand that writing to a mounted device can destroy the file
//   system" (setInsisted(true)); then Insisted, allowed, and the accept button ("Edit Anyway" / "Overwrite
//   Anyway") is shown as destructive (red).
// Plain value (no QObject); any thread, GUI thread in practice (texts are translated).
class DeviceEditWarningModel {
    Q_DECLARE_TR_FUNCTIONS(hexmap::DeviceEditWarningModel)
public:
    enum class Purpose { EnableEditing, Job };
    enum class Step { Confirm, Refused, Insisted };

    // Enable Editing on `device`.
    explicit DeviceEditWarningModel(BlockDeviceInfo device);
    // A job on `device`: `question` is the job's own question ("Zero 64.00 MiB (0x0 – 0x3FFFFFF) of …?"), `note`
    // an optional line about how it writes (the zero-out command, a discard).
    DeviceEditWarningModel(BlockDeviceInfo device, const QString &question, const QString &note = {});

    const BlockDeviceInfo &device() const { return m_device; }
    Purpose purpose() const { return m_purpose; }
    bool isInUse() const { return !m_uses.isEmpty(); }
    // What uses the device and its partitions, in words ("mounted at /mnt/data (sda2)", "held by dm-0"), as
    // mountsAndHolders() counts them when the model was built.
    const QStringList &uses() const { return m_uses; }

    void setInsisted(bool insisted) { m_insisted = insisted; }
    bool hasInsisted() const { return m_insisted; }
    Step step() const;
    bool isAllowed() const { return step() != Step::Refused; }
    bool isDestructive() const { return isInUse(); } // the accept button is red

    QString title() const;       // "Enable Editing of a Device?", "Device in Use"
    QString headline() const;    // "Enable editing of the block device /dev/loop0?" or the job's question
    QString deviceText() const;  // "Device: /dev/loop0\nModel: …\nSize: 64.00 MiB (67,108,864 bytes)"
    QString usageText() const;   // mounted where, or "not mounted and not held by another device"
    QString consequenceText() const; // what writing does; for a device in use, what is refused and how to insist
    QString note() const { return m_note; }
    QString insistText() const;  // the check box of the second step (only shown for a device in use)
    QString acceptText() const;  // "&Enable Editing", "Edit &Anyway", "&Overwrite", "Overwrite &Anyway"

    // "/dev/loop0 (loop: /tmp/disk.img, 64.00 MiB)": how other messages name the device.
    static QString describe(const BlockDeviceInfo &device);

private:
    BlockDeviceInfo m_device;
    Purpose m_purpose = Purpose::EnableEditing;
    QString m_question;
    QString m_note;
    QStringList m_uses;
    bool m_insisted = false;
};

} // namespace hexmap
