#include "Executor.hpp"

#include "RunScheduler.hpp"

#include <QThread>
#include <QThreadPool>

namespace taskloom::engine {

int RunResult::exitCode() const
{
    switch (status) {
    case RunStatus::Succeeded: return 0;
    case RunStatus::Cancelled: return 3;
    case RunStatus::TimedOut: return 4;
    default: return 1;
    }
}

Executor::Executor(const NodeRegistry& registry, const ExpressionEngine* expressions)
    : m_registry(registry), m_expressions(expressions), m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_pool->setExpiryTimeout(30000);
}

Executor::~Executor()
{
    // Abandoned calls (nodes that ignored their timeout) may still hold pool threads; do not wait for them.
    // ~QThreadPool would wait for them without limit, so a pool that does not drain is left to the process
    // (each abandoned call holds its own run alive until it returns).
    m_pool->clear();
    if (!m_pool->waitForDone(100))
        (void)m_pool.release();
}

RunResult Executor::run(const Flow& flow, const RunOptions& options)
{
    if (options.threads > 1)
        m_pool->setMaxThreadCount(options.threads);
    auto scheduler = std::make_shared<RunScheduler>(m_registry, m_expressions, *m_pool, flow, options);
    return scheduler->run();
}

} // namespace taskloom::engine
