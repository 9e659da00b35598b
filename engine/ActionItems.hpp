#pragma once

#include "ExecutionContext.hpp"
#include "NodeType.hpp"

#include <functional>

namespace taskloom::engine {

/// The item loop of action nodes (desktop steps, browser steps): `perItem` runs once per input item — and once
/// with an empty item when none arrived, so an action right after a trigger still acts — each item then goes out
/// on output 0, and an item whose action fails goes to the node's on-error setting.
inline Exec actOncePerItem(ExecutionContext& ctx, const Inputs& in, Outputs& out,
                           const std::function<void(Item& item, qsizetype index)>& perItem)
{
    ItemList items = in.take(0);
    if (items.isEmpty())
        items.append(Item());
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            perItem(items[i], i);
            out.push(0, items[i]);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

} // namespace taskloom::engine
