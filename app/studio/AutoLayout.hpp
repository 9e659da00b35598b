#pragma once

#include "engine/Flow.hpp"

#include <QHash>
#include <QSet>

namespace taskloom::studio {

/// Left-to-right layered layout: each node goes one column right of the furthest node feeding it, and within
/// a column nodes are ordered by where their inputs come from, which untangles most flows.
class AutoLayout {
public:
    static constexpr double columnWidth = 260;
    static constexpr double rowHeight = 120;

    /// New positions for `nodeIds` (every node when empty), anchored at the top-left of their current box.
    static QHash<QString, engine::Position> layout(const engine::Flow& flow, const QSet<QString>& nodeIds = {});
};

} // namespace taskloom::studio
