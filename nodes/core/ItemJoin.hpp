#pragma once

#include "FieldPath.hpp"
#include "ItemCombiner.hpp"
#include "ValueKey.hpp"

#include "engine/Item.hpp"

namespace taskloom::nodes::core {

/// Joins two lists of items on key fields, as Merge's "combine by matching fields" does. Output order: the
/// first list's order, each item followed by its matches in the second list's order; the second list's
/// unmatched items (outer join, non-matches) come last. An item missing any key field matches nothing.
class ItemJoin {
public:
    enum class Kind {
        Inner,      ///< matched pairs, combined
        Left,       ///< every first item, combined with its matches where it has any
        Outer,      ///< left, plus the second list's unmatched items
        NonMatches, ///< only the items without a match (an anti-join)
    };
    enum class Side { Both, First, Second };

    struct KeyPair {
        FieldPath first;
        FieldPath second;
    };

    struct Options {
        QList<KeyPair> keys;
        Kind kind = Kind::Inner;
        Side nonMatchesFrom = Side::Both; ///< NonMatches: whose unmatched items
        ValueKey::Match match = ValueKey::Match::Loose;
    };

    static engine::ItemList join(const engine::ItemList& first, const engine::ItemList& second, const Options& options,
                                 const ItemCombiner& combiner);
};

} // namespace taskloom::nodes::core
