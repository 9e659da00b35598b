#pragma once

#include "engine/Item.hpp"

#include <QSet>

namespace taskloom::nodes::core {

/// Combines items from different inputs into one (Merge by matching fields or by position) and settles the
/// fields that more than one of them has. Fields keep their order: the first part's fields, then each later
/// part's new fields. Attachments combine the same way.
class ItemCombiner {
public:
    enum class Clash {
        PreferFirst, ///< the earlier input's value stays
        PreferLast,  ///< the later input's value replaces it (in the earlier field's place)
        Prefix,      ///< both stay, renamed after their input: in1_total, in2_total
    };

    /// `shared`: names that hold the same thing in every part (the join keys when both sides call them alike):
    /// never prefixed, the first part's value is kept.
    explicit ItemCombiner(Clash clash, QSet<QString> shared = {}) : m_clash(clash), m_shared(std::move(shared)) {}

    /// `parts[k]` came from input number `inputs[k]` (1-based; it names the prefix).
    engine::Item combine(const QList<const engine::Item*>& parts, const QList<int>& inputs) const;

private:
    engine::Item combineByPrefix(const QList<const engine::Item*>& parts, const QList<int>& inputs) const;

    Clash m_clash;
    QSet<QString> m_shared;
};

} // namespace taskloom::nodes::core
