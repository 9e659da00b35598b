// Runtime::evaluateText and credentialField: what `taskloom replay` and the studio's recorder panel use for a
// macro's typed text and its type-secret steps.

#include "TestRuntime.hpp"

#include <gtest/gtest.h>

#include <thread>

using namespace taskloom;

TEST(RuntimeText, PlainTextIsTypedAsWrittenAndExpressionsAreEvaluated)
{
    app::Runtime& rt = test::runtime();
    EXPECT_EQ(rt.evaluateText(QStringLiteral("ann@example.org")), QStringLiteral("ann@example.org"));
    EXPECT_EQ(rt.evaluateText(QStringLiteral("Order {{ 6 * 7 }} of {{ 'May' }}")), QStringLiteral("Order 42 of May"));
    const auto bad = rt.evaluateText(QStringLiteral("{{ 6 * }}"));
    ASSERT_FALSE(bad);
    EXPECT_FALSE(bad.error().isEmpty());
}

TEST(RuntimeText, EvaluatesOnSeveralThreadsAtOnce)
{
    app::Runtime& rt = test::runtime();
    std::atomic<int> right{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&rt, &right, t] {
            for (int i = 0; i < 50; ++i)
                if (rt.evaluateText(QStringLiteral("{{ %1 + %2 }}").arg(t).arg(i)) == QString::number(t + i))
                    ++right;
        });
    for (std::thread& t : threads)
        t.join();
    EXPECT_EQ(right.load(), 200);
}

TEST(RuntimeText, AMissingCredentialIsAClearError)
{
    const auto r = test::runtime().credentialField(QStringLiteral("no-such-login"), QStringLiteral("password"));
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().contains(QStringLiteral("no-such-login"))) << r.error().toStdString();
}
