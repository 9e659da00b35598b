#include "InterruptibleRun.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

#include <unistd.h>

namespace taskloom::cli {

namespace {

std::atomic<int> g_interrupts{0};

void onSignal(int)
{
    // Only async-signal-safe work here: count, and leave at once on a second Ctrl-C.
    if (g_interrupts.fetch_add(1) >= 1)
        _exit(130);
}

} // namespace

app::Runtime::RunOutcome runInterruptibly(app::Runtime& runtime, app::Runtime::RunRequest request)
{
    g_interrupts = 0;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::atomic<bool> finished{false};
    const engine::CancellationToken token = request.options.cancellation;
    // The handler may only count; this thread turns the count into a cancellation.
    std::thread watcher([&] {
        while (!finished.load()) {
            if (g_interrupts.load() > 0) {
                token.cancel(QStringLiteral("interrupted"));
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    app::Runtime::RunOutcome outcome = runtime.run(std::move(request));
    finished = true;
    watcher.join();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return outcome;
}

} // namespace taskloom::cli
