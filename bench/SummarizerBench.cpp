// The built-in offline summarizer on long documents: sentence splitting alone, then the whole TextRank summary,
// for English and Korean text of 1,000 to 50,000 sentences. The documents are generated (a fixed seed, a Zipf-like
// vocabulary, sentences of 8 to 30 words) so runs are comparable.

#include "nodes/llm/SentenceSplitter.hpp"
#include "nodes/llm/TextChunker.hpp"
#include "nodes/llm/TextRankSummarizer.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <random>

using namespace taskloom::nodes::llm;

namespace {

QStringList vocabulary(bool korean)
{
    static const char* english[] = {"harbor", "barrier", "council", "storm", "surge", "engineer", "cost", "city", "federal",
                                    "bond", "levy", "cargo", "fishing", "tide", "salinity", "study", "water", "gate",
                                    "construction", "spring", "budget", "vote", "resident", "flood", "home", "port",
                                    "report", "plan", "year", "group", "panel", "scientist", "station", "quality"};
    static const char* hangul[] = {"서울시", "자전거", "대여소", "확대", "계획", "시민", "요금", "전기자전거", "지하철역",
                                   "출퇴근", "민원", "이용", "관계자", "자치구", "보도", "보행자", "배치", "차량",
                                   "공간", "협의", "발표", "기록", "언덕", "지역", "동호회", "행사"};
    static const char* particles[] = {"은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로"};
    QStringList words;
    std::mt19937 rng(7);
    if (korean) {
        for (const char* w : hangul)
            for (const char* p : particles)
                words.append(QString::fromUtf8(w) + QString::fromUtf8(p));
    } else {
        for (const char* w : english)
            for (const char* suffix : {"", "s", "ed", "ing"})
                words.append(QString::fromLatin1(w) + QString::fromLatin1(suffix));
        for (const char* stop : {"the", "a", "of", "to", "and", "in", "is", "was", "for", "on", "with", "by"})
            words.append(QString::fromLatin1(stop));
    }
    // Rare words: a long tail, as real text has.
    for (int i = 0; i < 3000; ++i)
        words.append((korean ? QStringLiteral("단어%1") : QStringLiteral("term%1")).arg(i));
    std::shuffle(words.begin(), words.end(), rng);
    return words;
}

QString document(int sentences, bool korean)
{
    const QStringList words = vocabulary(korean);
    std::mt19937 rng(42);
    std::vector<double> weights(size_t(words.size()));
    for (size_t i = 0; i < weights.size(); ++i)
        weights[i] = 1.0 / std::pow(double(i + 1), 1.1);
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    std::uniform_int_distribution<int> length(8, 30);
    QString text;
    for (int s = 0; s < sentences; ++s) {
        const int n = length(rng);
        QString sentence;
        for (int w = 0; w < n; ++w) {
            if (w)
                sentence += u' ';
            sentence += words[pick(rng)];
        }
        sentence[0] = sentence[0].toUpper();
        text += sentence + (korean ? QStringLiteral("다. ") : QStringLiteral(". "));
        if (s % 8 == 7)
            text += QStringLiteral("\n\n");
    }
    return text;
}

const QString& cached(int sentences, bool korean)
{
    static std::map<std::pair<int, bool>, QString> docs;
    auto it = docs.find({sentences, korean});
    if (it == docs.end())
        it = docs.emplace(std::make_pair(sentences, korean), document(sentences, korean)).first;
    return it->second;
}

void setCounters(benchmark::State& state, const QString& text, int sentences)
{
    state.SetBytesProcessed(state.iterations() * text.toUtf8().size());
    state.counters["sentences/s"] = benchmark::Counter(double(sentences) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["doc_KiB"] = double(text.toUtf8().size()) / 1024.0;
}

void BM_Split(benchmark::State& state)
{
    const QString& text = cached(int(state.range(0)), state.range(1) != 0);
    for (auto _ : state)
        benchmark::DoNotOptimize(SentenceSplitter::split(text));
    setCounters(state, text, int(state.range(0)));
}

void BM_Summarize(benchmark::State& state)
{
    const QString& text = cached(int(state.range(0)), state.range(1) != 0);
    for (auto _ : state)
        benchmark::DoNotOptimize(TextRankSummarizer::summarize(text, {.sentences = 5}));
    setCounters(state, text, int(state.range(0)));
}

void BM_Chunk(benchmark::State& state)
{
    const QString& text = cached(int(state.range(0)), state.range(1) != 0);
    for (auto _ : state)
        benchmark::DoNotOptimize(TextChunker::chunk(text, 3000));
    setCounters(state, text, int(state.range(0)));
}

void sizes(benchmark::internal::Benchmark* b)
{
    for (int korean : {0, 1})
        for (int n : {1000, 5000, 20000, 50000})
            b->Args({n, korean});
    b->ArgNames({"sentences", "korean"})->Unit(benchmark::kMillisecond);
}

} // namespace

BENCHMARK(BM_Split)->Apply(sizes);
BENCHMARK(BM_Summarize)->Apply(sizes);
BENCHMARK(BM_Chunk)->Apply(sizes);
BENCHMARK_MAIN();
