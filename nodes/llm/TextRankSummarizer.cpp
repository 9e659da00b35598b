#include "TextRankSummarizer.hpp"

#include "SentenceSplitter.hpp"
#include "TextTerms.hpp"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace taskloom::nodes::llm {

namespace {

struct Graph {
    std::vector<std::vector<int>> terms;                   ///< per sentence: distinct term ids
    std::vector<std::vector<std::pair<int, double>>> edges; ///< per sentence: (neighbour, weight)
};

Graph buildGraph(const QStringList& sentences)
{
    Graph g;
    const int n = int(sentences.size());
    g.terms.resize(size_t(n));
    g.edges.resize(size_t(n));
    QHash<QString, int> ids;
    std::vector<std::vector<int>> postings;
    for (int i = 0; i < n; ++i) {
        std::vector<int>& t = g.terms[size_t(i)];
        for (const QString& term : TextTerms::of(sentences[i])) {
            const int id = int(ids.emplace(term, int(ids.size())).value());
            t.push_back(id);
        }
        std::sort(t.begin(), t.end());
        t.erase(std::unique(t.begin(), t.end()), t.end());
        for (int id : t) {
            if (size_t(id) >= postings.size())
                postings.resize(size_t(id) + 1);
            postings[size_t(id)].push_back(i);
        }
    }
    std::vector<double> idf(postings.size());
    for (size_t id = 0; id < postings.size(); ++id)
        idf[id] = std::log(1.0 + double(n) / double(postings[id].size()));

    // Pairwise overlaps through the postings: only pairs that share a term are visited.
    std::vector<double> shared(size_t(n), 0.0);
    std::vector<int> touched;
    for (int i = 0; i < n; ++i) {
        touched.clear();
        for (int id : g.terms[size_t(i)]) {
            for (int j : postings[size_t(id)]) {
                if (j <= i)
                    continue;
                if (shared[size_t(j)] == 0.0)
                    touched.push_back(j);
                shared[size_t(j)] += idf[size_t(id)];
            }
        }
        const double li = std::log(1.0 + double(g.terms[size_t(i)].size()));
        for (int j : touched) {
            const double lj = std::log(1.0 + double(g.terms[size_t(j)].size()));
            const double w = shared[size_t(j)] / (li + lj);
            shared[size_t(j)] = 0.0;
            g.edges[size_t(i)].emplace_back(j, w);
            g.edges[size_t(j)].emplace_back(i, w);
        }
    }
    return g;
}

std::vector<double> pageRank(const Graph& g, double leadBias)
{
    const size_t n = g.edges.size();
    std::vector<double> teleport(n);
    for (size_t i = 0; i < n; ++i)
        teleport[i] = 1.0 + leadBias * (1.0 - double(i) / double(n));
    const double teleportSum = std::accumulate(teleport.begin(), teleport.end(), 0.0);
    for (double& t : teleport)
        t /= teleportSum;

    std::vector<double> outWeight(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        for (const auto& [j, w] : g.edges[i])
            outWeight[i] += w;
    }
    constexpr double damping = 0.85;
    std::vector<double> rank(teleport);
    std::vector<double> next(n);
    for (int iteration = 0; iteration < 200; ++iteration) {
        double dangling = 0;
        for (size_t i = 0; i < n; ++i) {
            if (outWeight[i] == 0.0)
                dangling += rank[i];
        }
        for (size_t i = 0; i < n; ++i)
            next[i] = (1.0 - damping + damping * dangling) * teleport[i];
        for (size_t i = 0; i < n; ++i) {
            if (outWeight[i] == 0.0)
                continue;
            const double share = damping * rank[i] / outWeight[i];
            for (const auto& [j, w] : g.edges[i])
                next[size_t(j)] += share * w;
        }
        double change = 0;
        for (size_t i = 0; i < n; ++i)
            change += std::abs(next[i] - rank[i]);
        rank.swap(next);
        if (change < 1e-9)
            break;
    }
    return rank;
}

double overlap(const std::vector<int>& a, const std::vector<int>& b)
{
    if (a.empty() || b.empty())
        return 0;
    std::vector<int> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return double(common.size()) / double(std::min(a.size(), b.size()));
}

// Cuts a sentence that alone exceeds the character budget at a word boundary.
QString truncated(const QString& s, int maxChars)
{
    if (s.size() <= maxChars)
        return s;
    qsizetype cut = maxChars - 1;
    while (cut > maxChars / 2 && !s[cut].isSpace())
        --cut;
    if (cut <= maxChars / 2)
        cut = maxChars - 1;
    return s.left(cut).trimmed() + QChar(0x2026);
}

} // namespace

QList<double> TextRankSummarizer::scores(const QStringList& sentences, double leadBias)
{
    if (sentences.isEmpty())
        return {};
    const std::vector<double> r = pageRank(buildGraph(sentences), leadBias);
    return QList<double>(r.begin(), r.end());
}

TextRankSummarizer::Summary TextRankSummarizer::summarizeSentences(const QStringList& sentences, const Options& options)
{
    Summary summary;
    const int n = int(sentences.size());
    summary.totalSentences = n;
    if (n == 0)
        return summary;
    const Graph g = buildGraph(sentences);
    const std::vector<double> rank = pageRank(g, options.leadBias);
    std::vector<int> order(size_t(n));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&rank](int a, int b) { return rank[size_t(a)] > rank[size_t(b)]; });

    std::vector<int> chosen;
    int usedChars = 0;
    const bool byChars = options.maxChars > 0;
    const int wanted = std::max(1, options.sentences);
    for (int candidate : order) {
        if (!byChars && int(chosen.size()) >= wanted)
            break;
        const bool redundant = std::any_of(chosen.begin(), chosen.end(), [&](int c) {
            return overlap(g.terms[size_t(c)], g.terms[size_t(candidate)]) > options.redundancy;
        });
        if (redundant)
            continue;
        if (byChars) {
            const int length = int(sentences[candidate].size()) + (chosen.empty() ? 0 : 1);
            if (usedChars + length > options.maxChars)
                continue; // a shorter, lower-ranked sentence may still fit
            usedChars += length;
        }
        chosen.push_back(candidate);
    }
    if (chosen.empty()) // every sentence is longer than the budget: cut the best one
        chosen.push_back(order.front());
    std::sort(chosen.begin(), chosen.end());
    for (int i : chosen) {
        summary.indices.append(i);
        summary.sentences.append(byChars ? truncated(sentences[i], options.maxChars) : sentences[i]);
    }
    return summary;
}

TextRankSummarizer::Summary TextRankSummarizer::summarize(const QString& text, const Options& options)
{
    return summarizeSentences(SentenceSplitter::splitTexts(text), options);
}

} // namespace taskloom::nodes::llm
