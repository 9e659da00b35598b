#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Starts a flow when an HTTP request arrives at the daemon's loopback listener on /webhook/<path>. The
/// request needs a token; its method, path, query, headers and body become the run's one item. The response
/// (status, body) is configurable and sent when the run is queued.
class WebhookTriggerNode final : public engine::NodeType {
public:
    static constexpr const char* typeName = "core.webhookTrigger";

    struct Settings {
        QString path;           ///< without leading or trailing '/'
        QString method;         ///< "POST", "GET", "PUT", or "ANY"
        QString credential;     ///< a "token" credential; empty: the daemon's own token
        int responseStatus = 202;
        QString responseBody;   ///< empty: {"runId": "..."}
        QString responseContentType;
    };

    WebhookTriggerNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    std::expected<Settings, QString> settings(const engine::Object& params) const;
};

} // namespace taskloom::nodes::core
