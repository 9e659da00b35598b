#include "ParamResolver.hpp"

#include "NodeError.hpp"

namespace taskloom::engine {

namespace {

bool holdsExpression(const Value& v)
{
    switch (v.type()) {
    case Value::Type::String: return Template::containsExpression(v.stringRef());
    case Value::Type::Array:
        for (const Value& e : v.arrayRef()) {
            if (holdsExpression(e))
                return true;
        }
        return false;
    case Value::Type::Object:
        for (const auto& [k, e] : v.objectRef()) {
            if (holdsExpression(e))
                return true;
        }
        return false;
    default: return false;
    }
}

} // namespace

ParamResolver::ParamResolver(const NodeSpec& spec, const Object& params, const ExpressionEngine* engine)
    : m_engine(engine), m_values(params)
{
    for (const ParamSpec& p : spec.params) {
        const Value* v = m_values.find(p.name);
        if (!v || v->isNull())
            m_values.insert(p.name, p.defaultValue);
        m_info.append({p.name, p.expressions && holdsExpression(m_values.value(p.name)), p.expressions});
    }
}

const ParamResolver::Info* ParamResolver::info(const QString& name) const
{
    for (const Info& i : m_info) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

bool ParamResolver::isDynamic(const QString& name) const
{
    const Info* i = info(name);
    return i && i->dynamic;
}

ParamResolver::~ParamResolver() = default;

Value ParamResolver::resolve(const QString& name, const ExpressionScope& scope)
{
    const Value& v = m_values.value(name);
    if (!isDynamic(name))
        return v;
    return resolveValue(name, v, scope);
}

Value ParamResolver::evaluateText(const QString& paramName, const QString& text, const ExpressionScope& scope)
{
    const Info* i = info(paramName);
    if (!Template::containsExpression(text) || (i && !i->expressions))
        return text;
    return evaluateTemplate(paramName, text, scope);
}

Value ParamResolver::resolveValue(const QString& paramName, const Value& v, const ExpressionScope& scope)
{
    switch (v.type()) {
    case Value::Type::String:
        return Template::containsExpression(v.stringRef()) ? evaluateTemplate(paramName, v.stringRef(), scope) : v;
    case Value::Type::Array: {
        Array out;
        out.reserve(v.arrayRef().size());
        for (const Value& e : v.arrayRef())
            out.append(resolveValue(paramName, e, scope));
        return out;
    }
    case Value::Type::Object: {
        Object out;
        out.reserve(v.objectRef().size());
        for (const auto& [k, e] : v.objectRef())
            out.insert(k, resolveValue(paramName, e, scope));
        return out;
    }
    default: return v;
    }
}

int ParamResolver::compiled(const QString& paramName, const QString& text, const QString& expression)
{
    const auto it = m_handles.constFind(expression);
    if (it != m_handles.cend())
        return it.value();
    if (!m_engine)
        throw NodeError::param(paramName, text, QStringLiteral("expressions are not available in this build"),
                               QStringLiteral("EXPRESSION_ERROR"));
    if (!m_evaluator)
        m_evaluator = m_engine->createEvaluator();
    const auto handle = m_evaluator->compile(expression);
    if (!handle)
        throw NodeError::param(paramName, text, QStringLiteral("expression {{ %1 }}: %2").arg(expression, handle.error()),
                               QStringLiteral("EXPRESSION_ERROR"));
    m_handles.insert(expression, *handle);
    return *handle;
}

Value ParamResolver::evaluateTemplate(const QString& paramName, const QString& text, const ExpressionScope& scope)
{
    auto it = m_templates.constFind(text);
    if (it == m_templates.cend()) {
        auto parsed = Template::parse(text);
        if (!parsed)
            throw NodeError::param(paramName, text, parsed.error(), QStringLiteral("EXPRESSION_ERROR"));
        it = m_templates.insert(text, *parsed);
    }
    const Template& t = it.value();
    auto evalPart = [&](const Template::Part& part) {
        const int handle = compiled(paramName, text, part.text);
        auto result = m_evaluator->evaluate(handle, scope);
        if (!result)
            throw NodeError::param(paramName, text, QStringLiteral("expression {{ %1 }} failed: %2").arg(part.text, result.error()),
                                   QStringLiteral("EXPRESSION_ERROR"));
        return *result;
    };
    if (t.isSingleExpression())
        return evalPart(t.parts().first());
    QString out;
    for (const Template::Part& part : t.parts())
        out += part.isExpression ? evalPart(part).toText() : part.text;
    return out;
}

} // namespace taskloom::engine
