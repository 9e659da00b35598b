#include "HttpRequestNode.hpp"

#include "HttpResponseItems.hpp"
#include "OAuth2Client.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/Json.hpp"
#include "nodes/core/FieldPath.hpp"
#include "nodes/net/HttpClient.hpp"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

namespace taskloom::nodes::connectors {

using namespace engine;
using Pairs = QList<std::pair<QString, QString>>;
namespace R = HttpResponseItems;

struct HttpRequestNode::Call {
    net::HttpRequest request;
    QString baseUrl;
    Pairs query;
    QString format;
    QString output;
    QString itemsPath;
    QString binaryOutput;
    bool succeedOnErrorStatus = false;
    QString pagination;
    QString nextField;
    QString pageParam;
    qint64 firstPage = 1;
    QString cursorParam;
    QString cursorField;
    qint64 maxPages = 100;
};

struct HttpRequestNode::AuthCache {
    QHash<QString, QByteArray> oauth2Header; ///< credential name -> "Bearer <token>", fetched once per node call
};

namespace {

const QString paramQuery = QStringLiteral("query");

ParamSpec nameValueList(const QString& name, const QString& title)
{
    return ParamSpec::list(name, title, {ParamSpec::string(QStringLiteral("name"), QStringLiteral("Name")),
                                         ParamSpec::string(QStringLiteral("value"), QStringLiteral("Value"))});
}

/// The rows of a name/value list; a row with a value but no name is a mistake worth naming.
Pairs pairsOf(const QString& param, const Array& rows)
{
    Pairs out;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Object row = rows.at(i).toObject();
        const QString name = row.value(u"name").toText().trimmed();
        const QString value = row.value(u"value").toText();
        if (name.isEmpty()) {
            if (!value.isEmpty())
                throw NodeError::param(param, rows.at(i), QStringLiteral("row %1 has a value but no name").arg(i + 1));
            continue;
        }
        out.append({name, value});
    }
    return out;
}

void setPair(Pairs& pairs, const QString& name, const QString& value)
{
    for (auto& p : pairs) {
        if (p.first == name) {
            p.second = value;
            return;
        }
    }
    pairs.append({name, value});
}

bool hasHeader(const QList<net::Header>& headers, QByteArrayView name)
{
    return std::any_of(headers.begin(), headers.end(),
                       [&](const net::Header& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QString httpUrlProblem(const QString& url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (url.trimmed().isEmpty())
        return QStringLiteral("the URL is empty");
    if (!u.isValid())
        return QStringLiteral("not a valid URL (%1)").arg(u.errorString());
    const QString scheme = u.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("only http:// and https:// URLs are supported");
    if (u.host().isEmpty())
        return QStringLiteral("the URL names no host");
    return {};
}

BinaryRef itemBinary(const QString& param, const Item& item, const QString& name)
{
    BinaryRef b = item.binary(name);
    if (!b) {
        const QStringList names = item.binaries().keys();
        throw NodeError::param(param, name, names.isEmpty() ? QStringLiteral("the item has no binary attachments")
                                                            : QStringLiteral("the item has no binary of that name (it has: %1)")
                                                                  .arg(names.join(QStringLiteral(", "))),
                               QStringLiteral("BINARY_NOT_FOUND"));
    }
    return b;
}

QString fileNameFor(const net::HttpResponse& r)
{
    static const QRegularExpression quoted(QStringLiteral(R"re(filename\s*=\s*"([^"]+)")re"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bare(QStringLiteral(R"re(filename\s*=\s*([^;\s]+))re"), QRegularExpression::CaseInsensitiveOption);
    const QString disposition = QString::fromUtf8(r.header("Content-Disposition"));
    for (const auto* re : {&quoted, &bare}) {
        if (const auto m = re->match(disposition); m.hasMatch())
            return QFileInfo(m.captured(1)).fileName();
    }
    const QString last = QUrl(r.effectiveUrl).fileName();
    return last.isEmpty() ? QStringLiteral("download") : last;
}

QString mimeOf(const net::HttpResponse& r, const QString& fileName)
{
    QString type = QString::fromLatin1(r.header("Content-Type"));
    if (const qsizetype semi = type.indexOf(QLatin1Char(';')); semi >= 0)
        type.truncate(semi);
    type = type.trimmed();
    return type.isEmpty() ? Binary::mimeTypeForFileName(fileName) : type;
}

} // namespace

HttpRequestNode::HttpRequestNode()
{
    m_spec.type = QStringLiteral("connectors.httpRequest");
    m_spec.title = QStringLiteral("HTTP request");
    m_spec.category = QStringLiteral("Connectors");
    m_spec.description = QStringLiteral(
        "Calls a web API or downloads a file, once per incoming item. JSON answers become items (a list becomes one "
        "item per entry), text lands in \"body\", anything else becomes a binary attachment. Follows pagination.");
    m_spec.aliases = {QStringLiteral("api"), QStringLiteral("rest"), QStringLiteral("web"), QStringLiteral("download"),
                      QStringLiteral("fetch"), QStringLiteral("curl"), QStringLiteral("webhook")};
    m_spec.icon = QStringLiteral("network-server");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("One request per item")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Response"), {}}};
    m_spec.requirements = {QStringLiteral("network")};
    m_spec.credentialTypes = {QStringLiteral("usernamePassword"), QStringLiteral("token"), QStringLiteral("apiKey"),
                              QStringLiteral("oauth2ClientCredentials"), QStringLiteral("oauth2AuthorizationCode")};

    auto opts = [](QStringList values) {
        QList<ParamOption> o;
        for (const QString& v : values)
            o.append({v, v, {}});
        return o;
    };
    m_method = addParam<QString>(
        ParamSpec::choice(QStringLiteral("method"), QStringLiteral("Method"),
                          opts({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})));
    m_url = addParam<QString>(ParamSpec::string(QStringLiteral("url"), QStringLiteral("URL"))
                                  .required()
                                  .hint(QStringLiteral("https://api.example.com/v1/orders"))
                                  .describe(QStringLiteral("An http:// or https:// address.")));
    m_query = addParam<Array>(nameValueList(paramQuery, QStringLiteral("Query parameters"))
                                  .describe(QStringLiteral("Added to the URL, percent-encoded.")));
    m_headers = addParam<Array>(nameValueList(QStringLiteral("headers"), QStringLiteral("Headers")));

    const QList<ParamOption> bodyTypes = {
        {QStringLiteral("none"), QStringLiteral("None"), {}},
        {QStringLiteral("json"), QStringLiteral("JSON"), {}},
        {QStringLiteral("form"), QStringLiteral("Form (URL-encoded)"), {}},
        {QStringLiteral("multipart"), QStringLiteral("Multipart form (files)"), {}},
        {QStringLiteral("raw"), QStringLiteral("Raw text"), {}},
        {QStringLiteral("binary"), QStringLiteral("Binary attachment"), QStringLiteral("Sends one of the item's binaries as the body")}};
    m_bodyType = addParam<QString>(ParamSpec::choice(QStringLiteral("bodyType"), QStringLiteral("Body"), bodyTypes));
    m_jsonBody = addParam<Value>(ParamSpec::json(QStringLiteral("jsonBody"), QStringLiteral("JSON body"), Object())
                                     .visibleWhen(QStringLiteral("bodyType"), {QStringLiteral("json")})
                                     .describe(QStringLiteral("A JSON value, or text holding JSON (e.g. from an expression).")));
    m_formFields = addParam<Array>(
        ParamSpec::list(QStringLiteral("formFields"), QStringLiteral("Form fields"),
                        {ParamSpec::string(QStringLiteral("name"), QStringLiteral("Name")),
                         ParamSpec::string(QStringLiteral("value"), QStringLiteral("Value")),
                         ParamSpec::string(QStringLiteral("binary"), QStringLiteral("Binary (multipart)"))
                             .describe(QStringLiteral("Multipart only: send this item binary as a file instead of the value."))})
            .visibleWhen(QStringLiteral("bodyType"), {QStringLiteral("form"), QStringLiteral("multipart")}));
    m_rawBody = addParam<QString>(ParamSpec::text(QStringLiteral("rawBody"), QStringLiteral("Raw body"))
                                      .visibleWhen(QStringLiteral("bodyType"), {QStringLiteral("raw")}));
    m_contentType = addParam<QString>(ParamSpec::string(QStringLiteral("contentType"), QStringLiteral("Content type"))
                                          .defaults(QStringLiteral("text/plain; charset=utf-8"))
                                          .visibleWhen(QStringLiteral("bodyType"), {QStringLiteral("raw")}));
    m_bodyBinary = addParam<QString>(ParamSpec::string(QStringLiteral("bodyBinary"), QStringLiteral("Binary to send"))
                                         .defaults(QStringLiteral("data"))
                                         .visibleWhen(QStringLiteral("bodyType"), {QStringLiteral("binary")}));

    const QList<ParamOption> auths = {
        {QStringLiteral("none"), QStringLiteral("None"), {}},
        {QStringLiteral("basic"), QStringLiteral("Basic (user name and password)"), {}},
        {QStringLiteral("bearer"), QStringLiteral("Bearer token"), {}},
        {QStringLiteral("apiKeyHeader"), QStringLiteral("API key in a header"), {}},
        {QStringLiteral("apiKeyQuery"), QStringLiteral("API key in the query"), {}},
        {QStringLiteral("oauth2ClientCredentials"), QStringLiteral("OAuth2 client credentials"), {}},
        {QStringLiteral("oauth2AuthorizationCode"), QStringLiteral("OAuth2 authorization code (user sign-in)"),
         QStringLiteral("Tokens from taskloom credentials authorize, refreshed when they expire")}};
    m_auth = addParam<QString>(ParamSpec::choice(QStringLiteral("auth"), QStringLiteral("Authentication"), auths).noExpressions());
    m_basicCredential = addParam<QString>(ParamSpec::credential(QStringLiteral("basicCredential"), QStringLiteral("Credential"),
                                                                QStringLiteral("usernamePassword"))
                                              .visibleWhen(QStringLiteral("auth"), {QStringLiteral("basic")}));
    m_bearerCredential = addParam<QString>(ParamSpec::credential(QStringLiteral("bearerCredential"), QStringLiteral("Credential"),
                                                                 QStringLiteral("token"))
                                               .visibleWhen(QStringLiteral("auth"), {QStringLiteral("bearer")}));
    m_apiKeyCredential = addParam<QString>(ParamSpec::credential(QStringLiteral("apiKeyCredential"), QStringLiteral("Credential"),
                                                                 QStringLiteral("apiKey"))
                                               .visibleWhen(QStringLiteral("auth"), {QStringLiteral("apiKeyHeader"), QStringLiteral("apiKeyQuery")}));
    m_apiKeyName = addParam<QString>(ParamSpec::string(QStringLiteral("apiKeyName"), QStringLiteral("Key header / parameter name"))
                                         .visibleWhen(QStringLiteral("auth"), {QStringLiteral("apiKeyHeader"), QStringLiteral("apiKeyQuery")})
                                         .describe(QStringLiteral("Default: X-API-Key as a header, api_key in the query.")));
    m_oauth2Credential = addParam<QString>(ParamSpec::credential(QStringLiteral("oauth2Credential"), QStringLiteral("Credential"),
                                                                 QStringLiteral("oauth2ClientCredentials"))
                                               .visibleWhen(QStringLiteral("auth"), {QStringLiteral("oauth2ClientCredentials")}));
    m_oauth2UserCredential = addParam<QString>(ParamSpec::credential(QStringLiteral("oauth2UserCredential"), QStringLiteral("Credential"),
                                                                     QStringLiteral("oauth2AuthorizationCode"))
                                                   .visibleWhen(QStringLiteral("auth"), {QStringLiteral("oauth2AuthorizationCode")}));

    m_responseFormat = addParam<QString>(ParamSpec::choice(QStringLiteral("responseFormat"), QStringLiteral("Response format"),
                                                           {{QStringLiteral("auto"), QStringLiteral("From Content-Type"), {}},
                                                            {QStringLiteral("json"), QStringLiteral("JSON"), {}},
                                                            {QStringLiteral("text"), QStringLiteral("Text"), {}},
                                                            {QStringLiteral("binary"), QStringLiteral("File (binary)"), {}}}));
    m_output = addParam<QString>(
        ParamSpec::choice(QStringLiteral("output"), QStringLiteral("Output"),
                          {{QStringLiteral("body"), QStringLiteral("Body"), QStringLiteral("JSON as items, text under \"body\"")},
                           {QStringLiteral("full"), QStringLiteral("Full response"),
                            QStringLiteral("One item per response: status, url, headers, body")}}));
    m_itemsPath = addParam<QString>(ParamSpec::string(QStringLiteral("itemsPath"), QStringLiteral("Items path"))
                                        .hint(QStringLiteral("data.results"))
                                        .describe(QStringLiteral("Where the list of items is in a JSON answer; empty: the answer itself.")));
    m_binaryOutput = addParam<QString>(ParamSpec::string(QStringLiteral("binaryOutput"), QStringLiteral("Binary name"))
                                           .defaults(QStringLiteral("data"))
                                           .describe(QStringLiteral("The attachment name of a file answer.")));
    m_succeedOnErrorStatus = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("succeedOnErrorStatus"), QStringLiteral("Succeed on error status"), false)
            .describe(QStringLiteral("Emit 4xx / 5xx answers as full responses instead of failing.")));

    m_pagination = addParam<QString>(
        ParamSpec::choice(QStringLiteral("pagination"), QStringLiteral("Pagination"),
                          {{QStringLiteral("off"), QStringLiteral("Off"), {}},
                           {QStringLiteral("nextLink"), QStringLiteral("Next link"),
                            QStringLiteral("The Link header's rel=\"next\", or a URL in the answer")},
                           {QStringLiteral("pageNumber"), QStringLiteral("Page number"),
                            QStringLiteral("Counts a query parameter up until a page has no items")},
                           {QStringLiteral("cursor"), QStringLiteral("Cursor"),
                            QStringLiteral("Sends the answer's cursor back until it is empty")}}));
    m_nextField = addParam<QString>(ParamSpec::string(QStringLiteral("nextField"), QStringLiteral("Next link field"))
                                        .hint(QStringLiteral("links.next"))
                                        .visibleWhen(QStringLiteral("pagination"), {QStringLiteral("nextLink")})
                                        .describe(QStringLiteral("Empty: the Link header.")));
    m_pageParam = addParam<QString>(ParamSpec::string(QStringLiteral("pageParam"), QStringLiteral("Page parameter"))
                                        .defaults(QStringLiteral("page"))
                                        .visibleWhen(QStringLiteral("pagination"), {QStringLiteral("pageNumber")}));
    m_firstPage = addParam<qint64>(ParamSpec::integer(QStringLiteral("firstPage"), QStringLiteral("First page"), 1)
                                       .visibleWhen(QStringLiteral("pagination"), {QStringLiteral("pageNumber")}));
    m_cursorParam = addParam<QString>(ParamSpec::string(QStringLiteral("cursorParam"), QStringLiteral("Cursor parameter"))
                                          .defaults(QStringLiteral("cursor"))
                                          .visibleWhen(QStringLiteral("pagination"), {QStringLiteral("cursor")}));
    m_cursorField = addParam<QString>(ParamSpec::string(QStringLiteral("cursorField"), QStringLiteral("Cursor field"))
                                          .defaults(QStringLiteral("next_cursor"))
                                          .visibleWhen(QStringLiteral("pagination"), {QStringLiteral("cursor")}));
    m_maxPages = addParam<qint64>(ParamSpec::integer(QStringLiteral("maxPages"), QStringLiteral("Max pages"), 100)
                                      .range(1, 100000)
                                      .visibleWhen(QStringLiteral("pagination"),
                                                   {QStringLiteral("nextLink"), QStringLiteral("pageNumber"), QStringLiteral("cursor")}));

    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 30)
                                     .range(0, 86400)
                                     .describe(QStringLiteral("For each request; 0: no limit.")));
    m_followRedirects = addParam<bool>(ParamSpec::boolean(QStringLiteral("followRedirects"), QStringLiteral("Follow redirects"), true));
    m_maxRedirects = addParam<qint64>(ParamSpec::integer(QStringLiteral("maxRedirects"), QStringLiteral("Max redirects"), 10)
                                          .range(0, 100)
                                          .visibleWhen(QStringLiteral("followRedirects"), {true}));
    m_ignoreTlsErrors = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("ignoreTlsErrors"), QStringLiteral("Ignore TLS certificate errors"), false)
            .describe(QStringLiteral("Accept self-signed and mismatched certificates. Unsafe outside test systems.")));
    m_caFile = addParam<QString>(ParamSpec::file(QStringLiteral("caFile"), QStringLiteral("CA certificates (PEM)"))
                                     .describe(QStringLiteral("Trust these certificate authorities instead of the system's.")));

