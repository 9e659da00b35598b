#include "LuaCodeNode.hpp"

#include "LuaCodeInstance.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::scripts {

using namespace engine;

QString LuaCodeNode::typeId()
{
    return QStringLiteral("code.lua");
}

QString LuaCodeNode::defaultScript()
{
    return QStringLiteral(R"lua(-- Mode "all": execute(ctx, items) runs once per batch and returns the items to pass on.
-- Mode "each": write execute(ctx, item, index) instead; return an item, a list of items, or nil to drop it.
-- Read and write fields like a table: item.total, item["unit price"], item.total = 0 (new fields go last).
-- Helpers: json.encode/decode, date.now/format/parse/add, str.trim/split/replace; ctx.log(msg), ctx.vars.
function execute(ctx, items)
  for i, item in ipairs(items) do
    item.position = i
  end
  return items
end
)lua");
}

LuaCodeNode::LuaCodeNode(LuaCodeLimits limits) : m_limits(limits)
{
    m_spec.type = typeId();
    m_spec.version = 1;
    m_spec.title = QStringLiteral("Lua Code");
    m_spec.category = QStringLiteral("Code");
    m_spec.description = QStringLiteral("Runs a Lua script over the items: change fields, filter, split or combine "
                                        "items. The script runs in a sandbox without files or network.");
    m_spec.aliases = {QStringLiteral("script"), QStringLiteral("lua"), QStringLiteral("function"),
                      QStringLiteral("code")};
    m_spec.icon = QStringLiteral("text-x-script");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("Input"), QStringLiteral("Items for the script")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Output"), QStringLiteral("The items the script returns")}};
    m_spec.inputMode = InputMode::Stream;
    m_spec.errors = {
        {QStringLiteral("LUA_SYNTAX"), QStringLiteral("The script does not compile")},
        {QStringLiteral("LUA_ERROR"), QStringLiteral("The script raised an error")},
        {QStringLiteral("LUA_BUDGET"), QStringLiteral("The script ran past its instruction budget (an endless loop?)")},
        {QStringLiteral("LUA_MEMORY"), QStringLiteral("The script used more memory than allowed")},
        {QStringLiteral("LUA_RESULT"), QStringLiteral("The script returned something that is not items")},
    };
    m_code = addParam<QString>(ParamSpec::code(QStringLiteral("code"), QStringLiteral("Lua code"), QStringLiteral("lua"),
                                               defaultScript())
                                   .required()
                                   .describe(QStringLiteral("Defines function execute(ctx, items) (mode \"all\") or "
                                                            "execute(ctx, item, index) (mode \"each\").")));
    m_mode = addParam<QString>(
        ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Mode"),
                          {{QStringLiteral("all"), QStringLiteral("Once for all items"),
                            QStringLiteral("execute(ctx, items) gets the whole batch and returns the items to pass on")},
                           {QStringLiteral("each"), QStringLiteral("Once per item"),
                            QStringLiteral("execute(ctx, item, index) returns an item, a list of items, or nil to drop it")}})
            .noExpressions());
    addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Credential"), QString())
                          .describe(QStringLiteral("A credential the script may read with ctx.credential(\"credential\").")));
}

LuaScript LuaCodeNode::script(ExecutionContext& ctx) const
{
    LuaScript s;
    s.source = ctx.param(m_code).toUtf8();
    s.chunkName = QStringLiteral("code");
    s.typeId = typeId();
    const QString mode = ctx.param(m_mode);
    if (mode == u"each")
        s.each = true;
    else if (mode != u"all")
        throw NodeError::param(m_mode.name(), mode, QStringLiteral("expected \"all\" or \"each\""));
    s.outputs = {QStringLiteral("out")};
    s.limits = m_limits;
    return s;
}

std::unique_ptr<NodeInstance> LuaCodeNode::instantiate() const
{
    return std::make_unique<LuaCodeInstance>(*this, *this);
}

QList<std::pair<QString, QString>> LuaCodeNode::checkParams(const Object& params) const
{
    const Value* code = params.find(m_code.name());
    const QString source = code && code->isString() ? code->stringRef() : defaultScript();
    const QString error = LuaSandbox::checkSyntax(source.toUtf8(), QStringLiteral("code"));
    if (error.isEmpty())
        return {};
    return {{m_code.name(), error}};
}

} // namespace taskloom::scripts
