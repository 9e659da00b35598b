#include "nodes/llm/JsonSchema.hpp"
#include "nodes/llm/Summarizer.hpp"
#include "nodes/llm/TextChunker.hpp"
#include "nodes/llm/TextTerms.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

namespace taskloom::nodes::llm {
namespace {

using engine::Json;
using engine::Value;

Value json(const char* text)
{
    auto v = Json::parse(text);
    EXPECT_TRUE(v.has_value()) << text;
    return v ? *v : Value();
}

QString longText(int sentences)
{
    QString t;
    for (int i = 0; i < sentences; ++i)
        t += QStringLiteral("Sentence %1 is about the storm barrier and the harbor. ").arg(i);
    return t;
}

TEST(TextChunker, ChunksStayWithinTheBudgetAndKeepEverySentence)
{
    const QString text = longText(200);
    const QStringList chunks = TextChunker::chunk(text, 300);
    ASSERT_GT(chunks.size(), 3);
    QString joined;
    for (const QString& c : chunks) {
        EXPECT_LE(TextTerms::estimateTokens(c), 300);
        EXPECT_TRUE(c.endsWith(u'.')) << "cut at sentence ends";
        joined += c + u' ';
    }
    EXPECT_EQ(joined.simplified(), text.simplified());
}

TEST(TextChunker, OverlongSentenceAndUnspacedTextAreCut)
{
    QString word = QStringLiteral("word ").repeated(2000);
    for (const QString& c : TextChunker::chunk(word, 100))
        EXPECT_LE(TextTerms::estimateTokens(c), 100);
    const QString hangul = QString(5000, QChar(0xD55C)); // no spaces at all
    const QStringList pieces = TextChunker::chunk(hangul, 1000);
    EXPECT_EQ(pieces.size(), 6) << "5,000 syllables in pieces of at most 999 (one token kept for the separator)";
    for (const QString& p : pieces)
        EXPECT_LE(TextTerms::estimateTokens(p), 1000);
    EXPECT_EQ(pieces.join(QString()), hangul);
    EXPECT_TRUE(TextChunker::chunk(QString(), 100).isEmpty());
}

TEST(Summarizer, TextProblems)
{
    EXPECT_EQ(Summarizer::textProblem(QStringLiteral(" \n\t")), QStringLiteral("the text is empty"));
    EXPECT_FALSE(Summarizer::textProblem(QStringLiteral("Fine text.\n")).has_value());
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    EXPECT_TRUE(Summarizer::textProblem(QString::fromUtf8(bytes)).value_or(QString()).contains(QStringLiteral("not text")));
}

TEST(Summarizer, OfflineStyles)
{
    const QString text = QStringLiteral("The river flooded the town. Rescue teams evacuated the town by boat. "
                                        "The flood damaged the town bridge. A dog barked.");
    Summarizer::Options o;
    o.sentences = 2;
    o.style = Summarizer::Style::Bullets;
    const QStringList bullets = Summarizer::offline(text, o).split(u'\n');
    ASSERT_EQ(bullets.size(), 2);
    for (const QString& b : bullets)
        EXPECT_TRUE(b.startsWith(QStringLiteral("- ")));
    o.style = Summarizer::Style::Headline;
    EXPECT_EQ(Summarizer::offline(text, o).count(u'.'), 1);
    o.style = Summarizer::Style::Bullets;
    o.maxChars = 70;
    EXPECT_LE(Summarizer::offline(text, o).size(), 70);
}

TEST(Summarizer, WithModelMapReducesAndStopsOnTheFirstError)
{
    QList<QList<ChatMessage>> calls;
    const Summarizer::Call call = [&calls](const QList<ChatMessage>& m) -> std::expected<ChatReply, net::HttpError> {
        calls.append(m);
        ChatReply r;
        r.content = QStringLiteral(" short part %1 ").arg(calls.size());
        return r;
    };
    Summarizer::Options o;
    o.chunkTokens = 300;
    o.style = Summarizer::Style::Headline;
    QList<std::pair<int, int>> progress;
    auto result = Summarizer::withModel(longText(100), o, call, [&](int d, int t) { progress.append({d, t}); });
    ASSERT_TRUE(result.has_value());
    const int chunks = int(TextChunker::chunk(longText(100), 300).size());
    ASSERT_EQ(calls.size(), chunks + 1);
    EXPECT_EQ(*result, QStringLiteral("short part %1").arg(chunks + 1));
    EXPECT_TRUE(calls.last()[0].content.startsWith(QStringLiteral("Write one headline")));
    EXPECT_TRUE(calls.last()[1].content.startsWith(QStringLiteral("short part 1\n\nshort part 2")));
    EXPECT_EQ(progress.last(), std::make_pair(chunks + 1, chunks + 1));

    int n = 0;
    const Summarizer::Call failing = [&n](const QList<ChatMessage>&) -> std::expected<ChatReply, net::HttpError> {
        if (++n == 2) {
            net::HttpError e;
            e.message = QStringLiteral("boom");
            return std::unexpected(e);
        }
        return ChatReply{QStringLiteral("x"), {}, {}, {}, 0, -1, false};
    };
    auto failed = Summarizer::withModel(longText(100), o, failing);
    ASSERT_FALSE(failed.has_value());
    EXPECT_EQ(failed.error().message, QStringLiteral("boom"));
    EXPECT_EQ(n, 2);
}

TEST(Summarizer, ModelThatDoesNotShortenStillEnds)
{
    int calls = 0;
    const Summarizer::Call echo = [&calls](const QList<ChatMessage>& m) -> std::expected<ChatReply, net::HttpError> {
        ++calls;
        return ChatReply{m[1].content + u' ' + m[1].content, {}, {}, {}, 0, -1, false};
    };
    Summarizer::Options o;
    o.chunkTokens = 200;
    ASSERT_TRUE(Summarizer::withModel(longText(60), o, echo).has_value());
    EXPECT_LT(calls, 200);
}

TEST(JsonSchema, ValidatesTypesRequiredEnumsRangesAndNesting)
{
    const Value schema = json(R"({"type":"object","required":["name","items"],"additionalProperties":false,
        "properties":{"name":{"type":"string","minLength":1},"age":{"type":["integer","null"],"minimum":0,"maximum":150},
        "kind":{"enum":["a","b"]},"code":{"type":"string","pattern":"^[A-Z]{3}$"},
        "items":{"type":"array","minItems":1,"items":{"type":"object","required":["sku"],"properties":{"sku":{"type":"string"},"qty":{"type":"number"}}}}}})");
    ASSERT_TRUE(JsonSchema::checkSchema(schema).has_value());
    EXPECT_TRUE(JsonSchema::validate(json(R"({"name":"Ann","age":null,"kind":"a","code":"ABC","items":[{"sku":"x","qty":2}]})"), schema).isEmpty());
    EXPECT_TRUE(JsonSchema::validate(json(R"({"name":"Ann","age":3.0,"items":[{"sku":"x"}]})"), schema).isEmpty()) << "3.0 is an integer";
    const QStringList problems = JsonSchema::validate(
        json(R"({"name":"","age":200,"kind":"c","code":"abc","items":[{"qty":"2"}],"extra":1})"), schema);
    const QStringList expected = {
        QStringLiteral("$: unexpected field \"extra\""),
        QStringLiteral("$.name: shorter than 1 characters"),
        QStringLiteral("$.age: integer 200 is above the maximum 150"),
        QStringLiteral("$.kind: string \"c\" is not one of [\"a\",\"b\"]"),
        QStringLiteral("$.code: string \"abc\" does not match the pattern ^[A-Z]{3}$"),
        QStringLiteral("$.items[0]: the required field \"sku\" is missing"),
        QStringLiteral("$.items[0].qty: expected number, got string \"2\""),
    };
    for (const QString& e : expected)
        EXPECT_TRUE(problems.contains(e)) << e.toStdString() << "\n got: " << problems.join(u'\n').toStdString();
    EXPECT_EQ(problems.size(), expected.size()) << problems.join(u'\n').toStdString();
    EXPECT_EQ(JsonSchema::validate(json("[1]"), schema), QStringList{QStringLiteral("$: expected object, got array [1]")});
}

TEST(JsonSchema, RejectsUnusableSchemas)
{
    EXPECT_FALSE(JsonSchema::checkSchema(json("[]")).has_value());
    EXPECT_EQ(JsonSchema::checkSchema(json(R"({"type":"object","properties":{"a":{"type":"strin"}}})")).error(),
              QStringLiteral("schema.properties.a.type: unknown type \"strin\" (known: string, number, integer, boolean, object, array, null)"));
    EXPECT_FALSE(JsonSchema::checkSchema(json(R"({"type":"object","required":"a"})")).has_value());
    EXPECT_FALSE(JsonSchema::checkSchema(json(R"({"type":"string","pattern":"(["})")).has_value());
}

TEST(JsonSchema, ParsesRepliesWithFencesOrProse)
{
    EXPECT_EQ(JsonSchema::parseReply(QStringLiteral(" {\"a\":1} ")).value(), json(R"({"a":1})"));
    EXPECT_EQ(JsonSchema::parseReply(QStringLiteral("```json\n{\"a\":2}\n```")).value(), json(R"({"a":2})"));
    EXPECT_EQ(JsonSchema::parseReply(QStringLiteral("Here you go: {\"a\":3} Hope it helps.")).value(), json(R"({"a":3})"));
    EXPECT_FALSE(JsonSchema::parseReply(QStringLiteral("I cannot help with that.")).has_value());
}

} // namespace
} // namespace taskloom::nodes::llm
