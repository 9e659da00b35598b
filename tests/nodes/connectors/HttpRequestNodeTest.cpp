#include "ConnectorTestSupport.hpp"

#include "LoopbackHttpServer.hpp"

#include <QElapsedTimer>
#include <QUrlQuery>

using namespace taskloom;
using namespace taskloom::engine;
using Server = tests::LoopbackHttpServer;

namespace {

class HttpRequestNode : public tests::ConnectorFixture {
protected:
    RunResult call(Object params, ItemList input = {})
    {
        return runOne(QStringLiteral("connectors.httpRequest"), std::move(params), std::move(input));
    }
    static QString url(const Server& s, const char* path) { return QString::fromUtf8(s.url(path)); }
};

Object row(const QString& name, const QString& value) { return Object{{"name", name}, {"value", value}}; }

} // namespace

TEST_F(HttpRequestNode, GetJsonListBecomesItemsWithQueryAndHeaders)
{
    Server server([](const Server::Request&) { return Server::Reply::json(R"([{"id":1,"b":"x"},{"id":2},3])"); });
    const RunResult r = call({{"url", url(server, "/orders?status=open")},
                              {"query", Array{row("q", "a b&c"), row("lang", "ko")}},
                              {"headers", Array{row("X-Trace", "t1"), row("Accept", "application/json")}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"id":1,"b":"x"},{"id":2},{"value":3}])");
    const auto req = server.requests().value(0);
    EXPECT_EQ(req.method, "GET");
    EXPECT_EQ(req.target, "/orders?status=open&q=a%20b%26c&lang=ko");
    EXPECT_EQ(req.header("X-Trace"), "t1");
}

