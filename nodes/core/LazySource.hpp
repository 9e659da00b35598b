#pragma once

#include "engine/NodeType.hpp"

#include <deque>
#include <memory>

namespace taskloom::nodes::core {

/// What one input item of a reading node produces (a file's rows, the files a pattern matches), handed out a
/// batch at a time. A cursor opens its file only when first read, so queued items cost no memory.
class ItemCursor {
public:
    virtual ~ItemCursor() = default;
    /// Appends at most `max` items to `out`. Returns false once the cursor is exhausted; returning true means
    /// "call again", even if it stopped early (say, at a byte budget). Throws NodeError.
    virtual bool fill(engine::ExecutionContext& ctx, engine::ItemList& out, qsizetype max) = 0;
};

/// The instance of a node that turns each input item into a lazily read sequence of output items. It reads the
/// item's parameters when the item arrives (expressions see the item's batch) and queues a cursor; each call
/// emits at most ctx.batchSize() items and returns Exec::More while anything is left, so a multi-gigabyte file
/// flows through in bounded memory. A failing cursor fails its input item through ExecutionContext::failItem.
class LazySourceInstance : public engine::NodeInstance {
public:
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) final;

protected:
    /// Reads the item's parameters and returns its cursor; throws NodeError for bad parameters.
    virtual std::unique_ptr<ItemCursor> cursorFor(engine::ExecutionContext& ctx, const engine::Item& item,
                                                  qsizetype index) = 0;

private:
    struct Pending {
        engine::Item item;
        std::unique_ptr<ItemCursor> cursor;
    };
    std::deque<Pending> m_pending;
};

} // namespace taskloom::nodes::core
