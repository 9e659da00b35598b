#pragma once

// Internal to the executor: the two ends of a loop body when the body runs as a flow of its own. They never
// appear in a registry that users see.

#include "NodeType.hpp"

namespace taskloom::engine {

/// Emits the batch the loop node hands to its body.
class LoopEntryNode final : public NodeType {
public:
    static constexpr QStringView typeId = u"taskloom.internal.loopEntry";
    LoopEntryNode();
    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override;
};

/// Collects what the body returns to the loop node.
class LoopExitNode final : public NodeType {
public:
    static constexpr QStringView typeId = u"taskloom.internal.loopExit";
    LoopExitNode();
    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override;
};

} // namespace taskloom::engine
