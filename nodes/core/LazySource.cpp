#include "LazySource.hpp"

#include "ItemLoop.hpp"

namespace taskloom::nodes::core {

using namespace engine;

Exec LazySourceInstance::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out)
{
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        m_pending.push_back({item, cursorFor(ctx, item, index)});
    });
    ctx.checkCancelled();
    const qsizetype batch = std::max<qsizetype>(1, ctx.batchSize());
    ItemList& emitted = out.portRef(0);
    while (!m_pending.empty() && emitted.size() < batch) {
        Pending& front = m_pending.front();
        bool more = false;
        try {
            more = front.cursor->fill(ctx, emitted, batch - emitted.size());
        } catch (const NodeError& e) {
            const Item failed = front.item;
            m_pending.pop_front(); // before failItem: with "stop" it rethrows, and a retry must not reread
            ctx.failItem(failed, e, out);
            continue;
        }
        if (more)
            break;
        m_pending.pop_front();
    }
    return m_pending.empty() ? Exec::Done : Exec::More;
}

} // namespace taskloom::nodes::core
