#include "nodes/llm/SentenceSplitter.hpp"

#include <gtest/gtest.h>

namespace taskloom::nodes::llm {
namespace {

std::vector<std::string> split(const QString& text)
{
    std::vector<std::string> out;
    for (const QString& s : SentenceSplitter::splitTexts(text))
        out.push_back(s.toStdString());
    return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitter, PlainEnglish)
{
    EXPECT_EQ(split(QStringLiteral("The cat sat. The dog barked! Did the bird sing? Yes.")),
              (V{"The cat sat.", "The dog barked!", "Did the bird sing?", "Yes."}));
}

TEST(SentenceSplitter, AbbreviationsInitialsAndTitlesDoNotEndSentences)
{
    EXPECT_EQ(split(QStringLiteral("Dr. Smith met Mr. J. R. Jones at 9 a.m. on Jan. 5. They talked.")),
              (V{"Dr. Smith met Mr. J. R. Jones at 9 a.m. on Jan. 5.", "They talked."}));
    EXPECT_EQ(split(QStringLiteral("Bring tools, e.g. hammers and saws. Then start.")),
              (V{"Bring tools, e.g. hammers and saws.", "Then start."}));
    EXPECT_EQ(split(QStringLiteral("We sell apples, pears, etc. and more. Prices vary.")),
              (V{"We sell apples, pears, etc. and more.", "Prices vary."}));
}

TEST(SentenceSplitter, DecimalsVersionsAndAddressesStayWhole)
{
    EXPECT_EQ(split(QStringLiteral("It costs $3.5 billion, up 2.4% from v1.2.3 pricing. See example.com for more.")),
              (V{"It costs $3.5 billion, up 2.4% from v1.2.3 pricing.", "See example.com for more."}));
}

TEST(SentenceSplitter, QuotesCloseWithTheSentence)
{
    EXPECT_EQ(split(QStringLiteral("She said, \"We won.\" Then she left. \"Why?\" he asked. Nobody knew.")),
              (V{"She said, \"We won.\"", "Then she left.", "\"Why?\" he asked.", "Nobody knew."}));
    EXPECT_EQ(split(QStringLiteral("He wrote \u201CThe end.\u201D The book closed.")),
              (V{"He wrote \u201CThe end.\u201D", "The book closed."}));
}

TEST(SentenceSplitter, EllipsisAndRepeatedMarks)
{
    EXPECT_EQ(split(QStringLiteral("Wait... What happened?! Nothing.")), (V{"Wait...", "What happened?!", "Nothing."}));
}

TEST(SentenceSplitter, Korean)
{
    EXPECT_EQ(split(QStringLiteral("서울시가 계획을 발표했다. 요금은 1.5배 오른다. 정말 그럴까? 시민들은 \"좋다.\"라고 말했다.")),
              (V{"서울시가 계획을 발표했다.", "요금은 1.5배 오른다.", "정말 그럴까?", "시민들은 \"좋다.\"라고 말했다."}));
    // A period after Hangul ends a sentence even before a Latin lower-case word.
    EXPECT_EQ(split(QStringLiteral("앱을 설치했다. iPhone에서도 된다.")), (V{"앱을 설치했다.", "iPhone에서도 된다."}));
}

TEST(SentenceSplitter, FullWidthTerminatorsNeedNoSpace)
{
    EXPECT_EQ(split(QStringLiteral("今日は晴れです。明日は雨です。")), (V{"今日は晴れです。", "明日は雨です。"}));
}

TEST(SentenceSplitter, ParagraphsListsAndWrappedLines)
{
    const QString text = QStringLiteral("Title without a period\n\nThe first line\ncontinues here. Second one.\n"
                                        "- item one\n- item two\n1. numbered");
    EXPECT_EQ(split(text), (V{"Title without a period", "The first line continues here.", "Second one.", "- item one",
                              "- item two", "1. numbered"}));
    const auto sentences = SentenceSplitter::split(text);
    EXPECT_EQ(sentences[0].paragraph, 0);
    EXPECT_EQ(sentences[1].paragraph, 1);
    EXPECT_EQ(sentences[1].offset, text.indexOf(u"The first"));
}

TEST(SentenceSplitter, EmptyAndWhitespace)
{
    EXPECT_TRUE(split(QString()).empty());
    EXPECT_TRUE(split(QStringLiteral("  \n\n \t ")).empty());
    EXPECT_EQ(split(QStringLiteral("no terminator")), (V{"no terminator"}));
}

} // namespace
} // namespace taskloom::nodes::llm
