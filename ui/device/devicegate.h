#pragma once

#include "core/blockdevice.h"
#include "core/mappedfile.h"

#include <QString>

class QWidget;

namespace hexmap {

// DeviceGate: what Enable Editing and the jobs share about an open block device: its description (sysfs, read
// now, so that the mount state is current) and the warning asked before it is written. Stateless functions.
// Thread: GUI thread only (dialogs, translations).
namespace devicegate {

// describeBlockDevice(file.path()); when sysfs does not know it, what the mapping knows (path, size, sector sizes).
BlockDeviceInfo describe(const MappedFile &file);
// The warning before Enable Editing reopens `file` (a block device) read-write: true when the user accepted (for a
// device in use: insisted in the second step).
bool confirmEditing(const MappedFile &file, QWidget *parent);
// How a Zero job writes on a device: "uses the device's zero-out command" or the discard (TRIM).
QString zeroNote(const BlockDeviceInfo &device, bool discard);
// "A block device cannot change size: …" for Insert Bytes and Delete Range.
QString cannotResizeText(const QString &path);

} // namespace devicegate
} // namespace hexmap