TEST_F(HttpRequestNode, ItemsPathAndFullResponse)
{
    Server server([](const Server::Request&) {
        auto reply = Server::Reply::json(R"({"data":{"rows":[{"a":1},{"a":2}]},"total":2})");
        reply.headers.emplaceBack("X-Rate", "9");
        return reply;
    });
    RunResult r = call({{"url", url(server, "/x")}, {"itemsPath", "data.rows"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"a":1},{"a":2}])");

    r = call({{"url", url(server, "/x")}, {"output", "full"}});
    ASSERT_EQ(r.output.size(), 1);
    const Object o = r.output[0].json();
    EXPECT_EQ(o.value(u"status").toInt(), 200);
    EXPECT_EQ(o.value(u"headers").objectRef().value(u"x-rate").toText(), "9");
    EXPECT_EQ(o.value(u"body").objectRef().value(u"total").toInt(), 2);
    EXPECT_EQ(o.value(u"url").toText(), url(server, "/x"));

    r = call({{"url", url(server, "/x")}, {"itemsPath", "data.nothing"}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(QStringLiteral("itemsPath"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("data.nothing"))) << r.error.toStdString();
}

TEST_F(HttpRequestNode, JsonFormRawAndBinaryBodies)
{
    Server server([](const Server::Request&) { return Server::Reply::text("ok"); });
    RunResult r = call({{"method", "POST"}, {"url", url(server, "/j")}, {"bodyType", "json"},
                        {"jsonBody", Object{{"name", "Ann"}, {"tags", Array{1, 2}}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"body":"ok"}])");
    auto req = server.requests().last();
    EXPECT_EQ(req.body, R"({"name":"Ann","tags":[1,2]})");
    EXPECT_EQ(req.header("Content-Type"), "application/json");

    r = call({{"method", "PUT"}, {"url", url(server, "/j")}, {"bodyType", "json"}, {"jsonBody", "{\"k\": [true]}"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(server.requests().last().body, R"({"k":[true]})");
    EXPECT_EQ(server.requests().last().method, "PUT");

    r = call({{"method", "POST"}, {"url", url(server, "/j")}, {"bodyType", "json"}, {"jsonBody", "{broken"}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(QStringLiteral("jsonBody"))) << r.error.toStdString();

    r = call({{"method", "POST"}, {"url", url(server, "/f")}, {"bodyType", "form"},
              {"formFields", Array{row("a", "1 2"), row("b", "x&y=z")}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    req = server.requests().last();
    EXPECT_EQ(req.body, "a=1%202&b=x%26y%3Dz");
    EXPECT_EQ(req.header("Content-Type"), "application/x-www-form-urlencoded");

    r = call({{"method", "PATCH"}, {"url", url(server, "/r")}, {"bodyType", "raw"}, {"rawBody", "<x/>"},
              {"contentType", "application/xml"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    req = server.requests().last();
    EXPECT_EQ(req.body, "<x/>");
    EXPECT_EQ(req.header("Content-Type"), "application/xml");

    Item withFile(Object{{"n", 1}});
    withFile.setBinary(QStringLiteral("scan"), *Binary::fromBytes("PNGDATA", "image/png", "scan.png"));
    r = call({{"method", "POST"}, {"url", url(server, "/b")}, {"bodyType", "binary"}, {"bodyBinary", "scan"}}, {withFile});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    req = server.requests().last();
    EXPECT_EQ(req.body, "PNGDATA");
    EXPECT_EQ(req.header("Content-Type"), "image/png");

    r = call({{"method", "POST"}, {"url", url(server, "/m")}, {"bodyType", "multipart"},
              {"formFields", Array{row("note", "hi"), Object{{"name", "file"}, {"binary", "scan"}}}}},
             {withFile});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    req = server.requests().last();
    EXPECT_TRUE(req.header("Content-Type").startsWith("multipart/form-data"));
    EXPECT_TRUE(req.body.contains("name=\"note\"\r\n\r\nhi"));
    EXPECT_TRUE(req.body.contains("name=\"file\"; filename=\"scan.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA"))
        << req.body.constData();

    r = call({{"method", "POST"}, {"url", url(server, "/b")}, {"bodyType", "binary"}, {"bodyBinary", "nope"}}, {withFile});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "BINARY_NOT_FOUND");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"nope\""))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("scan"))) << r.error.toStdString();
}

TEST_F(HttpRequestNode, BasicBearerAndApiKeyAuthFromTheVault)
{
    m_credentials.put({"svc", "usernamePassword", {{"username", "ann"}, {"password", "s3:cret"}}});
    m_credentials.put({"tok", "token", {{"token", "abc.def"}}});
    m_credentials.put({"key", "apiKey", {{"key", "K-123"}}});
    Server server([](const Server::Request&) { return Server::Reply::text("ok"); });

    ASSERT_EQ(call({{"url", url(server, "/a")}, {"auth", "basic"}, {"basicCredential", "svc"}}).status, RunStatus::Succeeded);
    EXPECT_EQ(server.requests().last().header("Authorization"), "Basic " + QByteArray("ann:s3:cret").toBase64());
    ASSERT_EQ(call({{"url", url(server, "/a")}, {"auth", "bearer"}, {"bearerCredential", "tok"}}).status, RunStatus::Succeeded);
    EXPECT_EQ(server.requests().last().header("Authorization"), "Bearer abc.def");
    ASSERT_EQ(call({{"url", url(server, "/a")}, {"auth", "apiKeyHeader"}, {"apiKeyCredential", "key"}}).status, RunStatus::Succeeded);
    EXPECT_EQ(server.requests().last().header("X-API-Key"), "K-123");
    ASSERT_EQ(call({{"url", url(server, "/a?x=1")}, {"auth", "apiKeyQuery"}, {"apiKeyCredential", "key"}, {"apiKeyName", "token"}}).status,
              RunStatus::Succeeded);
    EXPECT_EQ(server.requests().last().target, "/a?x=1&token=K-123");

    const RunResult missing = call({{"url", url(server, "/a")}, {"auth", "bearer"}, {"bearerCredential", "gone"}});
    EXPECT_EQ(missing.status, RunStatus::Failed);
    EXPECT_EQ(missing.errorCode, "CREDENTIAL_NOT_FOUND");
    EXPECT_TRUE(missing.error.contains(QStringLiteral("gone"))) << missing.error.toStdString();
}

TEST_F(HttpRequestNode, OAuth2ClientCredentialsFetchesATokenOncePerCall)
{
    Server server([](const Server::Request& req) {
        if (req.path() == "/token") {
            if (req.header("Authorization") != "Basic " + QByteArray("cid:csecret").toBase64())
                return Server::Reply::json(R"({"error":"invalid_client","error_description":"bad secret"})", 401);
            if (!req.body.contains("grant_type=client_credentials") || !req.body.contains("scope=read%20write"))
                return Server::Reply::json(R"({"error":"invalid_request"})", 400);
            return Server::Reply::json(R"({"access_token":"AT-1","token_type":"bearer","expires_in":3600})");
        }
        if (req.header("Authorization") != "Bearer AT-1")
            return Server::Reply::text("no", 401);
        return Server::Reply::json(R"({"ok":true})");
    });
    m_credentials.put({"oa", "oauth2ClientCredentials",
                       {{"tokenUrl", url(server, "/token")}, {"clientId", "cid"}, {"clientSecret", "csecret"}, {"scope", "read write"}}});
    const ItemList two = {Item(Object{{"i", 1}}), Item(Object{{"i", 2}})};
    RunResult r = call({{"url", url(server, "/api")}, {"auth", "oauth2ClientCredentials"}, {"oauth2Credential", "oa"}}, two);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"ok":true},{"ok":true}])");
    int tokenCalls = 0;
    for (const auto& req : server.requests())
        tokenCalls += req.path() == "/token";
    EXPECT_EQ(tokenCalls, 1);

    m_credentials.put({"oa", "oauth2ClientCredentials",
                       {{"tokenUrl", url(server, "/token")}, {"clientId", "cid"}, {"clientSecret", "wrong"}}});
    r = call({{"url", url(server, "/api")}, {"auth", "oauth2ClientCredentials"}, {"oauth2Credential", "oa"}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "OAUTH2_FAILED");
    EXPECT_TRUE(r.error.contains(QStringLiteral("invalid_client: bad secret"))) << r.error.toStdString();
}

TEST_F(HttpRequestNode, ErrorStatusesNameTheUrlAndRetryableOnesRetry)
{
    int calls = 0;
    Server server([&calls](const Server::Request& req) {
        if (req.path() == "/missing")
            return Server::Reply::text("no such order\nmore", 404);
        if (++calls < 3) {
            auto r = Server::Reply::text("busy", 503);
            r.headers.emplaceBack("Retry-After", "0");
            return r;
        }
        return Server::Reply::json(R"({"done":true})");
    });
    RunResult r = call({{"url", url(server, "/missing")}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "HTTP_404");
    EXPECT_TRUE(r.error.contains(QStringLiteral("GET %1").arg(url(server, "/missing")))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("no such order"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"N\""))) << "names the node: " << r.error.toStdString();

    r = call({{"url", url(server, "/missing")}, {"succeedOnErrorStatus", true}});
    ASSERT_EQ(r.status, RunStatus::Succeeded);
    EXPECT_EQ(r.output[0].json().value(u"status").toInt(), 404);
    EXPECT_EQ(r.output[0].json().value(u"body").toText(), "no such order\nmore");

    // 503 is retryable: the executor's retry policy (and only it) tries again.
    m_flow = {};
    add("Start", "core.manualTrigger");
    add("N", "connectors.httpRequest", {{"url", url(server, "/busy")}});
    node("N").settings.retry = RetryPolicy{3, 10, 1, 100};
    chain({"Start", "N"});
    r = run();
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"done":true}])");
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(r.nodes[1].attempts, 3);

    // Without a retry policy the node fails once: the client never loops on its own.
    calls = 0;
    r = call({{"url", url(server, "/busy")}});
    EXPECT_EQ(r.errorCode, "HTTP_503");
    EXPECT_EQ(calls, 1);
}

TEST_F(HttpRequestNode, UnreachableTimeoutsAndBadUrls)
{
    quint16 closedPort = 0;
    {
        Server gone([](const Server::Request&) { return Server::Reply::text("x"); });
        closedPort = gone.port();
    }
    RunResult r = call({{"url", QStringLiteral("http://127.0.0.1:%1/x").arg(closedPort)}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "HTTP_CONNECT");
    EXPECT_TRUE(r.error.contains(QStringLiteral("127.0.0.1:%1").arg(closedPort))) << r.error.toStdString();

    Server slow([](const Server::Request&) {
        auto reply = Server::Reply::text("late");
        reply.delayMs = 5000;
        return reply;
    });
    QElapsedTimer clock;
    clock.start();
    r = call({{"url", url(slow, "/slow")}, {"timeout", 0.5}});
    EXPECT_EQ(r.errorCode, "HTTP_TIMEOUT") << r.error.toStdString();
    EXPECT_LT(clock.elapsed(), 4000);
    slow.stop();

    r = call({{"url", "ftp://example.com/file"}});
    EXPECT_EQ(r.errorCode, "INVALID_PARAMETER");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"url\""))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("ftp://example.com/file"))) << r.error.toStdString();

    r = call({{"url", "http://127.0.0.1:1/"}, {"headers", Array{row("Bad Header", "x")}}});
    EXPECT_EQ(r.errorCode, "INVALID_PARAMETER");
    EXPECT_TRUE(r.error.contains(QStringLiteral("Bad Header"))) << r.error.toStdString();

    // Continue on error: the failed item goes on with its error, the good one with its answer.
    Server ok([](const Server::Request& req) {
        return req.path() == "/bad" ? Server::Reply::text("nope", 400) : Server::Reply::json(R"({"fine":1})");
    });
    m_flow = {};
    add("Start", "core.manualTrigger");
    add("N", "connectors.httpRequest", {{"url", QString::fromUtf8(ok.url("/")) + "{{ item.path }}"}}, OnError::Continue);
    chain({"Start", "N"});
    // Parameters are literal here (no expression engine): each item asks for the literal URL, so use two nodes instead.
    m_flow.nodes[1].params.insert("url", url(ok, "/bad"));
    r = run({Item(Object{{"p", 1}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 1);
    EXPECT_EQ(r.output[0].json().value(u"p").toInt(), 1);
    EXPECT_TRUE(r.output[0].json().value(u"error").toText().contains(QStringLiteral("400"))) << json(r.output).toStdString();
}

TEST_F(HttpRequestNode, RedirectsFollowedOrNot)
{
    Server server([](const Server::Request& req) {
        if (req.path() == "/old") {
            Server::Reply r;
            r.status = 301;
            r.headers.emplaceBack("Location", "/new");
            return r;
        }
        return Server::Reply::json(R"({"at":"new"})");
    });
    RunResult r = call({{"url", url(server, "/old")}, {"output", "full"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output[0].json().value(u"url").toText(), url(server, "/new"));
    r = call({{"url", url(server, "/old")}, {"followRedirects", false}, {"succeedOnErrorStatus", true}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output[0].json().value(u"status").toInt(), 301);
    r = call({{"url", url(server, "/old")}, {"followRedirects", false}});
    EXPECT_EQ(r.errorCode, "HTTP_301");
}

TEST_F(HttpRequestNode, BinaryAndTextAnswers)
{
    Server server([](const Server::Request& req) {
        if (req.path() == "/report") {
            Server::Reply r;
            r.body = QByteArray("%PDF-1.4\x00\x01", 10);
            r.headers = {{"Content-Type", "application/pdf"}, {"Content-Disposition", "attachment; filename=\"q3 report.pdf\""}};
            return r;
        }
        Server::Reply r;
        r.body = "<p>hello</p>";
        r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
        return r;
    });
    RunResult r = call({{"url", url(server, "/report")}, {"binaryOutput", "pdf"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 1);
    EXPECT_EQ(json(r.output), R"([{"fileName":"q3 report.pdf","mimeType":"application/pdf","size":10}])");
    const BinaryRef b = r.output[0].binary(QStringLiteral("pdf"));
    ASSERT_TRUE(b);
    EXPECT_EQ(*b->bytes(), QByteArray("%PDF-1.4\x00\x01", 10));

    r = call({{"url", url(server, "/page")}});
    EXPECT_EQ(json(r.output), R"([{"body":"<p>hello</p>"}])");
    r = call({{"url", url(server, "/page")}, {"responseFormat", "json"}});
    EXPECT_EQ(r.errorCode, "HTTP_BAD_JSON");
    r = call({{"url", url(server, "/page")}, {"responseFormat", "binary"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded);
    EXPECT_EQ(r.output[0].json().value(u"fileName").toText(), "page");
}

TEST_F(HttpRequestNode, PaginationByLinkHeaderNextFieldPageNumberAndCursor)
{
    Server server([](const Server::Request& req) {
        const QUrlQuery q(QString::fromUtf8(req.target.mid(req.target.indexOf('?') + 1)));
        if (req.path() == "/link") {
            const int page = q.queryItemValue("p").isEmpty() ? 1 : q.queryItemValue("p").toInt();
            auto r = Server::Reply::json(QByteArray("[{\"page\":") + QByteArray::number(page) + "}]");
            if (page < 3)
                r.headers.emplaceBack("Link", "</link?p=" + QByteArray::number(page + 1) + ">; rel=\"next\", </link?p=3>; rel=\"last\"");
            return r;
        }
        if (req.path() == "/field") {
            const int page = q.queryItemValue("p").isEmpty() ? 1 : q.queryItemValue("p").toInt();
            QByteArray next = page < 2 ? "\"/field?p=" + QByteArray::number(page + 1) + "\"" : "null";
            return Server::Reply::json("{\"items\":[{\"n\":" + QByteArray::number(page) + "}],\"links\":{\"next\":" + next + "}}");
        }
        if (req.path() == "/pages") {
            const int page = q.queryItemValue("page").toInt();
            return Server::Reply::json(page <= 2 ? "{\"data\":[{\"page\":" + QByteArray::number(page) + "}]}" : "{\"data\":[]}");
        }
        if (req.path() == "/cursor") {
            const QString c = q.queryItemValue("after");
            if (c.isEmpty())
                return Server::Reply::json(R"({"rows":[{"r":"a"}],"meta":{"next":"c1"}})");
            if (c == "c1")
                return Server::Reply::json(R"({"rows":[{"r":"b"}],"meta":{"next":"c2"}})");
            return Server::Reply::json(R"({"rows":[{"r":"c"}],"meta":{"next":""}})");
        }
        return Server::Reply::json(R"([{"loop":1}])");
    });
    RunResult r = call({{"url", url(server, "/link")}, {"pagination", "nextLink"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"page":1},{"page":2},{"page":3}])");

    r = call({{"url", url(server, "/field")}, {"pagination", "nextLink"}, {"nextField", "links.next"}, {"itemsPath", "items"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"n":1},{"n":2}])");

    r = call({{"url", url(server, "/pages")}, {"pagination", "pageNumber"}, {"itemsPath", "data"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"page":1},{"page":2}])");
    EXPECT_EQ(server.requests().last().target, "/pages?page=3");

    r = call({{"url", url(server, "/cursor")}, {"pagination", "cursor"}, {"cursorParam", "after"},
              {"cursorField", "meta.next"}, {"itemsPath", "rows"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"r":"a"},{"r":"b"},{"r":"c"}])");

    r = call({{"url", url(server, "/link")}, {"pagination", "nextLink"}, {"maxPages", 2}});
    EXPECT_EQ(json(r.output), R"([{"page":1},{"page":2}])");
    EXPECT_TRUE(m_logs.messages.join('\n').contains(QStringLiteral("stopped after 2 pages"))) << m_logs.messages.join('\n').toStdString();

    // An endless page-number API stops at Max pages rather than looping forever.
    r = call({{"url", url(server, "/endless")}, {"pagination", "pageNumber"}, {"maxPages", 5}});
    EXPECT_EQ(r.output.size(), 5);
}
