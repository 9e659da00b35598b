#include "AutoLayout.hpp"

#include <algorithm>
#include <limits>
#include <map>

namespace taskloom::studio {

using namespace engine;

QHash<QString, Position> AutoLayout::layout(const Flow& flow, const QSet<QString>& nodeIds)
{
    QSet<QString> ids = nodeIds;
    if (ids.isEmpty()) {
        for (const FlowNode& n : flow.nodes)
            ids.insert(n.id);
    }
    QHash<QString, qsizetype> order; // flow order breaks ties so the layout is deterministic
    double minX = std::numeric_limits<double>::max(), minY = std::numeric_limits<double>::max();
    for (size_t i = 0; i < flow.nodes.size(); ++i) {
        const FlowNode& n = flow.nodes[i];
        if (!ids.contains(n.id))
            continue;
        order.insert(n.id, qsizetype(i));
        minX = std::min(minX, n.position.x);
        minY = std::min(minY, n.position.y);
    }
    if (order.isEmpty())
        return {};

    QHash<QString, QList<QString>> preds, succs;
    for (const Connection& c : flow.connections) {
        if (ids.contains(c.fromNode) && ids.contains(c.toNode) && c.fromNode != c.toNode) {
            succs[c.fromNode].append(c.toNode);
            preds[c.toNode].append(c.fromNode);
        }
    }
    // Longest-path layering over a DFS that ignores back edges (a loop's return), so cycles cannot hang it.
    QHash<QString, int> layer;
    QHash<QString, int> state; // 1 visiting, 2 done
    std::function<int(const QString&)> depth = [&](const QString& id) -> int {
        if (state.value(id) == 2)
            return layer.value(id);
        state.insert(id, 1);
        int d = 0;
        for (const QString& p : preds.value(id)) {
            if (state.value(p) == 1)
                continue; // back edge
            d = std::max(d, depth(p) + 1);
        }
        state.insert(id, 2);
        layer.insert(id, d);
        return d;
    };
    std::vector<QString> sorted(order.keyBegin(), order.keyEnd());
    std::sort(sorted.begin(), sorted.end(), [&](const QString& a, const QString& b) { return order[a] < order[b]; });
    for (const QString& id : sorted)
        depth(id);

    std::map<int, std::vector<QString>> columns;
    for (const QString& id : sorted)
        columns[layer.value(id)].push_back(id);
    QHash<QString, double> row;
    QHash<QString, Position> out;
    for (auto& [col, members] : columns) {
        // Barycentre of the rows of the nodes feeding each member (first column: flow order).
        std::vector<std::pair<double, QString>> keyed;
        for (const QString& id : members) {
            double sum = 0;
            int count = 0;
            for (const QString& p : preds.value(id)) {
                if (row.contains(p)) {
                    sum += row.value(p);
                    ++count;
                }
            }
            keyed.emplace_back(count ? sum / count : double(order.value(id)), id);
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (size_t i = 0; i < keyed.size(); ++i) {
            const QString& id = keyed[i].second;
            row.insert(id, double(i));
            out.insert(id, Position{minX + col * columnWidth, minY + double(i) * rowHeight});
        }
    }
    return out;
}

} // namespace taskloom::studio