    m_spec.errors = {
        {QStringLiteral("HTTP_<status>"), QStringLiteral("The server answered with an error status (HTTP_404, HTTP_503, ...). "
                                                         "408, 425, 429 and 5xx are retryable and honour Retry-After."), true},
        {QStringLiteral("HTTP_TIMEOUT"), QStringLiteral("The request took longer than the timeout."), true},
        {QStringLiteral("HTTP_CONNECT"), QStringLiteral("The server could not be reached or the connection broke."), true},
        {QStringLiteral("HTTP_RESOLVE"), QStringLiteral("The host name could not be resolved."), true},
        {QStringLiteral("HTTP_TLS"), QStringLiteral("The TLS handshake or certificate check failed."), false},
        {QStringLiteral("HTTP_TOO_LARGE"), QStringLiteral("The answer is larger than 256 MB."), false},
        {QStringLiteral("HTTP_BAD_JSON"), QStringLiteral("The answer should be JSON but is not."), false},
        {QStringLiteral("OAUTH2_FAILED"), QStringLiteral("The OAuth2 token request failed."), false},
        {QStringLiteral("BINARY_NOT_FOUND"), QStringLiteral("The item has no binary of the name to send."), false},
        {QStringLiteral("INVALID_PARAMETER"), QStringLiteral("A URL, header or body that cannot be sent."), false},
        {QStringLiteral("CREDENTIAL_NOT_FOUND"), QStringLiteral("The selected credential is not in the vault."), false}};
}

