#include "core/sigbusguard.h"

#include <csignal>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <mutex>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace {

// One tracked mapping. `state` is 0 (free), 1 (being written) or 2 (live); the handler reads only live slots.
struct Slot {
    std::atomic<int> state{0};
    std::atomic<std::uintptr_t> base{0};
    std::atomic<std::uint64_t> size{0};
    std::atomic<int> fd{-1};
    std::atomic<bool> blockDevice{false};
    std::atomic<std::atomic<bool> *> faulted{nullptr};
};

Slot g_slots[SigbusGuard::Capacity];
std::atomic<std::uint64_t> g_recovered{0};
struct sigaction g_previous {};

// Replaces [begin, end) of the mapping with private anonymous zero pages. Async-signal-safe.
bool mapZeroPages(std::uintptr_t begin, std::uintptr_t end)
{
    void *p = ::mmap(reinterpret_cast<void *>(begin), end - begin, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    return p != MAP_FAILED;
}

bool recover(std::uintptr_t address)
{
    const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    for (Slot &slot : g_slots) {
        if (slot.state.load(std::memory_order_acquire) != 2)
            continue;
        const std::uintptr_t base = slot.base.load(std::memory_order_relaxed);
        const std::uint64_t size = slot.size.load(std::memory_order_relaxed);
        if (address < base || address - base >= size)
            continue;
        const std::uintptr_t mapEnd = base + static_cast<std::uintptr_t>((size + page - 1) / page * page);
        std::uintptr_t begin = address / page * page;
        std::uintptr_t end = begin + page;
        std::uint64_t current = 0;
        bool known = false;
        const int fd = slot.fd.load(std::memory_order_relaxed);
        if (slot.blockDevice.load(std::memory_order_relaxed)) {
            // A device that went away (losetup -d, a pulled USB stick) reports size 0 or fails: all of it is lost.
            known = true;
            if (::ioctl(fd, BLKGETSIZE64, &current) != 0)
                current = 0;
        } else {
            struct stat st {};
            if (::fstat(fd, &st) == 0) {
                known = true;
                current = static_cast<std::uint64_t>(st.st_size);
            }
        }
        if (known && current < size) {
            // The file shrank: everything past the new end's page is gone; map it all at once.
            const auto newSize = static_cast<std::uintptr_t>(current);
            const std::uintptr_t tail = base + (newSize + page - 1) / page * page;
            if (tail <= begin) {
                begin = tail;
                end = mapEnd;
            }
        }
        if (!mapZeroPages(begin, end))
            return false;
        if (std::atomic<bool> *flag = slot.faulted.load(std::memory_order_relaxed))
            flag->store(true, std::memory_order_release);
        g_recovered.fetch_add(1, std::memory_order_relaxed);
        return true;
    }
    return false;
}

void handler(int sig, siginfo_t *info, void *context)
{
    if (info && recover(reinterpret_cast<std::uintptr_t>(info->si_addr)))
        return;
    // Not ours: hand it to whoever was there before, or restore the default so the retried access kills us.
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) {
            g_previous.sa_sigaction(sig, info, context);
            return;
        }
    } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
        g_previous.sa_handler(sig);
        return;
    }
    ::signal(sig, SIG_DFL);
}

} // namespace

bool SigbusGuard::install()
{
    static std::once_flag once;
    static bool installed = false;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_sigaction = handler;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        installed = ::sigaction(SIGBUS, &action, &g_previous) == 0;
    });
    return installed;
}

int SigbusGuard::registerMapping(std::byte *base, std::uint64_t size, int fd, std::atomic<bool> *faulted,
                                 bool blockDevice)
{
    for (int i = 0; i < Capacity; ++i) {
        int expected = 0;
        if (!g_slots[i].state.compare_exchange_strong(expected, 1, std::memory_order_acq_rel))
            continue;
        g_slots[i].base.store(reinterpret_cast<std::uintptr_t>(base), std::memory_order_relaxed);
        g_slots[i].size.store(size, std::memory_order_relaxed);
        g_slots[i].fd.store(fd, std::memory_order_relaxed);
        g_slots[i].blockDevice.store(blockDevice, std::memory_order_relaxed);
        g_slots[i].faulted.store(faulted, std::memory_order_relaxed);
        g_slots[i].state.store(2, std::memory_order_release);
        return i;
    }
    return -1;
}

void SigbusGuard::unregisterMapping(int slot)
{
    if (slot >= 0 && slot < Capacity)
        g_slots[slot].state.store(0, std::memory_order_release);
}

std::uint64_t SigbusGuard::recoveredFaults() { return g_recovered.load(std::memory_order_relaxed); }

} // namespace hexmap
