#include "engine/Redactor.hpp"

#include <gtest/gtest.h>

#include <thread>

inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

using namespace taskloom::engine;

namespace {

TEST(Redactor, MasksSecretsInText)
{
    Redactor r;
    EXPECT_TRUE(r.isEmpty());
    EXPECT_EQ(r.redact(QStringLiteral("token hunter2xyz")), "token hunter2xyz");
    r.addSecret(QStringLiteral("hunter2xyz"));
    EXPECT_FALSE(r.isEmpty());
    EXPECT_EQ(r.redact(QStringLiteral("token hunter2xyz and again hunter2xyz")), "token [redacted] and again [redacted]");
}

TEST(Redactor, ShortSecretsAreNotMasked)
{
    Redactor r;
    r.addSecret(QStringLiteral("abc"));
    r.addSecret(QString());
    EXPECT_TRUE(r.isEmpty());
    EXPECT_EQ(r.redact(QStringLiteral("abc abc")), "abc abc");
    r.addSecret(QStringLiteral("abcd"));
    EXPECT_EQ(r.redact(QStringLiteral("abcd abc")), "[redacted] abc");
}

TEST(Redactor, LongerSecretsAreMaskedWhole)
{
    Redactor r;
    r.addSecret(QStringLiteral("pass"));
    r.addSecret(QStringLiteral("password123"));
    EXPECT_EQ(r.redact(QStringLiteral("password123 pass")), "[redacted] [redacted]");
    r.addSecret(QStringLiteral("pass")); // again: no change
    EXPECT_EQ(r.redact(QStringLiteral("xpassx")), "x[redacted]x");
}

TEST(Redactor, MasksValuesKeysAndNestedItems)
{
    Redactor r;
    r.addSecret(QStringLiteral("s3cr3t"));
    const Value v = Object{{"plain", 1},
                           {"s3cr3t-key", "value"},
                           {"list", Array{"a s3cr3t", 2, Object{{"deep", "s3cr3t"}}}}};
    EXPECT_EQ(r.redact(v), Value(Object{{"plain", 1},
                                        {"[redacted]-key", "value"},
                                        {"list", Array{"a [redacted]", 2, Object{{"deep", "[redacted]"}}}}}));
    Item item(Object{{"token", "s3cr3t"}});
    const Item out = r.redact(item);
    EXPECT_EQ(out.json().value(u"token").toString(), "[redacted]");
    EXPECT_EQ(item.json().value(u"token").toString(), "s3cr3t"); // the original is untouched
    const ItemList list = r.redact(ItemList{item, Item(Object{{"x", "y"}})});
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0].json().value(u"token").toString(), "[redacted]");
    EXPECT_EQ(list[1].json().value(u"x").toString(), "y");
}

TEST(Redactor, SafeFromSeveralThreads)
{
    Redactor r;
    std::thread writer([&] {
        for (int i = 0; i < 500; ++i)
            r.addSecret(QStringLiteral("secret-%1").arg(i));
    });
    int masked = 0;
    for (int i = 0; i < 500; ++i)
        masked += r.redact(QStringLiteral("x secret-0 y")).contains(u"[redacted]") ? 1 : 0;
    writer.join();
    EXPECT_EQ(r.redact(QStringLiteral("secret-499")), "[redacted]");
    EXPECT_GE(masked, 0);
}

} // namespace
