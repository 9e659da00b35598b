// taskloom credentials add / list / remove, in key-file mode (TASKLOOM_VAULT_KEY_FILE): values come from standard
// input, listings never show them, and nothing stores them in plain text.

#include "CliTestSupport.hpp"

#include "LoopbackHttpServer.hpp"
#include "nodes/net/HttpClient.hpp"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <thread>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace taskloom::tests {

namespace {

const QByteArray tokenSecret = "ghp-Tok3n-CLI-7c1e5b";
const QByteArray passwordSecret = "pw-Hunter2-CLI-42aa";
const QByteArray apiKeySecret = "ak-live-CLI-9f8e7d6c";

class CliCredentialsTest : public CliTest {
protected:
    CliResult add(const QString& name, const QString& type, const QByteArray& input, const QStringList& extra = {}) const
    {
        return run(QStringList{QStringLiteral("credentials"), QStringLiteral("add"), name, QStringLiteral("--type"), type} + extra, input);
    }

    /// The bytes of every file below `folder`.
    static QByteArray allBytes(const QString& folder)
    {
        QByteArray bytes;
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        return bytes;
    }
};

} // namespace

TEST_F(CliCredentialsTest, AddListRemove)
{
    // The value alone, for a type with one field; a JSON object; field=value lines.
    CliResult r = add(QStringLiteral("github"), QStringLiteral("token"), tokenSecret + '\n');
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_EQ(r.outText(), QStringLiteral("saved credential \"github\" (token)\n"));
    r = add(QStringLiteral("database"), QStringLiteral("usernamePassword"), R"({"username": "report-bot", "password": ")" + passwordSecret + "\"}");
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    r = add(QStringLiteral("weather"), QStringLiteral("apiKey"), "key=" + apiKeySecret + '\n');
    EXPECT_EQ(r.exitCode, 0) << r.describe();

    // Key-file mode: the key went where TASKLOOM_VAULT_KEY_FILE says, the vault into the data folder.
    EXPECT_TRUE(QFileInfo::exists(keyFile()));
    EXPECT_TRUE(QFileInfo::exists(dataDir() + QStringLiteral("/credentials.vault")));

    const CliResult list = run({QStringLiteral("credentials"), QStringLiteral("list")});
    EXPECT_EQ(list.exitCode, 0) << list.describe();
    const QStringList lines = list.outText().split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << list.describe();
    EXPECT_EQ(lines[0].simplified(), QStringLiteral("database usernamePassword"));
    EXPECT_EQ(lines[1].simplified(), QStringLiteral("github token"));
    EXPECT_EQ(lines[2].simplified(), QStringLiteral("weather apiKey"));
    for (const QByteArray& secret : {tokenSecret, passwordSecret, apiKeySecret}) {
        EXPECT_FALSE(list.out.contains(secret) || list.err.contains(secret)) << list.describe();
        EXPECT_FALSE(allBytes(dataDir()).contains(secret)) << "stored encrypted: " << secret.toStdString();
    }

    r = run({QStringLiteral("credentials"), QStringLiteral("remove"), QStringLiteral("github")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_EQ(r.outText(), QStringLiteral("removed credential \"github\"\n"));
    const CliResult after = run({QStringLiteral("credentials"), QStringLiteral("list")});
    EXPECT_FALSE(after.outText().contains(QStringLiteral("github"))) << after.describe();
    EXPECT_TRUE(after.outText().contains(QStringLiteral("database"))) << after.describe();

    r = run({QStringLiteral("credentials"), QStringLiteral("remove"), QStringLiteral("github")});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    ASSERT_EQ(r.errLines().size(), 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("\"github\""))) << r.describe();
}

TEST_F(CliCredentialsTest, ReplacingKeepsOneEntry)
{
    EXPECT_EQ(add(QStringLiteral("github"), QStringLiteral("token"), "first-value-1234").exitCode, 0);
    EXPECT_EQ(add(QStringLiteral("github"), QStringLiteral("apiKey"), "second-value-5678").exitCode, 0);
    const CliResult list = run({QStringLiteral("credentials"), QStringLiteral("list")});
    EXPECT_EQ(list.outText().simplified(), QStringLiteral("github apiKey")) << list.describe();
}

TEST_F(CliCredentialsTest, BadInputIsRefusedBeforeTheVaultOpens)
{
    struct Case {
        const char* name;
        QString type;
        QByteArray input;
        QString message;
    };
    const QList<Case> cases{
        {"unknown type", QStringLiteral("carrierPigeon"), "x", QStringLiteral("unknown type \"carrierPigeon\" (known: apiKey, ")},
        {"missing field", QStringLiteral("usernamePassword"), R"({"username": "bob"})", QStringLiteral("field \"password\" missing")},
        {"extra field", QStringLiteral("token"), R"({"token": "abcd1234", "scope": "all"})", QStringLiteral("type token has no field \"scope\"")},
        {"not fields", QStringLiteral("usernamePassword"), "just some text\n", QStringLiteral("standard input: expected a JSON object or field=value lines")},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const CliResult r = add(QStringLiteral("db"), c.type, c.input);
        EXPECT_EQ(r.exitCode, 2) << r.describe();
        ASSERT_EQ(r.errLines().size(), 1) << r.describe();
        EXPECT_TRUE(r.errText().contains(QStringLiteral("credentials add db: ") + c.message)) << r.describe();
    }
    const CliResult noType = run({QStringLiteral("credentials"), QStringLiteral("add"), QStringLiteral("db")}, "x");
    EXPECT_EQ(noType.exitCode, 2) << noType.describe();
    EXPECT_TRUE(noType.errText().contains(QStringLiteral("--type is required"))) << noType.describe();

    EXPECT_FALSE(QFileInfo::exists(keyFile())) << "no key made for a refused command";
    EXPECT_FALSE(QFileInfo::exists(dataDir() + QStringLiteral("/credentials.vault")));
}

