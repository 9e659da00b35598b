#pragma once

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace taskloom::engine {

/// Shared cancellation state: a run-wide flag, optionally a parent (the run's token for a node call's token)
/// and a deadline. Cheap to poll from blocking loops (libcurl progress callbacks, Tesseract monitors, Lua hooks).
class CancellationToken {
public:
    using Clock = std::chrono::steady_clock;

    CancellationToken();
    /// A child token: cancelled when the parent is, or when its own deadline passes.
    CancellationToken child(Clock::time_point deadline = Clock::time_point::max()) const;

    void cancel(const QString& reason = {}) const;
    bool isCancelled() const;
    /// True when cancellation came from the deadline rather than cancel().
    bool timedOut() const;
    Clock::time_point deadline() const;
    QString reason() const;
    /// Sleeps up to `duration`, waking early when cancelled (polls at a fine grain). Returns false if cancelled.
    bool sleepFor(std::chrono::milliseconds duration) const;

private:
    struct State {
        std::atomic<bool> cancelled{false};
        std::mutex mutex;
        QString reason;
        std::shared_ptr<State> parent;
        Clock::time_point deadline = Clock::time_point::max();
    };
    std::shared_ptr<State> m_state;
};

} // namespace taskloom::engine
