#pragma once

#include <QtGlobal>

#include <functional>

namespace taskloom::engine {
class ExecutionContext;
}

namespace taskloom::nodes::web {

/// Runs the main thread's event loop (QtWebEngine only makes progress there) until `done` returns true, the
/// timeout passes or the node is cancelled (run cancelled or node timeout: throws engine::Cancelled).
/// Returns false on timeout. `done` is polled every 10 ms.
bool waitUntil(engine::ExecutionContext& ctx, qint64 timeoutMs, const std::function<bool()>& done);

/// Lets the event loop run for `ms` (a rendered frame to settle), honouring cancellation.
void pause(engine::ExecutionContext& ctx, qint64 ms);

} // namespace taskloom::nodes::web
