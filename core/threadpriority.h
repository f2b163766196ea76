#pragma once

namespace hexmap {

// Makes the calling thread yield the CPU to interactive threads: its nice value goes up by `increment` (Linux keeps
// nice per thread; threads it starts afterwards inherit it). For the reader threads of a background job run from
// the GUI, so that on a machine with as many busy workers as cores the GUI thread still gets the CPU at once when
// an event arrives. Never raises a priority. Returns false (errno set) when the system refuses; the thread then
// runs on unchanged, which is harmless. Thread: any (acts on the calling thread only).
bool lowerThisThreadPriority(int increment = 10);

} // namespace hexmap
