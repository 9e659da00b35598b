#pragma once

#include "engine/Value.hpp"

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes::connectors {

/// What the user's settings (never a flow file) allow the connectors to do.
struct ConnectorGrants {
    bool shell = false; ///< settings.json {"shell": {"enabled": true}}: the Shell command node may run programs

    /// Reads the grants from the user's settings object (settings.json).
    static ConnectorGrants fromSettings(const engine::Object& settings);
};

/// HTTP, HTML extract, feeds, SQL, shell, chat webhooks.
void registerConnectorNodes(engine::NodeRegistry& registry, const ConnectorGrants& grants = {});

} // namespace taskloom::nodes::connectors
