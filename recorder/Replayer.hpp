#pragma once

#include "Desktop.hpp"
#include "ReplayOptions.hpp"
#include "ReplayReport.hpp"

namespace taskloom::recorder {

/// Replays a macro step by step and stops at the first failing step, with every key and button released.
class Replayer {
public:
    static ReplayReport run(Desktop& desktop, const Macro& macro, const ReplayOptions& options);
};

} // namespace taskloom::recorder
