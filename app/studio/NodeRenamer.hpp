#pragma once

#include "engine/Value.hpp"

namespace taskloom::studio {

/// Rewrites `node["Old"]` (and `node['Old']`) inside the `{{ }}` expressions of parameter values, so renaming
/// a node keeps every expression that reads its output working.
class NodeRenamer {
public:
    /// Rewrites in place; returns whether anything changed.
    static bool rewrite(engine::Object& params, const QString& oldName, const QString& newName);
    static bool rewrite(engine::Value& value, const QString& oldName, const QString& newName);
    /// One string: only the parts between {{ and }} are touched.
    static QString rewriteText(const QString& text, const QString& oldName, const QString& newName);
};

} // namespace taskloom::studio
