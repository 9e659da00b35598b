#pragma once

#include "engine/NodeSpec.hpp"
#include "engine/NodeType.hpp"
#include "engine/Value.hpp"

namespace taskloom::nodes::core {

/// What the unattended triggers (schedule, file watch, webhook) share: they read their parameters without a
/// run (the daemon decides when to fire from them), and a run emits the event the daemon passed in
/// (`taskloom run --trigger FILE`), or one item describing a manual start when there is none.
class TriggerEvent {
public:
    /// The parameter's value in `params`, or its declared default.
    static engine::Value param(const engine::NodeSpec& spec, const engine::Object& params, const QString& name);
    /// One NodeInstance that emits the trigger data (or {"manual": true, "firedAt": now}) as one item.
    static std::unique_ptr<engine::NodeInstance> emitter();
};

} // namespace taskloom::nodes::core
