#include "app/daemon/Notifier.hpp"

#include "LoopbackHttpServer.hpp"

#include <gtest/gtest.h>

namespace taskloom::daemon {
namespace {

using Server = tests::LoopbackHttpServer;

TEST(Notifier, PostsJsonWithTheBearerToken)
{
    Server server([](const Server::Request&) { return Server::Reply::text("ok"); });
    auto r = Notifier::postJson(QString::fromUtf8(server.url("/hook")), R"({"flow":"x","status":"failed"})", 5000,
                                QStringLiteral("s3cret"));
    ASSERT_TRUE(r.has_value()) << r.error().toStdString();
    const auto req = server.requests().value(0);
    EXPECT_EQ(req.method, "POST");
    EXPECT_EQ(req.path(), "/hook");
    EXPECT_EQ(req.header("Content-Type"), "application/json");
    EXPECT_EQ(req.header("Authorization"), "Bearer s3cret");
    EXPECT_EQ(req.body, R"({"flow":"x","status":"failed"})");
}

TEST(Notifier, RefusalsAndBadUrlsAreErrors)
{
    Server server([](const Server::Request&) { return Server::Reply::text("nope", 500); });
    auto refused = Notifier::postJson(QString::fromUtf8(server.url("/hook")), "{}");
    ASSERT_FALSE(refused.has_value());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("500"))) << refused.error().toStdString();

    auto file = Notifier::postJson(QStringLiteral("file:///etc/passwd"), "{}");
    ASSERT_FALSE(file.has_value());
    EXPECT_TRUE(file.error().contains(QStringLiteral("use http:// or https://")));
}

} // namespace
} // namespace taskloom::daemon
