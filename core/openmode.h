#pragma once

namespace hexmap {

// How MappedFile::open maps a file: ReadOnly (the default for browsing) or ReadWrite. Plain value; any thread.
enum class OpenMode { ReadOnly, ReadWrite };

} // namespace hexmap
