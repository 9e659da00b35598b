#pragma once

#include "app/runtime/Runtime.hpp"

namespace taskloom::cli {

/// Runs a flow the way every command that runs one does: Ctrl-C (or SIGTERM) cancels it, so it is recorded as
/// cancelled; a second Ctrl-C leaves at once. The handlers are set for the run only.
app::Runtime::RunOutcome runInterruptibly(app::Runtime& runtime, app::Runtime::RunRequest request);

} // namespace taskloom::cli