QList<std::pair<QString, QString>> HttpRequestNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    const QString url = params.value(m_url.name()).toText();
    if (!url.isEmpty() && !url.contains(QLatin1String("{{")))
        if (const QString p = httpUrlProblem(url); !p.isEmpty())
            problems.append({m_url.name(), QStringLiteral("\"%1\": %2").arg(url, p)});
    return problems;
}

Exec HttpRequestNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    AuthCache auth;
    const ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            runItem(ctx, items[i], i, auth, out);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

HttpRequestNode::Call HttpRequestNode::resolve(ExecutionContext& ctx, const Item& item, qsizetype index, AuthCache& auth) const
{
    Call c;
    net::HttpRequest& r = c.request;
    r.method = ctx.param(m_method, item, index).trimmed().toUpper().toLatin1();
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    if (!token.match(QString::fromLatin1(r.method)).hasMatch())
        throw NodeError::param(m_method.name(), QString::fromLatin1(r.method), QStringLiteral("not an HTTP method"));
    c.baseUrl = ctx.param(m_url, item, index).trimmed();
    if (const QString p = httpUrlProblem(c.baseUrl); !p.isEmpty())
        throw NodeError::param(m_url.name(), c.baseUrl, p);
    c.query = pairsOf(m_query.name(), ctx.param(m_query, item, index));
    for (const auto& [name, value] : pairsOf(m_headers.name(), ctx.param(m_headers, item, index))) {
        if (!token.match(name).hasMatch())
            throw NodeError::param(m_headers.name(), name, QStringLiteral("not a valid header name"));
        if (value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')))
            throw NodeError::param(m_headers.name(), value, QStringLiteral("header \"%1\": a value cannot span lines").arg(name));
        r.headers.append({name.toLatin1(), value.toUtf8()});
    }
    addBody(ctx, item, index, c);
    addAuth(ctx, c, auth);

    c.format = ctx.param(m_responseFormat, item, index);
    c.output = ctx.param(m_output, item, index);
    c.itemsPath = ctx.param(m_itemsPath, item, index).trimmed();
    c.binaryOutput = ctx.param(m_binaryOutput, item, index).trimmed();
    if (c.binaryOutput.isEmpty())
        c.binaryOutput = QStringLiteral("data");
    c.succeedOnErrorStatus = ctx.param(m_succeedOnErrorStatus, item, index);
    c.pagination = ctx.param(m_pagination, item, index);
    c.nextField = ctx.param(m_nextField, item, index).trimmed();
    c.pageParam = ctx.param(m_pageParam, item, index).trimmed();
    c.firstPage = ctx.param(m_firstPage, item, index);
    c.cursorParam = ctx.param(m_cursorParam, item, index).trimmed();
    c.cursorField = ctx.param(m_cursorField, item, index).trimmed();
    c.maxPages = ctx.param(m_maxPages, item, index);
    if (c.pagination == QLatin1String("pageNumber") && c.pageParam.isEmpty())
        throw NodeError::param(m_pageParam.name(), c.pageParam, QStringLiteral("page-number pagination needs a parameter name"));
    if (c.pagination == QLatin1String("cursor") && (c.cursorParam.isEmpty() || c.cursorField.isEmpty()))
        throw NodeError::param(c.cursorParam.isEmpty() ? m_cursorParam.name() : m_cursorField.name(), QString(),
                               QStringLiteral("cursor pagination needs a parameter and a field"));

    const double timeout = ctx.param(m_timeout, item, index);
    if (timeout < 0)
        throw NodeError::param(m_timeout.name(), timeout, QStringLiteral("must not be negative"));
    r.timeoutMs = int(std::min(timeout, 86400.0) * 1000);
    r.followRedirects = ctx.param(m_followRedirects, item, index);
    r.maxRedirects = int(std::clamp<qint64>(ctx.param(m_maxRedirects, item, index), 0, 100));
    r.verifyTls = !ctx.param(m_ignoreTlsErrors, item, index);
    if (const QString ca = ctx.param(m_caFile, item, index).trimmed(); !ca.isEmpty()) {
        r.caFile = ctx.resolvePath(ca);
        if (!QFileInfo(r.caFile).isReadable())
            throw NodeError::param(m_caFile.name(), ca, QStringLiteral("cannot read the file (%1)").arg(r.caFile),
                                   QStringLiteral("FILE_NOT_FOUND"));
    }
    r.cancel = &ctx.cancellation();
    return c;
}

void HttpRequestNode::addBody(ExecutionContext& ctx, const Item& item, qsizetype index, Call& c) const
{
    net::HttpRequest& r = c.request;
    const QString type = ctx.param(m_bodyType, item, index);
    QByteArray contentType;
    if (type == QLatin1String("json")) {
        Value body = ctx.param(m_jsonBody, item, index);
        if (body.isString()) {
            auto parsed = Json::parse(body.stringRef().toUtf8());
            if (!parsed)
                throw NodeError::param(m_jsonBody.name(), body, QStringLiteral("not JSON: %1").arg(parsed.error().toString()));
            body = *parsed;
        }
        r.body = Json::serialize(body);
        contentType = "application/json";
    } else if (type == QLatin1String("form") || type == QLatin1String("multipart")) {
        const Array rows = ctx.param(m_formFields, item, index);
        Pairs fields;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Object row = rows.at(i).toObject();
            const QString name = row.value(u"name").toText().trimmed();
            const QString binary = row.value(u"binary").toText().trimmed();
            if (name.isEmpty())
                throw NodeError::param(m_formFields.name(), rows.at(i), QStringLiteral("row %1 has no name").arg(i + 1));
            if (type == QLatin1String("form")) {
                fields.append({name, row.value(u"value").toText()});
                continue;
            }
            net::FormPart part;
            part.name = name.toUtf8();
            if (binary.isEmpty()) {
                part.data = row.value(u"value").toText().toUtf8();
            } else {
                const BinaryRef b = itemBinary(m_formFields.name(), item, binary);
                part.fileName = (b->fileName().isEmpty() ? binary : b->fileName()).toUtf8();
                part.contentType = b->mimeType().toUtf8();
                if (b->isInMemory()) {
                    auto bytes = b->bytes();
                    if (!bytes)
                        throw NodeError(QStringLiteral("BINARY_NOT_FOUND"), bytes.error());
                    part.data = *bytes;
                } else {
                    part.filePath = b->filePath();
                }
            }
            r.form.append(std::move(part));
        }
        if (type == QLatin1String("form")) {
            r.body = R::formEncode(fields);
            contentType = "application/x-www-form-urlencoded";
        }
    } else if (type == QLatin1String("raw")) {
        r.body = ctx.param(m_rawBody, item, index).toUtf8();
        contentType = ctx.param(m_contentType, item, index).trimmed().toLatin1();
    } else if (type == QLatin1String("binary")) {
        const QString name = ctx.param(m_bodyBinary, item, index).trimmed();
        const BinaryRef b = itemBinary(m_bodyBinary.name(), item, name);
        auto bytes = b->bytes();
        if (!bytes)
            throw NodeError::param(m_bodyBinary.name(), name, bytes.error(), QStringLiteral("BINARY_NOT_FOUND"));
        r.body = *bytes;
        contentType = b->mimeType().toLatin1();
    } else if (type != QLatin1String("none")) {
        throw NodeError::param(m_bodyType.name(), type, QStringLiteral("unknown body type"));
    }
    if (!contentType.isEmpty() && !hasHeader(r.headers, "Content-Type"))
        r.headers.append({"Content-Type", contentType});
}

