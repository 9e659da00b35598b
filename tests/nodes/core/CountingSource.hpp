#pragma once

// A test-only source that emits `count` items {"n": i, "group": "g<i % groups>"} in batches of the run's batch
// size, the way a lazy file reader does, so streaming nodes downstream receive many batches.

#include "engine/ExecutionContext.hpp"
#include "engine/NodeType.hpp"

namespace taskloom::nodes::core::test {

class CountingSource final : public engine::NodeType {
public:
    CountingSource()
    {
        m_spec.type = QStringLiteral("test.count");
        m_spec.title = QStringLiteral("Count");
        m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
        m_spec.trigger = true;
        m_count = addParam<qint64>(engine::ParamSpec::integer(QStringLiteral("count"), QStringLiteral("Count"), 10));
        m_groups = addParam<qint64>(engine::ParamSpec::integer(QStringLiteral("groups"), QStringLiteral("Groups"), 3));
    }

    std::unique_ptr<engine::NodeInstance> instantiate() const override { return std::make_unique<Instance>(*this); }

private:
    class Instance final : public engine::NodeInstance {
    public:
        explicit Instance(const CountingSource& type) : m_type(type) {}
        engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs&, engine::Outputs& out) override
        {
            const qint64 count = ctx.param(m_type.m_count);
            const qint64 groups = std::max<qint64>(1, ctx.param(m_type.m_groups));
            const qint64 end = std::min(count, m_next + ctx.batchSize());
            engine::ItemList& batch = out.portRef(0);
            batch.reserve(end - m_next);
            for (; m_next < end; ++m_next) {
                const QString group = QStringLiteral("g%1").arg(m_next % groups);
                batch.append(
                    engine::Item(engine::Object{{QStringLiteral("n"), m_next}, {QStringLiteral("group"), group}}));
            }
            return m_next < count ? engine::Exec::More : engine::Exec::Done;
        }

    private:
        const CountingSource& m_type;
        qint64 m_next = 0;
    };

    engine::Param<qint64> m_count;
    engine::Param<qint64> m_groups;
};

} // namespace taskloom::nodes::core::test
