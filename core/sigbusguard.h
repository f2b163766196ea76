#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace hexmap {

// Turns a SIGBUS inside one of the engine's mappings (the file shrank on disk under the mapping, or a write into a
// hole found the disk full) into a recoverable state instead of a dead process: the handler maps anonymous zero
// pages (MAP_FIXED) over the whole lost tail of the file (or over the faulting page when the file did not shrink),
// sets the mapping's `faulted` flag and returns, so the faulting access is retried and succeeds. Bytes written into
// the replaced pages are NOT written to the file; owners poll the flag and tell the user.
// Faults outside registered mappings go to the previously installed handler (or the default action).
//
// Thread: any. install() is idempotent; registerMapping/unregisterMapping are lock-free and signal-safe to run
// concurrently with the handler. The handler uses only async-signal-safe calls (fstat, ioctl, mmap) and atomics.
class SigbusGuard {
public:
    static constexpr int Capacity = 1024; // live mappings tracked at once; beyond that a mapping is unguarded

    // Installs the SA_SIGINFO handler once per process. Returns false if sigaction failed.
    static bool install();
    // Tracks a mapping; returns its slot, or -1 when every slot is taken (the mapping then stays unguarded).
    // `blockDevice`: the handler asks the device's size (ioctl BLKGETSIZE64: a system call, safe in a handler)
    // instead of fstat's st_size, which is 0 for a device; a detached loop device or a removed disk reads size 0.
    static int registerMapping(std::byte *base, std::uint64_t size, int fd, std::atomic<bool> *faulted,
                               bool blockDevice = false);
    // Stops tracking the slot; call before munmap.
    static void unregisterMapping(int slot);
    // How many faults the guard has recovered since start (for tests and diagnostics).
    static std::uint64_t recoveredFaults();
};

} // namespace hexmap
