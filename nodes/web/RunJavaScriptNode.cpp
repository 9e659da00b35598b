#include "RunJavaScriptNode.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/Json.hpp"

namespace taskloom::nodes::web {

using namespace engine;

RunJavaScriptNode::RunJavaScriptNode()
    : WebNode(QStringLiteral("web.runJavaScript"), QStringLiteral("Run JavaScript"),
              QStringLiteral("Runs JavaScript in the page; what it returns (awaited when it is a Promise) lands in the item as "
                             "JSON. The item's fields are available as `item`."))
{
    m_spec.aliases = {QStringLiteral("js"), QStringLiteral("script"), QStringLiteral("evaluate"), QStringLiteral("code")};
    m_code = addParam<QString>(ParamSpec::code(QStringLiteral("code"), QStringLiteral("JavaScript"), QStringLiteral("javascript"),
                                               QStringLiteral("return document.title;"))
                                   .required()
                                   .describe(QStringLiteral("A function body: `return` gives the result.")));
    m_world = addParam<QString>(ParamSpec::choice(QStringLiteral("world"), QStringLiteral("Run in"),
                                                  {{QStringLiteral("page"), QStringLiteral("The page"), QStringLiteral("Sees the page's own variables")},
                                                   {QStringLiteral("isolated"), QStringLiteral("An isolated world"), QStringLiteral("Shares only the DOM with the page")}}));
    m_output = addParam<QString>(ParamSpec::string(QStringLiteral("output"), QStringLiteral("Output field")).defaults(QStringLiteral("result")));
}

Exec RunJavaScriptNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const QString output = ctx.param(m_output, item, i).trimmed();
        if (output.isEmpty())
            throw NodeError::param(m_output.name(), output, QStringLiteral("name the field for the result"));
        const QString body = QStringLiteral("var item = %1;\n").arg(QString::fromUtf8(Json::serialize(Value(item.json()))))
                             + ctx.param(m_code, item, i);
        const World world = ctx.param(m_world, item, i) == u"isolated" ? World::Isolated : World::Page;
        try {
            item.json().insert(output, s.evaluate(ctx, body, timeoutMs(ctx, item, i), world));
        } catch (const NodeError& e) {
            if (e.code() != u"SCRIPT_ERROR")
                throw;
            throw NodeError(e.code(), QStringLiteral("parameter \"code\": the script threw %1 on %2").arg(e.message(), s.url().toDisplayString()));
        }
    });
}

} // namespace taskloom::nodes::web