TEST_F(CliCredentialsTest, DataDirOptionInEitherForm)
{
    const QString a = path(QStringLiteral("vault-a"));
    const QString b = path(QStringLiteral("vault-b"));
    // A vault per folder, each with its own key file.
    EXPECT_EQ(add(QStringLiteral("one"), QStringLiteral("token"), "value-one-1234", {QStringLiteral("--data-dir"), a}).exitCode, 0);
    EXPECT_EQ(run({QStringLiteral("credentials"), QStringLiteral("list"), QStringLiteral("--data-dir=") + a}).outText().simplified(),
              QStringLiteral("one token"));
    EXPECT_TRUE(QFileInfo::exists(a + QStringLiteral("/credentials.vault")));
    EXPECT_FALSE(QFileInfo::exists(dataDir() + QStringLiteral("/credentials.vault"))) << "TASKLOOM_HOME untouched";
    ASSERT_TRUE(QFile::remove(keyFile())); // vault-b gets a key of its own
    EXPECT_EQ(add(QStringLiteral("two"), QStringLiteral("token"), "value-two-5678", {QStringLiteral("--data-dir=") + b}).exitCode, 0);
    EXPECT_TRUE(QFileInfo::exists(b + QStringLiteral("/credentials.vault")));
    EXPECT_EQ(run({QStringLiteral("credentials"), QStringLiteral("remove"), QStringLiteral("two"), QStringLiteral("--data-dir=") + b}).exitCode, 0);
}

TEST_F(CliCredentialsTest, AuthorizeSignsInThroughTheBrowserAndSavesTheTokens)
{
    // A small authorization server: /authorize sends the browser back with a code, /token wants the PKCE verifier.
    QString challenge;
    LoopbackHttpServer auth([&challenge](const LoopbackHttpServer::Request& r) {
        const QUrlQuery q(QUrl(QString::fromUtf8("http://x" + r.target)));
        if (r.path() == "/authorize") {
            challenge = q.queryItemValue(QStringLiteral("code_challenge"));
            LoopbackHttpServer::Reply reply;
            reply.status = 302;
            reply.headers = {{"Location", (q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded) + QStringLiteral("?code=C1&state=")
                                           + q.queryItemValue(QStringLiteral("state")))
                                              .toUtf8()}};
            return reply;
        }
        if (r.path() == "/token" && r.body.contains("grant_type=authorization_code") && r.body.contains("code_verifier="))
            return LoopbackHttpServer::Reply::json(R"({"access_token":"AT-cli-51f0","refresh_token":"RT-cli-77aa","expires_in":600})");
        return LoopbackHttpServer::Reply::json(R"({"error":"invalid_request"})", 400);
    });
    const QByteArray fields = R"({"authUrl": ")" + auth.url("/authorize") + R"(", "tokenUrl": ")" + auth.url("/token")
                              + R"(", "clientId": "taskloom-cli"})";
    CliResult r = add(QStringLiteral("svc"), QStringLiteral("oauth2AuthorizationCode"), fields);
    ASSERT_EQ(r.exitCode, 0) << r.describe();

    auto process = start({QStringLiteral("credentials"), QStringLiteral("authorize"), QStringLiteral("svc"), QStringLiteral("--no-browser"),
                          QStringLiteral("--timeout"), QStringLiteral("60")});
    // The address is printed on standard error; follow it like a browser would.
    QByteArray err;
    QString address;
    const QDeadlineTimer deadline(20'000);
    while (address.isEmpty() && !deadline.hasExpired()) {
        process->waitForReadyRead(200);
        err += process->readAllStandardError();
        const auto m = QRegularExpression(QStringLiteral("^  (http://\\S+)$"), QRegularExpression::MultilineOption).match(QString::fromUtf8(err));
        if (m.hasMatch())
            address = m.captured(1);
    }
    ASSERT_FALSE(address.isEmpty()) << err.toStdString();
    QString page;
    std::thread browser([&] {
        net::HttpRequest get;
        get.url = address;
        get.timeoutMs = 20'000;
        auto response = net::send(get);
        page = response ? QString::fromUtf8(response->body) : response.error().message;
    });
    ASSERT_TRUE(process->waitForFinished(30'000));
    browser.join();
    const QByteArray out = process->readAllStandardOutput();
    EXPECT_EQ(process->exitCode(), 0) << err.toStdString() << process->readAllStandardError().toStdString();
    EXPECT_TRUE(out.startsWith("authorized \"svc\" (access token valid until ")) << out.toStdString();
    EXPECT_TRUE(page.contains(QStringLiteral("Taskloom is authorized"))) << page.toStdString();
    EXPECT_FALSE(challenge.isEmpty());
    EXPECT_FALSE(allBytes(dataDir()).contains("AT-cli-51f0")) << "tokens are stored encrypted";
    EXPECT_FALSE(allBytes(dataDir()).contains("RT-cli-77aa"));

    // Only oauth2AuthorizationCode credentials can be authorized; a bad port is a usage error.
    r = add(QStringLiteral("plain"), QStringLiteral("token"), "t0ken\n");
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    r = run({QStringLiteral("credentials"), QStringLiteral("authorize"), QStringLiteral("plain"), QStringLiteral("--no-browser")});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("is of type token, not oauth2AuthorizationCode"))) << r.describe();
    r = run({QStringLiteral("credentials"), QStringLiteral("authorize"), QStringLiteral("svc"), QStringLiteral("--port"), QStringLiteral("99999")});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("--port \"99999\""))) << r.describe();
}

} // namespace taskloom::tests
