#include "nodes/llm/SentenceSplitter.hpp"
#include "nodes/llm/TextRankSummarizer.hpp"
#include "nodes/llm/TextTerms.hpp"

#include <QFile>
#include <QHash>

#include <gtest/gtest.h>

namespace taskloom::nodes::llm {
namespace {

QString readData(const char* name)
{
    QFile f(QStringLiteral(TASKLOOM_TEST_DATA "/llm/") + QString::fromLatin1(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return QString::fromUtf8(f.readAll());
}

// ROUGE-1 F1 (Lin 2004): unigram overlap of a candidate summary with a reference, clipped counts.
double rouge1(const QString& candidate, const QString& reference)
{
    QHash<QString, int> ref;
    const QStringList refWords = TextTerms::words(reference);
    for (const QString& w : refWords)
        ++ref[w];
    const QStringList candWords = TextTerms::words(candidate);
    int hits = 0;
    for (const QString& w : candWords) {
        if (ref.value(w) > 0) {
            --ref[w];
            ++hits;
        }
    }
    if (hits == 0)
        return 0;
    const double precision = double(hits) / double(candWords.size());
    const double recall = double(hits) / double(refWords.size());
    return 2 * precision * recall / (precision + recall);
}

// ROUGE-2 F1 on word bigrams.
double rouge2(const QString& candidate, const QString& reference)
{
    const auto bigrams = [](const QString& t) {
        const QStringList w = TextTerms::words(t);
        QStringList b;
        for (qsizetype i = 0; i + 1 < w.size(); ++i)
            b.append(w[i] + u' ' + w[i + 1]);
        return b;
    };
    QHash<QString, int> ref;
    const QStringList rb = bigrams(reference);
    for (const QString& b : rb)
        ++ref[b];
    const QStringList cb = bigrams(candidate);
    int hits = 0;
    for (const QString& b : cb) {
        if (ref.value(b) > 0) {
            --ref[b];
            ++hits;
        }
    }
    if (hits == 0)
        return 0;
    const double p = double(hits) / double(cb.size());
    const double r = double(hits) / double(rb.size());
    return 2 * p * r / (p + r);
}

QString lastSentences(const QString& text, int n)
{
    const QStringList s = SentenceSplitter::splitTexts(text);
    return s.mid(s.size() - n).join(u' ');
}

TEST(Rouge, ScoresIdenticalAndDisjointTexts)
{
    EXPECT_DOUBLE_EQ(rouge1(QStringLiteral("a b c"), QStringLiteral("a b c")), 1.0);
    EXPECT_DOUBLE_EQ(rouge1(QStringLiteral("x y"), QStringLiteral("a b")), 0.0);
    EXPECT_NEAR(rouge1(QStringLiteral("a b"), QStringLiteral("a b c d")), 2 * 1.0 * 0.5 / 1.5, 1e-12);
}

struct Case {
    const char* text;
    const char* reference;
    double minRouge1;
    double minRouge2;
};

class SummaryQuality : public ::testing::TestWithParam<Case> {};

TEST_P(SummaryQuality, MatchesTheHumanPickAndBeatsTheTail)
{
    const QString text = readData(GetParam().text);
    const QString reference = readData(GetParam().reference).trimmed();
    const auto summary = TextRankSummarizer::summarize(text, {.sentences = 3});
    ASSERT_EQ(summary.sentences.size(), 3);
    const double r1 = rouge1(summary.text(), reference);
    const double r2 = rouge2(summary.text(), reference);
    const double tail = rouge1(lastSentences(text, 3), reference);
    // Chance: the mean ROUGE-1 of every choice of three sentences.
    const QStringList all = SentenceSplitter::splitTexts(text);
    double chance = 0;
    int choices = 0;
    for (qsizetype a = 0; a < all.size(); ++a)
        for (qsizetype b = a + 1; b < all.size(); ++b)
            for (qsizetype c = b + 1; c < all.size(); ++c, ++choices)
                chance += rouge1(all[a] + u' ' + all[b] + u' ' + all[c], reference);
    chance /= choices;
    const double lead3 = rouge1(all.mid(0, 3).join(u' '), reference);
    std::cout << "ROUGE-1 " << r1 << "  ROUGE-2 " << r2 << "  (baselines ROUGE-1: chance " << chance << ", last-3 " << tail
              << ", lead-3 " << lead3 << ")\n"
              << summary.text().toStdString() << "\n";
    EXPECT_GE(r1, GetParam().minRouge1);
    EXPECT_GE(r2, GetParam().minRouge2);
    EXPECT_GT(r1, chance + 0.1);
    EXPECT_GT(r1, tail + 0.2);
    // The lead sentence carries the news in both texts: a summary without it has missed the point.
    EXPECT_EQ(summary.indices.value(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Texts, SummaryQuality,
                         ::testing::Values(Case{"harbor-barrier.en.txt", "harbor-barrier.en.reference.txt", 0.42, 0.28},
                                           Case{"bike-sharing.ko.txt", "bike-sharing.ko.reference.txt", 0.7, 0.65}));

TEST(TextRankSummarizer, DeterministicAndInDocumentOrder)
{
    const QString text = readData("harbor-barrier.en.txt");
    const auto a = TextRankSummarizer::summarize(text, {.sentences = 4});
    const auto b = TextRankSummarizer::summarize(text, {.sentences = 4});
    EXPECT_EQ(a.sentences, b.sentences);
    EXPECT_TRUE(std::is_sorted(a.indices.begin(), a.indices.end()));
    EXPECT_EQ(a.totalSentences, SentenceSplitter::splitTexts(text).size());
}

TEST(TextRankSummarizer, CharacterBudgetIsRespected)
{
    const QString text = readData("harbor-barrier.en.txt");
    for (int budget : {80, 200, 400, 1000}) {
        const auto s = TextRankSummarizer::summarize(text, {.maxChars = budget});
        EXPECT_LE(s.text().size(), budget) << budget;
        EXPECT_FALSE(s.sentences.isEmpty());
    }
    // A budget smaller than any sentence cuts the best one at a word boundary, with an ellipsis.
    const auto tiny = TextRankSummarizer::summarize(text, {.maxChars = 20});
    ASSERT_EQ(tiny.sentences.size(), 1);
    EXPECT_LE(tiny.sentences[0].size(), 20);
    EXPECT_TRUE(tiny.sentences[0].endsWith(QChar(0x2026)));
}

TEST(TextRankSummarizer, CentralSentenceOutranksOffTopicOnes)
{
    const QStringList sentences = {
        QStringLiteral("The weather was sunny in the morning."),
        QStringLiteral("The new battery stores solar energy for the grid at night."),
        QStringLiteral("Engineers tested the battery with solar panels on the grid."),
        QStringLiteral("A cat slept on the porch."),
        QStringLiteral("The grid operator will buy the battery energy from the solar farm."),
    };
    const QList<double> scores = TextRankSummarizer::scores(sentences);
    ASSERT_EQ(scores.size(), 5);
    EXPECT_NEAR(std::accumulate(scores.begin(), scores.end(), 0.0), 1.0, 1e-6);
    for (int offTopic : {0, 3}) {
        for (int onTopic : {1, 2, 4})
            EXPECT_LT(scores[offTopic], scores[onTopic]) << offTopic << " vs " << onTopic;
    }
}

TEST(TextRankSummarizer, NearDuplicatesAreNotPickedTwice)
{
    const QStringList sentences = {
        QStringLiteral("The council approved the harbor barrier budget today."),
        QStringLiteral("Today the council approved the harbor barrier budget."),
        QStringLiteral("The harbor barrier will protect homes from storm surges."),
        QStringLiteral("Fishing crews worry the barrier changes harbor tides."),
    };
    const auto s = TextRankSummarizer::summarizeSentences(sentences, {.sentences = 2});
    ASSERT_EQ(s.indices.size(), 2);
    EXPECT_FALSE(s.indices.contains(0) && s.indices.contains(1));
}

TEST(TextRankSummarizer, DegenerateInputs)
{
    EXPECT_TRUE(TextRankSummarizer::summarize(QString(), {}).sentences.isEmpty());
    const auto one = TextRankSummarizer::summarize(QStringLiteral("Only one sentence here."), {.sentences = 3});
    EXPECT_EQ(one.sentences, QStringList{QStringLiteral("Only one sentence here.")});
    // No content words at all still yields a summary of the right size.
    const auto stop = TextRankSummarizer::summarize(QStringLiteral("It is. It was. It will be."), {.sentences = 2});
    EXPECT_EQ(stop.sentences.size(), 2);
}

TEST(TextTerms, EnglishStemsAndKoreanParticles)
{
    EXPECT_EQ(TextTerms::of(QStringLiteral("The reports were reported")), (QStringList{QStringLiteral("report"), QStringLiteral("report")}));
    const QStringList ko = TextTerms::of(QStringLiteral("서울시가 발표했다"));
    EXPECT_TRUE(ko.contains(QStringLiteral("서울시")));
    EXPECT_TRUE(ko.contains(QStringLiteral("발표")));
    EXPECT_EQ(TextTerms::estimateTokens(u"abcdefgh"), 2);
    EXPECT_EQ(TextTerms::estimateTokens(u"한국어"), 3);
}

} // namespace
} // namespace taskloom::nodes::llm
