#include "TextRankSummarizer.hpp"

#include "SentenceSplitter.hpp"
#include "TextTerms.hpp"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <iterator>
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
            auto found = ids.constFind(term);
            if (found == ids.cend())
                found = ids.insert(term, int(ids.size()));
            const int id = found.value();
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
    // In a large graph a term in a quarter of all sentences says little about any pair of them, and its
    // postings would cost a quadratic number of edges: leave it out.
    if (n > 200) {
        for (size_t id = 0; id < postings.size(); ++id) {
            if (postings[id].size() * 4 > size_t(n))
                postings[id].clear();
        }
    }

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

// Whether a sentence quotes someone: it holds a pair of straight, curly or corner quotation marks.
bool quotes(const QString& sentence)
{
    return sentence.count(u'"') >= 2 || (sentence.contains(QChar(0x201C)) && sentence.contains(QChar(0x201D)))
        || (sentence.contains(QChar(0x300C)) && sentence.contains(QChar(0x300D)));
}

// What the centrality of each sentence is scaled by before choosing: 1 + leadBias at the start of the document
// falling linearly to 1 at its end (`position[i]` in [0, 1): where sentence i stands in the whole document), times
// 1 - quotePenalty for a sentence that quotes someone.
std::vector<double> priors(const QStringList& sentences, const std::vector<double>& position,
                           const TextRankSummarizer::Options& options)
{
    std::vector<double> prior(position.size());
    for (size_t i = 0; i < prior.size(); ++i) {
        prior[i] = 1.0 + options.leadBias * (1.0 - position[i]);
        if (quotes(sentences[qsizetype(i)]))
            prior[i] *= 1.0 - options.quotePenalty;
    }
    return prior;
}

std::vector<double> pageRank(const Graph& g, const std::vector<double>& prior)
{
    const size_t n = g.edges.size();
    std::vector<double> teleport(n, 1.0 / double(n));

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
    // The priors scale the centrality. Biasing PageRank's random jump instead barely moves the ranking: the graph
    // outweighs the 15 % jump.
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
        rank[i] *= prior[i];
        total += rank[i];
    }
    if (total > 0)
        for (double& r : rank)
            r /= total;
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

std::vector<double> evenPositions(size_t n)
{
    std::vector<double> p(n);
    for (size_t i = 0; i < n; ++i)
        p[i] = double(i) / double(n);
    return p;
}

// Above this many sentences the graph is ranked in blocks first (bounded cost), and the best sentences of every
// block are ranked again together.
constexpr int maxGraphSentences = 1500;
constexpr int blockSentences = 1000;

// The sentences worth ranking globally: all of them for a normal text; for a long one, the best of each block.
std::vector<int> candidates(const QStringList& sentences, int wanted, const TextRankSummarizer::Options& options)
{
    const int n = int(sentences.size());
    std::vector<int> out;
    if (n <= maxGraphSentences) {
        out.resize(size_t(n));
        std::iota(out.begin(), out.end(), 0);
        return out;
    }
    const int perBlock = std::max(wanted * 3, 40);
    for (int start = 0; start < n; start += blockSentences) {
        const int end = std::min(n, start + blockSentences);
        const QStringList block = sentences.mid(start, end - start);
        std::vector<double> position(size_t(end - start));
        for (int i = start; i < end; ++i)
            position[size_t(i - start)] = double(i) / double(n);
        const std::vector<double> rank = pageRank(buildGraph(block), priors(block, position, options));
        std::vector<int> order(rank.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&rank](int a, int b) { return rank[size_t(a)] > rank[size_t(b)]; });
        for (size_t k = 0; k < order.size() && k < size_t(perBlock); ++k)
            out.push_back(start + order[k]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

QList<double> TextRankSummarizer::scores(const QStringList& sentences, double leadBias)
{
    if (sentences.isEmpty())
        return {};
    std::vector<double> r = pageRank(buildGraph(sentences), priors(sentences, evenPositions(size_t(sentences.size())),
                                                                   {.leadBias = leadBias, .quotePenalty = 0}));
    return QList<double>(r.begin(), r.end());
}

TextRankSummarizer::Summary TextRankSummarizer::summarizeSentences(const QStringList& sentences, const Options& options)
{
    Summary summary;
    const int n = int(sentences.size());
    summary.totalSentences = n;
    if (n == 0)
        return summary;
    const bool byChars = options.maxChars > 0;
    const int wanted = std::max(1, options.sentences);
    // Ranked sentences are referred to by their index among the candidates; pick[] maps back to the text.
    const std::vector<int> pick = candidates(sentences, byChars ? options.maxChars / 40 + 1 : wanted, options);
    QStringList ranked;
    std::vector<double> position;
    for (int i : pick) {
        ranked.append(sentences[i]);
        position.push_back(double(i) / double(n));
    }
    const Graph g = buildGraph(ranked);
    const std::vector<double> rank = pageRank(g, priors(ranked, position, options));
    std::vector<int> order(pick.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&rank](int a, int b) { return rank[size_t(a)] > rank[size_t(b)]; });

    std::vector<int> chosen;
    int usedChars = 0;
    for (int candidate : order) {
        if (!byChars && int(chosen.size()) >= wanted)
            break;
        const bool redundant = std::any_of(chosen.begin(), chosen.end(), [&](int c) {
            return overlap(g.terms[size_t(c)], g.terms[size_t(candidate)]) > options.redundancy;
        });
        if (redundant)
            continue;
        if (byChars) {
            const int length = int(ranked[candidate].size()) + (chosen.empty() ? 0 : 1);
            if (usedChars + length > options.maxChars)
                continue; // a shorter, lower-ranked sentence may still fit
            usedChars += length;
        }
        chosen.push_back(candidate);
    }
    if (chosen.empty()) // every sentence is longer than the budget: cut the best one
        chosen.push_back(order.front());
    std::sort(chosen.begin(), chosen.end());
    for (int c : chosen) {
        summary.indices.append(pick[size_t(c)]);
        summary.sentences.append(byChars ? truncated(ranked[c], options.maxChars) : ranked[c]);
    }
    return summary;
}

TextRankSummarizer::Summary TextRankSummarizer::summarize(const QString& text, const Options& options)
{
    return summarizeSentences(SentenceSplitter::splitTexts(text), options);
}

} // namespace taskloom::nodes::llm
