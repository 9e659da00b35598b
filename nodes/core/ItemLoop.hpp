#pragma once

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::core {

/// Runs `fn(item, index)` for every item of the main input; an item whose processing throws NodeError is
/// handed to ExecutionContext::failItem, which stops the node or passes the item on with its error according to
/// the node's on-error setting. Checks for cancellation between items.
template <typename Fn>
void forEachItem(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out, Fn&& fn)
{
    const engine::ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if ((i & 1023) == 0)
            ctx.checkCancelled();
        try {
            fn(items[i], i);
        } catch (const engine::NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
}

} // namespace taskloom::nodes::core