void HttpRequestNode::addAuth(ExecutionContext& ctx, Call& c, AuthCache& cache) const
{
    net::HttpRequest& r = c.request;
    const QString auth = ctx.param(m_auth);
    if (auth == QLatin1String("none"))
        return;
    if (auth == QLatin1String("basic")) {
        const Credential cred = ctx.credential(ctx.param(m_basicCredential));
        r.basicUser = cred.field(u"username");
        r.basicPassword = cred.field(u"password");
    } else if (auth == QLatin1String("bearer")) {
        const Credential cred = ctx.credential(ctx.param(m_bearerCredential));
        r.headers.append({"Authorization", "Bearer " + cred.field(u"token").toUtf8()});
    } else if (auth == QLatin1String("apiKeyHeader") || auth == QLatin1String("apiKeyQuery")) {
        const Credential cred = ctx.credential(ctx.param(m_apiKeyCredential));
        const bool header = auth == QLatin1String("apiKeyHeader");
        QString name = ctx.param(m_apiKeyName).trimmed();
        if (name.isEmpty())
            name = header ? QStringLiteral("X-API-Key") : QStringLiteral("api_key");
        if (header)
            r.headers.append({name.toLatin1(), cred.field(u"key").toUtf8()});
        else
            setPair(c.query, name, cred.field(u"key"));
    } else if (auth == QLatin1String("oauth2ClientCredentials")) {
        const QString name = ctx.param(m_oauth2Credential);
        auto it = cache.oauth2Header.constFind(name);
        if (it == cache.oauth2Header.cend()) {
            const auto token = OAuth2Client::clientCredentials(ctx.credential(name), &ctx.cancellation(),
                                                               r.timeoutMs > 0 ? r.timeoutMs : 30'000);
            it = cache.oauth2Header.insert(name, (token.tokenType + QLatin1Char(' ') + token.accessToken).toUtf8());
        }
        r.headers.append({"Authorization", it.value()});
    } else if (auth == QLatin1String("oauth2AuthorizationCode")) {
        r.headers.append({"Authorization", OAuth2Client::authorizationHeader(ctx, ctx.param(m_oauth2UserCredential),
                                                                             r.timeoutMs > 0 ? r.timeoutMs : 30'000)});
    } else {
        throw NodeError::param(m_auth.name(), auth, QStringLiteral("unknown authentication"));
    }
}

void HttpRequestNode::runItem(ExecutionContext& ctx, const Item& item, qsizetype index, AuthCache& auth, Outputs& out) const
{
    Call c = resolve(ctx, item, index, auth);
    const bool paged = c.pagination != QLatin1String("off");
    qint64 page = c.firstPage;
    if (c.pagination == QLatin1String("pageNumber"))
        setPair(c.query, c.pageParam, QString::number(page));
    QString url = R::withQuery(c.baseUrl, c.query);
    QString lastCursor;
    for (qint64 pages = 1;; ++pages) {
        ctx.checkCancelled();
        c.request.url = url;
        auto response = c.succeedOnErrorStatus ? net::send(c.request) : net::sendExpectingSuccess(c.request);
        if (!response)
            throw response.error().toNodeError();
        const net::HttpResponse& resp = *response;

        R::Format format = c.format == QLatin1String("json")     ? R::Format::Json
                           : c.format == QLatin1String("text")   ? R::Format::Text
                           : c.format == QLatin1String("binary") ? R::Format::Binary
                                                                 : R::detect(resp.header("Content-Type"));
        if (resp.body.isEmpty() && c.format == QLatin1String("auto"))
            format = R::Format::Text;
        const bool full = c.output == QLatin1String("full") || !resp.ok();
        Value json;
        if (format == R::Format::Json && !resp.body.isEmpty()) {
            auto parsed = Json::parse(resp.body);
            if (!parsed)
                throw NodeError(QStringLiteral("HTTP_BAD_JSON"),
                                QStringLiteral("%1 %2: the answer is not JSON: %3")
                                    .arg(QString::fromLatin1(c.request.method), url, parsed.error().toString()));
            json = *parsed;
        }
        qsizetype emitted = 0;
        BinaryRef binary;
        if (format == R::Format::Binary) {
            const QString fileName = fileNameFor(resp);
            binary = ctx.makeBinary(resp.body, mimeOf(resp, fileName), fileName);
        }
        if (full) {
            Object o{{QStringLiteral("status"), resp.status}, {QStringLiteral("url"), resp.effectiveUrl},
                     {QStringLiteral("headers"), R::headers(resp.headers)}};
            if (format == R::Format::Json)
                o.insert(QStringLiteral("body"), json);
            else if (format == R::Format::Text)
                o.insert(QStringLiteral("body"), QString::fromUtf8(resp.body));
            Item result(std::move(o));
            if (binary)
                result.setBinary(c.binaryOutput, binary);
            out.push(0, std::move(result));
            emitted = 1;
            if (format == R::Format::Json)
                emitted = R::split(json, c.itemsPath).value_or(QList<Object>()).size();
        } else if (resp.body.isEmpty()) {
            out.push(0, Item(Object{{QStringLiteral("status"), resp.status}}));
        } else if (format == R::Format::Json) {
            const auto items = R::split(json, c.itemsPath);
            if (!items)
                throw NodeError::param(m_itemsPath.name(), c.itemsPath,
                                       QStringLiteral("the answer from %1 has no list or object there").arg(url));
            for (const Object& o : *items)
                out.push(0, Item(o));
            emitted = items->size();
        } else if (format == R::Format::Text) {
            out.push(0, Item(Object{{QStringLiteral("body"), QString::fromUtf8(resp.body)}}));
            emitted = 1;
        } else {
            Item result(Object{{QStringLiteral("fileName"), binary->fileName()},
                               {QStringLiteral("mimeType"), binary->mimeType()},
                               {QStringLiteral("size"), binary->size()}});
            result.setBinary(c.binaryOutput, binary);
            out.push(0, std::move(result));
            emitted = 1;
        }

        if (!paged || !resp.ok())
            return;
        const bool needsJson = c.pagination != QLatin1String("nextLink") || !c.nextField.isEmpty();
        if (needsJson && format != R::Format::Json)
            throw NodeError::param(m_pagination.name(), c.pagination,
                                   QStringLiteral("this pagination reads the answer as JSON, but %1 answered %2")
                                       .arg(url, QString::fromLatin1(resp.header("Content-Type"))));
        const Object body = json.isObject() ? json.objectRef() : Object();
        QString next;
        if (c.pagination == QLatin1String("nextLink")) {
            const QString link = c.nextField.isEmpty() ? R::nextFromLinkHeader(resp.header("Link"), resp.effectiveUrl)
                                                       : core::FieldPath::parse(c.nextField).get(body).toText().trimmed();
            if (!link.isEmpty())
                next = QUrl(resp.effectiveUrl).resolved(QUrl(link)).toString(QUrl::FullyEncoded);
            if (next == url)
                next.clear(); // a server pointing at the same page would loop forever
        } else if (c.pagination == QLatin1String("pageNumber")) {
            if (emitted > 0) {
                setPair(c.query, c.pageParam, QString::number(++page));
                next = R::withQuery(c.baseUrl, c.query);
            }
        } else {
            const QString cursor = core::FieldPath::parse(c.cursorField).get(body).toText();
            if (!cursor.isEmpty() && cursor != lastCursor) {
                lastCursor = cursor;
                setPair(c.query, c.cursorParam, cursor);
                next = R::withQuery(c.baseUrl, c.query);
            }
        }
        if (next.isEmpty())
            return;
        if (pages >= c.maxPages) {
            ctx.log(LogLevel::Warning, QStringLiteral("stopped after %1 pages (Max pages); more remain at %2").arg(pages).arg(next));
            return;
        }
        if (const QString p = httpUrlProblem(next); !p.isEmpty())
            throw NodeError(QStringLiteral("HTTP_PROTOCOL"), QStringLiteral("next page link \"%1\" from %2: %3").arg(next, url, p));
        url = next;
    }
}

} // namespace taskloom::nodes::connectors
