#pragma once

namespace hexmap {

// How MappedFile::open maps a file. Plain value; any thread.
// - ReadOnly: the default for browsing; opens regular files and block devices.
// - ReadWrite: read-write for a regular file. Refused on a block device (Errc::DeviceNotConfirmed), so that no
//   write path that was written for files (Save, jobs, insert/delete, create) can write a device by accident.
// - ReadWriteDevice: read-write, and the caller has confirmed that the path may be a block device (the user
//   insisted: --force in the CLI, a confirmation naming the device in the GUI). On a regular file it behaves
//   exactly like ReadWrite.
enum class OpenMode { ReadOnly, ReadWrite, ReadWriteDevice };

} // namespace hexmap
