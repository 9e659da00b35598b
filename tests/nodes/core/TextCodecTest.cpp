#include "nodes/core/TextCodec.hpp"

#include <gtest/gtest.h>

using namespace taskloom::nodes::core;

TEST(TextCodec, KnowsQtAndIcuNames)
{
    for (const char* name : {"auto", "", "utf-8", "UTF8", "utf-16", "utf-16le", "UTF-16BE", "latin1", "ISO-8859-1",
                             "windows-1252", "shift_jis"})
        EXPECT_TRUE(TextCodec::isKnown(QString::fromLatin1(name))) << name;
    EXPECT_FALSE(TextCodec::isKnown(QStringLiteral("klingon-8")));
    EXPECT_FALSE(TextCodec::decoder(QStringLiteral("klingon-8")).has_value());
    EXPECT_FALSE(TextCodec::encoder(QStringLiteral("klingon-8")).has_value());
}

TEST(TextCodec, AutoReadsTheByteOrderMark)
{
    const QByteArray utf16le("\xFF\xFE" "h\0i\0", 6);
    auto d = TextCodec::decoder(QStringLiteral("auto"), utf16le);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(TextCodec::decode(std::move(*d), utf16le), QStringLiteral("hi"));
    const QByteArray utf16be("\xFE\xFF\0h\0i", 6);
    auto be = TextCodec::decoder(QStringLiteral("auto"), utf16be);
    EXPECT_EQ(TextCodec::decode(std::move(*be), utf16be), QStringLiteral("hi"));
    const QByteArray utf8 = "\xEF\xBB\xBFh\xC3\xA9";
    auto u = TextCodec::decoder(QStringLiteral("auto"), utf8);
    EXPECT_EQ(TextCodec::decode(std::move(*u), utf8), QStringLiteral("h\u00e9"));
    auto plain = TextCodec::decoder(QStringLiteral("auto"), "abc");
    EXPECT_EQ(TextCodec::decode(std::move(*plain), "abc"), QStringLiteral("abc"));
}

TEST(TextCodec, ReportsInvalidBytes)
{
    auto d = TextCodec::decoder(QStringLiteral("utf-8"));
    bool invalid = false;
    EXPECT_EQ(TextCodec::decode(std::move(*d), "Jos\xE9", &invalid), QStringLiteral("Jos\uFFFD"));
    EXPECT_TRUE(invalid);
    auto latin1 = TextCodec::decoder(QStringLiteral("latin1"));
    EXPECT_EQ(TextCodec::decode(std::move(*latin1), "Jos\xE9", &invalid), QStringLiteral("Jos\u00e9"));
    EXPECT_FALSE(invalid);
    auto cp1252 = TextCodec::decoder(QStringLiteral("windows-1252"));
    EXPECT_EQ(TextCodec::decode(std::move(*cp1252), "5\x80"), QStringLiteral("5\u20ac"));
}

TEST(TextCodec, ByteOrderMarkOnlyWhereTheOrderIsOtherwiseUnknown)
{
    EXPECT_TRUE(TextCodec::wantsBom(QStringLiteral("utf-16")));
    EXPECT_TRUE(TextCodec::wantsBom(QStringLiteral("UTF-32")));
    EXPECT_FALSE(TextCodec::wantsBom(QStringLiteral("utf-16le")));
    EXPECT_FALSE(TextCodec::wantsBom(QStringLiteral("utf-8")));
    EXPECT_FALSE(TextCodec::wantsBom(QStringLiteral("windows-1252")));
}
