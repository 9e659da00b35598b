#include "ItemJoin.hpp"

#include <QHash>

#include <optional>

namespace taskloom::nodes::core {

using engine::Item;
using engine::ItemList;

namespace {

std::optional<QString> keyOf(const Item& item, const QList<ItemJoin::KeyPair>& keys, bool second, ValueKey::Match match)
{
    QString key;
    for (const ItemJoin::KeyPair& k : keys) {
        const engine::Value v = (second ? k.second : k.first).get(item.json());
        if (v.isNull())
            return std::nullopt;
        ValueKey::appendPart(key, v, match);
    }
    return key;
}

} // namespace

ItemList ItemJoin::join(const ItemList& first, const ItemList& second, const Options& options,
                        const ItemCombiner& combiner)
{
    QHash<QString, QList<qsizetype>> index; // key -> positions in `second`, in order
    for (qsizetype j = 0; j < second.size(); ++j) {
        if (const auto key = keyOf(second[j], options.keys, true, options.match))
            index[*key].append(j);
    }
    std::vector<bool> matchedSecond(size_t(second.size()), false);
    const bool nonMatches = options.kind == Kind::NonMatches;
    ItemList out;
    for (const Item& a : first) {
        const auto key = keyOf(a, options.keys, false, options.match);
        const QList<qsizetype> matches = key ? index.value(*key) : QList<qsizetype>();
        for (qsizetype j : matches) {
            matchedSecond[size_t(j)] = true;
            if (!nonMatches)
                out.append(combiner.combine({&a, &second[j]}, {1, 2}));
        }
        const bool keepUnmatched = nonMatches ? options.nonMatchesFrom != Side::Second
                                              : options.kind == Kind::Left || options.kind == Kind::Outer;
        if (matches.isEmpty() && keepUnmatched)
            out.append(a);
    }
    const bool secondUnmatched = nonMatches ? options.nonMatchesFrom != Side::First : options.kind == Kind::Outer;
    if (secondUnmatched) {
        for (qsizetype j = 0; j < second.size(); ++j) {
            if (!matchedSecond[size_t(j)])
                out.append(second[j]);
        }
    }
    return out;
}

} // namespace taskloom::nodes::core
