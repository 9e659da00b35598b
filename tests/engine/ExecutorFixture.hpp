#pragma once

// The fixture every executor test program shares: a registry of the core nodes plus the test nodes, the fake
// expression language, and a run helper.

#include "TestNodes.hpp"

#include "engine/Executor.hpp"

#include <QElapsedTimer>

#include <gtest/gtest.h>

namespace taskloom::tests {

class ExecutorTest : public ::testing::Test {
protected:
    std::shared_ptr<TestStats> stats = std::make_shared<TestStats>();
    std::unique_ptr<engine::NodeRegistry> registry = makeRegistry(stats);
    FakeExpressionEngine expressions;
    EventLog events;

    /// Runs `flow` with `options` on an executor of its own (the event log is added as an observer).
    engine::RunResult run(const engine::Flow& flow, engine::RunOptions options = {})
    {
        options.observers.append(&events);
        QElapsedTimer clock;
        clock.start();
        engine::RunResult r = engine::Executor(*registry, &expressions).run(flow, options);
        lastRunMs = clock.elapsed(); // the executor's destruction included: it must not wait for abandoned calls
        return r;
    }

    /// The result entry of a node by id.
    static const engine::NodeResult* nodeResult(const engine::RunResult& r, const QString& id)
    {
        for (const engine::NodeResult& n : r.nodes) {
            if (n.nodeId == id)
                return &n;
        }
        return nullptr;
    }

    qint64 lastRunMs = 0;
};

/// Shows a run's error in a failed assertion.
inline std::string describe(const engine::RunResult& r)
{
    return (engine::runStatusName(r.status) + QStringLiteral(" ") + r.errorCode + QStringLiteral(": ") + r.error).toStdString();
}

} // namespace taskloom::tests
