#include "NodeCatalog.hpp"

#include "StudioTranslation.hpp"

#include "engine/NodeRegistry.hpp"

#include <algorithm>

namespace taskloom::studio {

using namespace engine;

int NodeCatalog::score(const NodeType& type, const QString& query)
{
    const NodeSpec& s = type.spec();
    const QStringList words = query.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return 1;
    // The title and description as the palette shows them (translated) and as declared (English).
    const QString title = StudioTranslation::node(s.title);
    const QString description = StudioTranslation::node(s.description);
    int total = 0;
    for (const QString& w : words) {
        int best = 0;
        if (title.startsWith(w, Qt::CaseInsensitive) || s.title.startsWith(w, Qt::CaseInsensitive))
            best = 100;
        else if (title.contains(w, Qt::CaseInsensitive) || s.title.contains(w, Qt::CaseInsensitive))
            best = 60;
        for (const QString& alias : s.aliases) {
            if (alias.startsWith(w, Qt::CaseInsensitive))
                best = std::max(best, 50);
            else if (alias.contains(w, Qt::CaseInsensitive))
                best = std::max(best, 35);
        }
        if (!best && (s.category.contains(w, Qt::CaseInsensitive) || s.type.contains(w, Qt::CaseInsensitive)))
            best = 20;
        if (!best && (description.contains(w, Qt::CaseInsensitive) || s.description.contains(w, Qt::CaseInsensitive)))
            best = 10;
        if (!best)
            return 0;
        total += best;
    }
    return total;
}

QList<const NodeType*> NodeCatalog::search(const NodeRegistry& registry, const QString& query)
{
    QList<std::pair<int, const NodeType*>> scored;
    for (const NodeType* t : registry.types()) {
        if (const int s = score(*t, query))
            scored.append({s, t});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QList<const NodeType*> out;
    for (const auto& [s, t] : scored)
        out.append(t);
    return out;
}

} // namespace taskloom::studio
