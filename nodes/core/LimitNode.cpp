#include "LimitNode.hpp"

#include "engine/ExecutionContext.hpp"

#include <deque>

namespace taskloom::nodes::core {

using namespace engine;

class LimitInstance final : public NodeInstance {
public:
    explicit LimitInstance(const LimitNode& type) : m_type(type) {}

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) override
    {
        if (m_count < 0) {
            m_count = ctx.param(m_type.m_count);
            if (m_count < 0)
                throw NodeError::param(m_type.m_count.name(), m_count,
                                       QStringLiteral("cannot keep a negative number of items"));
            m_keepLast = ctx.param(m_type.m_keep) == u"last";
        }
        const ItemList& items = in.main();
        if (m_keepLast) {
            for (const Item& item : items) {
                m_window.push_back(item);
                if (qint64(m_window.size()) > m_count)
                    m_window.pop_front();
            }
            return Exec::Done;
        }
        const qint64 room = m_count - m_passed;
        if (room <= 0)
            return Exec::Done;
        if (items.size() <= room) {
            out.push(0, items); // shares the batch
            m_passed += items.size();
        } else {
            out.push(0, items.mid(0, room));
            m_passed = m_count;
        }
        return Exec::Done;
    }

    void finish(ExecutionContext&, Outputs& out) override
    {
        for (Item& item : m_window)
            out.push(0, std::move(item));
        m_window.clear();
    }

private:
    const LimitNode& m_type;
    qint64 m_count = -1; // read on the first batch
    bool m_keepLast = false;
    qint64 m_passed = 0;
    std::deque<Item> m_window;
};

LimitNode::LimitNode()
{
    m_spec.type = QStringLiteral("core.limit");
    m_spec.title = QStringLiteral("Limit");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Keeps only the first or the last N items.");
    m_spec.aliases = {QStringLiteral("head"), QStringLiteral("tail"), QStringLiteral("top"), QStringLiteral("take")};
    m_spec.icon = QStringLiteral("format-list-ordered");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_count = addParam<qint64>(
        ParamSpec::integer(QStringLiteral("count"), QStringLiteral("Number of items"), 10).range(0, {}));
    m_keep = addParam<QString>(ParamSpec::choice(QStringLiteral("keep"), QStringLiteral("Keep"),
                                                 {{QStringLiteral("first"), QStringLiteral("The first items"), {}},
                                                  {QStringLiteral("last"), QStringLiteral("The last items"), {}}}));
}

std::unique_ptr<NodeInstance> LimitNode::instantiate() const
{
    return std::make_unique<LimitInstance>(*this);
}

} // namespace taskloom::nodes::core
