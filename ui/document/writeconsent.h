#pragma once

namespace hexmap {

// Whether the caller asked the user before a block device is made writable (the device warning, ui/device):
// Document::setWritable and EditSession::setEditingEnabled reopen a device read-write only with DeviceConfirmed.
// Regular files ignore it. Plain value; any thread.
enum class WriteConsent { Ordinary, DeviceConfirmed };

} // namespace hexmap
