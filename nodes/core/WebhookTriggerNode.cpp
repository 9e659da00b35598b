#include "WebhookTriggerNode.hpp"

#include "TriggerEvent.hpp"

#include <QRegularExpression>

namespace taskloom::nodes::core {

using namespace engine;

WebhookTriggerNode::WebhookTriggerNode()
{
    m_spec.type = QString::fromLatin1(typeName);
    m_spec.title = QStringLiteral("Webhook Trigger");
    m_spec.category = QStringLiteral("Triggers");
    m_spec.description = QStringLiteral(
        "Starts the flow while `taskloom daemon` runs when an HTTP request arrives at "
        "http://<listen address>/webhook/<path> with the right token (Authorization: Bearer <token>, or the "
        "X-Taskloom-Token header). Emits one item: method, path, query, headers, body (parsed when it is JSON) and "
        "bodyText. Requests that are too large or too slow are refused and never start a run.");
    m_spec.aliases = {QStringLiteral("http"), QStringLiteral("hook"), QStringLiteral("callback"), QStringLiteral("api")};
    m_spec.icon = QStringLiteral("network-server");
    m_spec.trigger = true;
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    addParam<QString>(ParamSpec::string(QStringLiteral("path"), QStringLiteral("Path"))
                          .required()
                          .hint(QStringLiteral("orders/new"))
                          .describe(QStringLiteral("letters, digits, '-', '_', '.' and '/'; unique among the daemon's flows"))
                          .noExpressions());
    addParam<QString>(ParamSpec::choice(QStringLiteral("method"), QStringLiteral("Method"),
                                        {{QStringLiteral("POST"), QStringLiteral("POST"), {}},
                                         {QStringLiteral("GET"), QStringLiteral("GET"), {}},
                                         {QStringLiteral("PUT"), QStringLiteral("PUT"), {}},
                                         {QStringLiteral("ANY"), QStringLiteral("Any method"), {}}})
                          .noExpressions());
    addParam<QString>(ParamSpec::credential(QStringLiteral("token"), QStringLiteral("Token"), QStringLiteral("token"))
                          .describe(QStringLiteral("empty: the daemon's token (<data dir>/daemon/token)")));
    addParam<qint64>(ParamSpec::integer(QStringLiteral("responseStatus"), QStringLiteral("Response status"), 202)
                         .range(200, 299)
                         .noExpressions());
    addParam<QString>(ParamSpec::text(QStringLiteral("responseBody"), QStringLiteral("Response body"))
                          .describe(QStringLiteral("empty: {\"runId\": \"...\"}"))
                          .noExpressions());
    addParam<QString>(ParamSpec::string(QStringLiteral("responseContentType"), QStringLiteral("Response content type"))
                          .defaults(QStringLiteral("application/json"))
                          .noExpressions());
}

std::expected<WebhookTriggerNode::Settings, QString> WebhookTriggerNode::settings(const Object& params) const
{
    const auto p = [&](const char* name) { return TriggerEvent::param(m_spec, params, QString::fromLatin1(name)); };
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$"));
    Settings s;
    const QString path = p("path").toText().trimmed();
    s.path = path;
    while (s.path.startsWith(u'/'))
        s.path.remove(0, 1);
    while (s.path.endsWith(u'/'))
        s.path.chop(1);
    if (!valid.match(s.path).hasMatch() || s.path.contains(QStringLiteral("..")))
        return std::unexpected(QStringLiteral("parameter \"path\" = \"%1\": use letters, digits, '-', '_', '.' and '/'").arg(path));
    s.method = p("method").toText().toUpper();
    if (s.method != u"POST" && s.method != u"GET" && s.method != u"PUT" && s.method != u"ANY")
        return std::unexpected(QStringLiteral("parameter \"method\" = \"%1\": use POST, GET, PUT or ANY").arg(s.method));
    s.credential = p("token").toText().trimmed();
    const qint64 status = p("responseStatus").toInt(202);
    if (status < 200 || status > 299)
        return std::unexpected(QStringLiteral("parameter \"responseStatus\" = %1: use a 2xx status").arg(status));
    s.responseStatus = int(status);
    s.responseBody = p("responseBody").toText();
    s.responseContentType = p("responseContentType").toText();
    if (s.responseContentType.contains(u'\n') || s.responseContentType.contains(u'\r'))
        return std::unexpected(QStringLiteral("parameter \"responseContentType\": no line breaks"));
    return s;
}

QList<std::pair<QString, QString>> WebhookTriggerNode::checkParams(const Object& params) const
{
    auto s = settings(params);
    if (s)
        return {};
    const QString& m = s.error();
    return {{m.section(u'"', 1, 1), m.mid(m.indexOf(u':') + 2)}};
}

std::unique_ptr<NodeInstance> WebhookTriggerNode::instantiate() const
{
    return TriggerEvent::emitter();
}

} // namespace taskloom::nodes::core
