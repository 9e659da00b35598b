#pragma once

#include "engine/Flow.hpp"

#include <QString>

#include <optional>

namespace taskloom::studio {

class FlowDocument;

/// One end of a connection being drawn: a node's port and whether it is an output.
struct PortRef {
    QString nodeId;
    QString port;
    bool output = true;
};

/// Which connections the canvas accepts, and why it refuses the others (shown to the user while dragging).
class ConnectionRules {
public:
    /// The connection from two port ends in either drag direction, or the reason there is none.
    static std::optional<engine::Connection> resolve(const FlowDocument& doc, const PortRef& a, const PortRef& b,
                                                     QString* reason);
    /// Why `c` may not be added, or nothing when it may.
    static std::optional<QString> refusal(const FlowDocument& doc, const engine::Connection& c);
    /// Whether `to` can reach `from` along connections, not counting loop returns (would `from -> to` close
    /// a cycle?).
    static bool reaches(const FlowDocument& doc, const QString& from, const QString& to);
};

} // namespace taskloom::studio
