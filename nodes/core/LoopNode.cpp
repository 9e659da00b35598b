#include "LoopNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::core {

using namespace engine;

LoopNode::LoopNode()
{
    m_spec.type = QStringLiteral("core.loop");
    m_spec.title = QStringLiteral("Loop Over Items");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Runs the nodes on \"loop\" once per batch of items; connect the last of them back "
                                        "to \"return\". When every batch is done, \"done\" emits what came back.");
    m_spec.aliases = {QStringLiteral("split in batches"), QStringLiteral("for each"), QStringLiteral("iterate"), QStringLiteral("repeat")};
    m_spec.icon = QStringLiteral("view-refresh");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}},
                     {QStringLiteral("return"), QStringLiteral("Return"), QStringLiteral("Connect the end of the loop body here")}};
    m_spec.outputs = {{QStringLiteral("loop"), QStringLiteral("Loop"), QStringLiteral("One batch at a time")},
                      {QStringLiteral("done"), QStringLiteral("Done"), QStringLiteral("Everything the loop body returned")}};
    m_spec.loopOutput = QStringLiteral("loop");
    m_spec.loopReturn = QStringLiteral("return");
    m_batchSize = addParam<qint64>(ParamSpec::integer(QStringLiteral("batchSize"), QStringLiteral("Batch size"), 1).range(1, 1e9));
    m_spec.errors = {{QStringLiteral("LOOP_BODY_FAILED"), QStringLiteral("A node in the loop body failed."), false}};
}

Exec LoopNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const qint64 size = ctx.param(m_batchSize);
    if (size < 1)
        throw NodeError::param(m_batchSize.name(), size, QStringLiteral("must be at least 1"));
    const ItemList& items = in.main();
    ItemList done;
    for (qsizetype start = 0; start < items.size(); start += size) {
        ctx.checkCancelled();
        auto result = ctx.runLoopBody(items.mid(start, size));
        if (!result)
            throw NodeError(QStringLiteral("LOOP_BODY_FAILED"),
                            QStringLiteral("batch %1 of %2: %3").arg(start / size + 1).arg((items.size() + size - 1) / size).arg(result.error()));
        done.append(*result);
        ctx.progress(double(std::min<qsizetype>(start + size, items.size())) / double(items.size()));
    }
    out.push(1, done);
    return Exec::Done;
}

} // namespace taskloom::nodes::core
