#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::connectors {

/// Posts a message to a chat incoming webhook (Slack, Microsoft Teams, or any service taking JSON), once per
/// item, and passes the item on.
class ChatWebhookNode final : public engine::NodeType {
public:
    ChatWebhookNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

    /// The JSON body each service expects for a message.
    static engine::Object payload(const QString& service, const QString& title, const QString& text);

private:
    void sendItem(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;

    engine::Param<QString> m_service;
    engine::Param<QString> m_credential;
    engine::Param<QString> m_url;
    engine::Param<QString> m_title;
    engine::Param<QString> m_text;
    engine::Param<engine::Value> m_payload;
    engine::Param<double> m_timeout;
};

} // namespace taskloom::nodes::connectors
