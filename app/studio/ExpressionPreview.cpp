#include "ExpressionPreview.hpp"

#include "engine/ExpressionEngine.hpp"
#include "engine/Json.hpp"
#include "engine/NodeError.hpp"
#include "engine/NodeRegistry.hpp"
#include "engine/NodeType.hpp"
#include "engine/ParamResolver.hpp"

namespace taskloom::studio {

using namespace engine;

std::expected<Value, QString> previewParam(const NodeRegistry& registry, const ExpressionEngine* expressions,
    const FlowNode& node, const QString& param, const Object& variables, const PreviewData& data)
{
    const NodeType* type = node.placeholder ? nullptr : registry.find(node.type);
    if (!type)
        return std::unexpected(QStringLiteral("unknown node type %1").arg(node.type));
    if (!expressions)
        return std::unexpected(QStringLiteral("no expression engine"));
    try {
        ParamResolver resolver(type->spec(), node.params, expressions);
        ExpressionScope scope;
        scope.items = &data.input;
        if (!data.input.isEmpty()) {
            scope.item = &data.input.first();
            scope.index = 0;
        }
        scope.variables = &variables;
        scope.nodeOutput = [&data](const QString& name) -> const ItemList* {
            const auto it = data.outputsByName.constFind(name);
            return it == data.outputsByName.constEnd() ? nullptr : &it.value();
        };
        return resolver.resolve(param, scope);
    } catch (const NodeError& e) {
        return std::unexpected(e.message());
    } catch (const std::exception& e) {
        return std::unexpected(QString::fromUtf8(e.what()));
    }
}

bool paramHasExpression(const NodeRegistry& registry, const FlowNode& node, const QString& param)
{
    const NodeType* type = node.placeholder ? nullptr : registry.find(node.type);
    if (!type)
        return false;
    return ParamResolver(type->spec(), node.params, nullptr).isDynamic(param);
}

QString previewText(const Value& value, int maxChars)
{
    QString text = value.isString() ? value.stringRef() : QString::fromUtf8(Json::serialize(value));
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}

} // namespace taskloom::studio
