#pragma once

#include "FlowDocument.hpp"

#include <QByteArray>

#include <expected>

namespace taskloom::studio {

/// Copy and paste as flow JSON: a copied selection is a complete flow file (so it pastes into another studio
/// window, a text editor or `taskloom validate`), and any flow JSON pastes back in.
class FlowClipboard {
public:
    /// The selected nodes, the connections between them and the selected notes, as flow JSON.
    static QByteArray serialize(const FlowDocument& doc, const QStringList& nodeIds, const QStringList& noteIds);
    /// Reads flow JSON; an error names what is wrong with it.
    static std::expected<FlowFragment, QString> parse(const QByteArray& json, const FlowDocument& doc);
    /// Gives pasted pieces fresh ids and names that do not clash with the document (rewriting expressions that
    /// named a renamed copy), and moves them so that their top-left corner lands at `at`.
    static FlowFragment prepareForPaste(FlowFragment fragment, const FlowDocument& doc, engine::Position at);
};

} // namespace taskloom::studio
