#include "ManualTriggerNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::core {

ManualTriggerNode::ManualTriggerNode()
{
    m_spec.type = QStringLiteral("core.manualTrigger");
    m_spec.title = QStringLiteral("Manual Trigger");
    m_spec.category = QStringLiteral("Triggers");
    m_spec.description = QStringLiteral("Starts the flow when you run it: from the command line, the studio or another flow. "
                                        "Emits the run's input items (taskloom run --input), or one empty item.");
    m_spec.aliases = {QStringLiteral("start"), QStringLiteral("run"), QStringLiteral("input")};
    m_spec.icon = QStringLiteral("media-playback-start");
    m_spec.trigger = true;
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
}

namespace {

class Instance final : public engine::NodeInstance {
public:
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs&, engine::Outputs& out) override
    {
        const engine::ItemList& input = ctx.runInput();
        const qsizetype n = std::min(ctx.batchSize(), input.size() - m_next);
        out.push(0, m_next == 0 && n == input.size() ? input : input.mid(m_next, n));
        m_next += n;
        return m_next < input.size() ? engine::Exec::More : engine::Exec::Done;
    }

private:
    qsizetype m_next = 0;
};

} // namespace

std::unique_ptr<engine::NodeInstance> ManualTriggerNode::instantiate() const
{
    return std::make_unique<Instance>();
}

} // namespace taskloom::nodes::core
