#include "core/threadpriority.h"

#include <algorithm>
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace hexmap {

bool lowerThisThreadPriority(int increment)
{
    if (increment <= 0)
        return true;
    // PRIO_PROCESS with a thread id: Linux applies the nice value to that thread alone.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, tid);
    if (now == -1 && errno != 0)
        return false;
    return ::setpriority(PRIO_PROCESS, tid, std::min(now + increment, 19)) == 0; // 19: the lowest priority
}

} // namespace hexmap
