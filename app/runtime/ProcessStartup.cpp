#include "ProcessStartup.hpp"

#include <cstdlib>
#include <cstring>
#include <string>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace taskloom::app {

namespace {

bool setIfMissing(const char* name, const char* value)
{
    const char* current = std::getenv(name);
    if (current && *current)
        return false;
    setenv(name, value, 1);
    return true;
}

} // namespace

void prepareProcessEnvironment(int argc, char** argv)
{
    (void)argc;
    // Guard: never re-execute twice, whatever the environment does.
    if (std::getenv("TASKLOOM_REEXECUTED"))
        return;
    bool changed = setIfMissing("OMP_THREAD_LIMIT", "1");
    if (geteuid() == 0) {
        const char* flags = std::getenv("QTWEBENGINE_CHROMIUM_FLAGS");
        if (!flags || !std::strstr(flags, "--no-sandbox")) {
            std::string merged = flags ? std::string(flags) + " --no-sandbox" : std::string("--no-sandbox");
            setenv("QTWEBENGINE_CHROMIUM_FLAGS", merged.c_str(), 1);
            changed = true;
        }
    }
    if (!changed)
        return;
    setenv("TASKLOOM_REEXECUTED", "1", 1);
    execv("/proc/self/exe", argv);
    // execv only returns on failure: carry on with the settings that could not take effect (slower, not wrong).
}

void dieWithParentIfAsked()
{
    const char* v = std::getenv("TASKLOOM_DIE_WITH_PARENT");
    if (!v || std::strcmp(v, "1") != 0)
        return;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The parent may have died before prctl took effect: then nobody would ever send the signal.
    const char* parent = std::getenv("TASKLOOM_PARENT_PID");
    if (parent && std::atol(parent) > 0 && getppid() != pid_t(std::atol(parent)))
        _exit(137);
}

} // namespace taskloom::app
