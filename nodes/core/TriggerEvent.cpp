#include "TriggerEvent.hpp"

#include "engine/ExecutionContext.hpp"

#include <QDateTime>

namespace taskloom::nodes::core {

using namespace engine;

Value TriggerEvent::param(const NodeSpec& spec, const Object& params, const QString& name)
{
    if (const Value* v = params.find(name); v && !v->isNull())
        return *v;
    const ParamSpec* p = spec.param(name);
    return p ? p->defaultValue : Value();
}

namespace {

class Emitter final : public NodeInstance {
public:
    Exec execute(ExecutionContext& ctx, const Inputs&, Outputs& out) override
    {
        Object data = ctx.triggerData();
        if (data.isEmpty()) {
            data.insert(QStringLiteral("manual"), true);
            data.insert(QStringLiteral("firedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        }
        out.push(0, ItemList{Item(data)});
        return Exec::Done;
    }
};

} // namespace

std::unique_ptr<NodeInstance> TriggerEvent::emitter()
{
    return std::make_unique<Emitter>();
}

} // namespace taskloom::nodes::core
