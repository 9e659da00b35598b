#include "ChatWebhookNode.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/Json.hpp"
#include "nodes/net/HttpClient.hpp"

#include <QUrl>

namespace taskloom::nodes::connectors {

using namespace engine;

ChatWebhookNode::ChatWebhookNode()
{
    m_spec.type = QStringLiteral("connectors.chatWebhook");
    m_spec.title = QStringLiteral("Chat message");
    m_spec.category = QStringLiteral("Connectors");
    m_spec.description = QStringLiteral("Posts a message to a Slack, Microsoft Teams or other incoming webhook, once per item.");
    m_spec.aliases = {QStringLiteral("slack"), QStringLiteral("teams"), QStringLiteral("notify"), QStringLiteral("notification"),
                      QStringLiteral("webhook"), QStringLiteral("mattermost"), QStringLiteral("discord")};
    m_spec.icon = QStringLiteral("mail-send");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("One message per item")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), QStringLiteral("The items, unchanged")}};
    m_spec.requirements = {QStringLiteral("network")};
    m_spec.credentialTypes = {QStringLiteral("webhookUrl")};
    m_service = addParam<QString>(ParamSpec::choice(QStringLiteral("service"), QStringLiteral("Service"),
                                                    {{QStringLiteral("slack"), QStringLiteral("Slack"), {}},
                                                     {QStringLiteral("teams"), QStringLiteral("Microsoft Teams"), {}},
                                                     {QStringLiteral("generic"), QStringLiteral("Other (JSON)"), {}}}));
    m_credential = addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Webhook"), QStringLiteral("webhookUrl"))
                                         .describe(QStringLiteral("A webhook URL kept in the vault (it is a secret). Or give the URL below.")));
    m_url = addParam<QString>(ParamSpec::string(QStringLiteral("url"), QStringLiteral("Webhook URL"))
                                  .describe(QStringLiteral("Used when no credential is chosen.")));
    m_title = addParam<QString>(ParamSpec::string(QStringLiteral("title"), QStringLiteral("Title")));
    m_text = addParam<QString>(ParamSpec::text(QStringLiteral("text"), QStringLiteral("Message")).required());
    m_payload = addParam<Value>(ParamSpec::json(QStringLiteral("payload"), QStringLiteral("Custom JSON"))
                                    .visibleWhen(QStringLiteral("service"), {QStringLiteral("generic")})
                                    .describe(QStringLiteral("Sent instead of {\"title\", \"text\"} when set.")));
    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 30).range(0, 600));
    m_spec.errors = {{QStringLiteral("HTTP_<status>"), QStringLiteral("The webhook refused the message (429 and 5xx retryable)."), true},
                     {QStringLiteral("HTTP_CONNECT"), QStringLiteral("The webhook could not be reached."), true},
                     {QStringLiteral("INVALID_PARAMETER"), QStringLiteral("No webhook URL, or not an http(s) URL."), false}};
}

Object ChatWebhookNode::payload(const QString& service, const QString& title, const QString& text)
{
    if (service == QLatin1String("slack")) {
        // Slack's mrkdwn: *bold* for the title.
        return Object{{QStringLiteral("text"), title.isEmpty() ? text : QStringLiteral("*%1*\n%2").arg(title, text)}};
    }
    if (service == QLatin1String("teams")) {
        Object card{{QStringLiteral("@type"), QStringLiteral("MessageCard")},
                    {QStringLiteral("@context"), QStringLiteral("https://schema.org/extensions")},
                    {QStringLiteral("summary"), title.isEmpty() ? text.left(80) : title}};
        if (!title.isEmpty())
            card.insert(QStringLiteral("title"), title);
        card.insert(QStringLiteral("text"), text);
        return card;
    }
    Object o;
    if (!title.isEmpty())
        o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("text"), text);
    return o;
}

Exec ChatWebhookNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            sendItem(ctx, items[i], i);
            out.push(0, items[i]);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

void ChatWebhookNode::sendItem(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    QString url;
    QString shown; // never the secret URL in messages
    if (const QString cred = ctx.param(m_credential); !cred.trimmed().isEmpty()) {
        url = ctx.credential(cred).field(u"url").trimmed();
        shown = QStringLiteral("the webhook in credential \"%1\"").arg(cred);
    } else {
        url = ctx.param(m_url, item, index).trimmed();
        shown = QUrl(url).adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString();
    }
    const QUrl u(url);
    if (url.isEmpty() || !u.isValid() || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")) || u.host().isEmpty())
        throw NodeError::param(m_url.name(), shown.isEmpty() ? url : shown, QStringLiteral("no http(s) webhook URL"));
    const QString service = ctx.param(m_service, item, index);
    const QString text = ctx.param(m_text, item, index);
    if (text.trimmed().isEmpty())
        throw NodeError::param(m_text.name(), text, QStringLiteral("the message is empty"));
    Value body = payload(service, ctx.param(m_title, item, index).trimmed(), text);
    if (service == QLatin1String("generic")) {
        Value custom = ctx.param(m_payload, item, index);
        if (custom.isString() && !custom.stringRef().trimmed().isEmpty()) {
            auto parsed = Json::parse(custom.stringRef().toUtf8());
            if (!parsed)
                throw NodeError::param(m_payload.name(), custom, QStringLiteral("not JSON: %1").arg(parsed.error().toString()));
            custom = *parsed;
        }
        if (custom.isObject() || custom.isArray())
            body = custom;
    }
    net::HttpRequest r;
    r.method = "POST";
    r.url = url;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = Json::serialize(body);
    r.timeoutMs = int(ctx.param(m_timeout, item, index) * 1000);
    r.cancel = &ctx.cancellation();
    auto response = net::sendExpectingSuccess(r);
    if (!response) {
        NodeError e = response.error().toNodeError();
        // The client's message names the URL, and a webhook URL is its own secret.
        QString message = e.message();
        message.replace(url, shown);
        throw NodeError(e.code(), message, e.retryable() ? NodeError::Retry::Yes : NodeError::Retry::No, e.retryAfterMs());
    }
}

} // namespace taskloom::nodes::connectors
