#include "NodeType.hpp"

#include "ExecutionContext.hpp"

namespace taskloom::engine {

namespace {

class StatelessInstance final : public NodeInstance {
public:
    explicit StatelessInstance(const NodeType& type) : m_type(type) {}
    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) override
    {
        return m_type.execute(ctx, in, out);
    }

private:
    const NodeType& m_type;
};

} // namespace

int Ports::inputIndex(QStringView name) const
{
    for (int i = 0; i < inputs.size(); ++i) {
        if (inputs[i].name == name)
            return i;
    }
    return -1;
}

int Ports::outputIndex(QStringView name) const
{
    for (int i = 0; i < outputs.size(); ++i) {
        if (outputs[i].name == name)
            return i;
    }
    return -1;
}

Ports NodeType::ports(const Object& params, const NodeSettings& settings) const
{
    (void)params;
    Ports p{m_spec.inputs, m_spec.outputs};
    if (settings.onError == OnError::Route)
        p.outputs.append({QStringLiteral("error"), QStringLiteral("Error"), QStringLiteral("Items that failed")});
    return p;
}

std::unique_ptr<NodeInstance> NodeType::instantiate() const
{
    return std::make_unique<StatelessInstance>(*this);
}

Exec NodeType::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    (void)ctx;
    (void)in;
    (void)out;
    throw NodeError(QStringLiteral("NOT_IMPLEMENTED"),
                    QStringLiteral("node type %1 has no execute function").arg(m_spec.type));
}

std::expected<void, QString> NodeType::migrate(int fromVersion, Object& params) const
{
    (void)params;
    return std::unexpected(QStringLiteral("typeVersion %1 of %2 cannot be upgraded to version %3")
                               .arg(fromVersion)
                               .arg(m_spec.type)
                               .arg(m_spec.version));
}

QList<std::pair<QString, QString>> NodeType::checkParams(const Object& params) const
{
    (void)params;
    return {};
}

} // namespace taskloom::engine
