#include "app/cli/tempcleanup.h"

#include "core/createtemp.h"

#include <atomic>
#include <cstring>
#include <unistd.h>

namespace hexmap::cli {
namespace {

std::atomic<const char *> g_message{nullptr};

extern "C" void onTempSignal(int signal)
{
    if (createtemp::unlinkRegistered() > 0) {
        if (const char *message = g_message.load())
            (void)!::write(STDERR_FILENO, message, std::strlen(message));
    }
    ::raise(signal); // delivered with the default action once the handler returns (SA_RESETHAND)
}

} // namespace

TempCleanupOnSignal::TempCleanupOnSignal(const char *message)
{
    g_message.store(message);
    struct sigaction action {};
    action.sa_handler = onTempSignal;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (int s : kSignals)
        sigaddset(&action.sa_mask, s);
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
        ::sigaction(kSignals[i], &action, &m_previous[i]);
}

TempCleanupOnSignal::~TempCleanupOnSignal()
{
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
        ::sigaction(kSignals[i], &m_previous[i], nullptr);
}

} // namespace hexmap::cli
