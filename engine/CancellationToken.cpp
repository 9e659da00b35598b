#include "CancellationToken.hpp"

#include <thread>

namespace taskloom::engine {

CancellationToken::CancellationToken() : m_state(std::make_shared<State>()) {}

CancellationToken CancellationToken::child(Clock::time_point deadline) const
{
    CancellationToken t;
    t.m_state->parent = m_state;
    t.m_state->deadline = std::min(deadline, this->deadline());
    return t;
}

void CancellationToken::cancel(const QString& reason) const
{
    std::lock_guard lock(m_state->mutex);
    if (!m_state->cancelled.exchange(true))
        m_state->reason = reason;
}

bool CancellationToken::isCancelled() const
{
    for (const State* s = m_state.get(); s; s = s->parent.get()) {
        if (s->cancelled.load(std::memory_order_relaxed))
            return true;
    }
    return timedOut();
}

bool CancellationToken::timedOut() const
{
    return m_state->deadline != Clock::time_point::max() && Clock::now() >= m_state->deadline;
}

CancellationToken::Clock::time_point CancellationToken::deadline() const
{
    return m_state->deadline;
}

QString CancellationToken::reason() const
{
    for (State* s = m_state.get(); s; s = s->parent.get()) {
        if (s->cancelled.load()) {
            std::lock_guard lock(s->mutex);
            return s->reason;
        }
    }
    return timedOut() ? QStringLiteral("timed out") : QString();
}

bool CancellationToken::sleepFor(std::chrono::milliseconds duration) const
{
    const auto until = Clock::now() + duration;
    while (Clock::now() < until) {
        if (isCancelled())
            return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds(20)));
    }
    return !isCancelled();
}

} // namespace taskloom::engine
