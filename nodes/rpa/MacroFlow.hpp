#pragma once

#include "engine/Flow.hpp"
#include "recorder/Macro.hpp"

#include <expected>

namespace taskloom::nodes::rpa {

/// Turns a recording into an ordinary, editable flow of RPA nodes (`taskloom record --as-flow`): a manual trigger,
/// then one node per step in order. Every step kind has a node and every locator a parameter, so nothing is lost.
class MacroFlow {
public:
    /// Builds the flow and writes the anchor images beside `flowPath` (`NAME.anchors/step-NNN.png`); the Click,
    /// Drag and Scroll nodes refer to them relative to the flow's folder.
    static std::expected<engine::Flow, QString> convert(const recorder::Macro& macro, const QString& flowPath);
    /// The node type a step becomes.
    static QString nodeType(recorder::MacroStep::Kind kind);
};

} // namespace taskloom::nodes::rpa
