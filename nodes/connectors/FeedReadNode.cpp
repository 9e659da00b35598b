#include "FeedReadNode.hpp"

#include "FeedParser.hpp"

#include "engine/ExecutionContext.hpp"
#include "nodes/core/FieldPath.hpp"
#include "nodes/net/HttpClient.hpp"

#include <QUrl>

namespace taskloom::nodes::connectors {

using namespace engine;

FeedReadNode::FeedReadNode()
{
    m_spec.type = QStringLiteral("connectors.feedRead");
    m_spec.title = QStringLiteral("RSS / Atom feed");
    m_spec.category = QStringLiteral("Connectors");
    m_spec.description = QStringLiteral("Reads an RSS or Atom feed and emits one item per entry: title, link, summary, "
                                        "content, published date (ISO 8601, UTC), id, author, categories.");
    m_spec.aliases = {QStringLiteral("rss"), QStringLiteral("atom"), QStringLiteral("news"), QStringLiteral("podcast")};
    m_spec.icon = QStringLiteral("application-rss+xml");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("One feed per item")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Entries"), {}}};
    m_spec.requirements = {QStringLiteral("network")};
    m_source = addParam<QString>(ParamSpec::choice(QStringLiteral("source"), QStringLiteral("Feed from"),
                                                   {{QStringLiteral("url"), QStringLiteral("URL"), {}},
                                                    {QStringLiteral("field"), QStringLiteral("A text field"), {}},
                                                    {QStringLiteral("binary"), QStringLiteral("A binary attachment"), {}}}));
    m_url = addParam<QString>(ParamSpec::string(QStringLiteral("url"), QStringLiteral("Feed URL"))
                                  .hint(QStringLiteral("https://example.com/feed.xml"))
                                  .visibleWhen(QStringLiteral("source"), {QStringLiteral("url")}));
    m_sourceField = addParam<QString>(ParamSpec::string(QStringLiteral("sourceField"), QStringLiteral("Field"))
                                          .defaults(QStringLiteral("body"))
                                          .visibleWhen(QStringLiteral("source"), {QStringLiteral("field")}));
    m_sourceBinary = addParam<QString>(ParamSpec::string(QStringLiteral("sourceBinary"), QStringLiteral("Binary"))
                                           .defaults(QStringLiteral("data"))
                                           .visibleWhen(QStringLiteral("source"), {QStringLiteral("binary")}));
    m_maxEntries = addParam<qint64>(ParamSpec::integer(QStringLiteral("maxEntries"), QStringLiteral("Max entries"), 0)
                                        .range(0, std::nullopt)
                                        .describe(QStringLiteral("0: all of them.")));
    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 30)
                                     .range(0, 3600)
                                     .visibleWhen(QStringLiteral("source"), {QStringLiteral("url")}));
    m_spec.errors = {{QStringLiteral("FEED_MALFORMED"), QStringLiteral("Not well-formed XML, or not an RSS / Atom feed."), false},
                     {QStringLiteral("FEED_SOURCE_MISSING"), QStringLiteral("The item has no such field or binary."), false},
                     {QStringLiteral("HTTP_<status>"), QStringLiteral("Fetching the feed failed (see HTTP request)."), true},
                     {QStringLiteral("INVALID_PARAMETER"), QStringLiteral("The URL is not http(s)."), false}};
}

Exec FeedReadNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            readItem(ctx, items[i], i, out);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

void FeedReadNode::readItem(ExecutionContext& ctx, const Item& item, qsizetype index, Outputs& out) const
{
    const QString source = ctx.param(m_source, item, index);
    QByteArray xml;
    QString where;
    if (source == QLatin1String("url")) {
        const QString url = ctx.param(m_url, item, index).trimmed();
        const QUrl u(url);
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty())
            throw NodeError::param(m_url.name(), url, QStringLiteral("not an http:// or https:// URL"));
        net::HttpRequest r;
        r.url = url;
        r.headers = {{"Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"}};
        r.timeoutMs = int(ctx.param(m_timeout, item, index) * 1000);
        r.cancel = &ctx.cancellation();
        r.maxResponseBytes = 64LL * 1024 * 1024;
        auto response = net::sendExpectingSuccess(r);
        if (!response)
            throw response.error().toNodeError();
        xml = response->body;
        where = url;
    } else if (source == QLatin1String("field")) {
        const QString field = ctx.param(m_sourceField, item, index).trimmed();
        const Value v = core::FieldPath::parse(field).get(item.json());
        if (!v.isString())
            throw NodeError::param(m_sourceField.name(), field, QStringLiteral("the item has no text in this field"),
                                   QStringLiteral("FEED_SOURCE_MISSING"));
        xml = v.stringRef().toUtf8();
        where = QStringLiteral("field \"%1\"").arg(field);
    } else {
        const QString name = ctx.param(m_sourceBinary, item, index).trimmed();
        const BinaryRef b = item.binary(name);
        auto bytes = b ? b->bytes() : std::expected<QByteArray, QString>(std::unexpected(QStringLiteral("the item has no binary of that name")));
        if (!bytes)
            throw NodeError::param(m_sourceBinary.name(), name, bytes.error(), QStringLiteral("FEED_SOURCE_MISSING"));
        xml = *bytes;
        where = QStringLiteral("binary \"%1\"").arg(name);
    }
    auto feed = FeedParser::parse(xml);
    if (!feed)
        throw NodeError(QStringLiteral("FEED_MALFORMED"), QStringLiteral("feed %1: %2").arg(where, feed.error()));
    const qint64 max = ctx.param(m_maxEntries, item, index);
    qint64 n = 0;
    for (Object e : feed->entries) {
        if (max > 0 && n++ >= max)
            break;
        e.insert(QStringLiteral("feedTitle"), feed->title);
        out.push(0, Item(std::move(e)));
    }
}

} // namespace taskloom::nodes::connectors
