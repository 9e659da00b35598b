#include "ConnectorTestSupport.hpp"

#include "LoopbackHttpServer.hpp"

#include <QElapsedTimer>

using namespace taskloom;
using namespace taskloom::engine;
using Server = tests::LoopbackHttpServer;

namespace {

class ShellEnabled : public tests::ConnectorFixture {
protected:
    ShellEnabled() : ConnectorFixture(nodes::connectors::ConnectorGrants{true}) {}
};
class ShellDisabled : public tests::ConnectorFixture {};
class ChatWebhook : public tests::ConnectorFixture {};

Array args(QStringList values)
{
    Array a;
    for (const QString& v : values)
        a.append(Object{{"value", v}});
    return a;
}

} // namespace

TEST_F(ShellDisabled, RefusesUnlessTheUserEnabledIt)
{
    const RunResult r = runOne("connectors.shellCommand", {{"program", "echo"}, {"arguments", args({"hi"})}}, {Item()});
    EXPECT_EQ(r.errorCode, "SHELL_DISABLED");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"shell\": {\"enabled\": true}"))) << r.error.toStdString();
    EXPECT_TRUE(nodes::connectors::ConnectorGrants::fromSettings(Object{{"shell", Object{{"enabled", true}}}}).shell);
    EXPECT_FALSE(nodes::connectors::ConnectorGrants::fromSettings(Object{{"shell", "yes"}}).shell);
}

TEST_F(ShellEnabled, ArgumentsAreNeverInterpretedByAShell)
{
    put("marker", "");
    const RunResult r = runOne("connectors.shellCommand",
                               {{"program", "printf"}, {"arguments", args({"%s|%s", "a b; rm marker", "$(id) *"})}}, {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"exitCode":0,"stdout":"a b; rm marker|$(id) *","stderr":""}])");
    EXPECT_TRUE(QFile::exists(path("marker")));
}

TEST_F(ShellEnabled, StdinEnvironmentWorkingFolderAndExitCodes)
{
    put("sub/file.txt", "x");
    RunResult r = runOne("connectors.shellCommand",
                         {{"program", "sh"}, {"arguments", args({"-c", "cat; echo \"$GREETING\"; ls; echo oops >&2; exit 3"})},
                          {"stdin", "from stdin\n"}, {"environment", Array{Object{{"name", "GREETING"}, {"value", "hello"}}}},
                          {"workingDirectory", "sub"}, {"failOnExitCode", false}, {"keepInputFields", true}},
                         {Item(Object{{"k", 1}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"k":1,"exitCode":3,"stdout":"from stdin\nhello\nfile.txt\n","stderr":"oops\n"}])");

    r = runOne("connectors.shellCommand", {{"program", "sh"}, {"arguments", args({"-c", "echo bad input >&2; exit 2"})}}, {Item()});
    EXPECT_EQ(r.errorCode, "PROGRAM_FAILED");
    EXPECT_TRUE(r.error.contains(QStringLiteral("sh: exit code 2 (bad input)"))) << r.error.toStdString();

    r = runOne("connectors.shellCommand", {{"program", "/no/such/program"}}, {Item()});
    EXPECT_EQ(r.errorCode, "PROGRAM_NOT_STARTED");
    EXPECT_TRUE(r.error.contains(QStringLiteral("/no/such/program"))) << r.error.toStdString();

    QElapsedTimer clock;
    clock.start();
    r = runOne("connectors.shellCommand", {{"program", "sleep"}, {"arguments", args({"30"})}, {"timeout", 0.5}}, {Item()});
    EXPECT_EQ(r.errorCode, "PROGRAM_TIMEOUT");
    EXPECT_LT(clock.elapsed(), 15000);
}

TEST_F(ChatWebhook, SlackTeamsAndGenericPayloads)
{
    Server server([](const Server::Request& req) {
        return req.path() == "/fail" ? Server::Reply::text("invalid_token", 403) : Server::Reply::text("ok");
    });
    const QString url = QString::fromUtf8(server.url("/hook"));
    RunResult r = runOne("connectors.chatWebhook", {{"url", url}, {"title", "Digest"}, {"text", "3 new articles"}},
                         {Item(Object{{"n", 1}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"n":1}])");
    EXPECT_EQ(server.requests().last().body, R"({"text":"*Digest*\n3 new articles"})");
    EXPECT_EQ(server.requests().last().header("Content-Type"), "application/json");

    m_credentials.put({"teams", "webhookUrl", {{"url", url}}});
    r = runOne("connectors.chatWebhook", {{"service", "teams"}, {"credential", "teams"}, {"title", "T"}, {"text", "body"}}, {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(server.requests().last().body,
              R"({"@type":"MessageCard","@context":"https://schema.org/extensions","summary":"T","title":"T","text":"body"})");

    r = runOne("connectors.chatWebhook", {{"service", "generic"}, {"url", url}, {"text", "x"}, {"payload", "{\"content\": \"hi\"}"}}, {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(server.requests().last().body, R"({"content":"hi"})");

    m_credentials.put({"secret", "webhookUrl", {{"url", QString::fromUtf8(server.url("/fail?token=SECRET123"))}}});
    r = runOne("connectors.chatWebhook", {{"credential", "secret"}, {"text", "x"}}, {Item()});
    EXPECT_EQ(r.errorCode, "HTTP_403");
    EXPECT_FALSE(r.error.contains(QStringLiteral("SECRET123"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("credential \"secret\""))) << r.error.toStdString();

    r = runOne("connectors.chatWebhook", {{"url", "mailto:x@y"}, {"text", "x"}}, {Item()});
    EXPECT_EQ(r.errorCode, "INVALID_PARAMETER");
}
