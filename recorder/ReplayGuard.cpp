#include "ReplayGuard.hpp"

#include <atomic>
#include <chrono>

namespace taskloom::recorder {

namespace {

// Process-wide by nature: "this process is replaying" is one fact, shared by every capture in the process.
std::atomic<int> g_replaying{0};
std::atomic<long long> g_quietUntilMs{0};

long long nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

ReplayGuard::ReplayGuard()
{
    ++g_replaying;
}

ReplayGuard::~ReplayGuard()
{
    g_quietUntilMs = nowMs() + graceMs;
    --g_replaying;
}

bool ReplayGuard::active()
{
    return g_replaying.load() > 0 || nowMs() < g_quietUntilMs.load();
}

} // namespace taskloom::recorder
