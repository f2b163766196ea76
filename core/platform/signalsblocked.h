#pragma once
// Internal to core/platform: shared by Mapping::create and SiblingTempFile. Thread: the calling thread's mask only.

#include <csignal>
#include <pthread.h>

namespace hexmap {

// Blocks SIGINT, SIGTERM and SIGHUP on this thread for its lifetime (see createtemp.h): a signal that arrives
// meanwhile is delivered when it ends, so the CLI's cleanup handler never runs between creating a temporary file
// and registering it, or between its rename and unregistering it.
class SignalsBlocked {
public:
    SignalsBlocked()
    {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGHUP);
        ::pthread_sigmask(SIG_BLOCK, &set, &m_previous);
    }
    ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }
    SignalsBlocked(const SignalsBlocked &) = delete;
    SignalsBlocked &operator=(const SignalsBlocked &) = delete;

private:
    sigset_t m_previous {};
};

} // namespace hexmap
