#include "ClosePageNode.hpp"

#include "BrowserHost.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::web {

using namespace engine;

ClosePageNode::ClosePageNode()
    : WebNode(QStringLiteral("web.closePage"), QStringLiteral("Close page"),
              QStringLiteral("Closes a session's page (and its private profile) before the run ends; every session closes when "
                             "the run ends anyway."))
{
    m_spec.aliases = {QStringLiteral("close"), QStringLiteral("browser"), QStringLiteral("quit")};
}

Exec ClosePageNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserHost::instance().close(ctx.runId(), ctx.param(m_session, item, i).trimmed());
    });
}

} // namespace taskloom::nodes::web
