#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::connectors {

/// Sends one e-mail per item over SMTP (STARTTLS, TLS or plain, with AUTH from the vault): text and HTML bodies,
/// To / Cc / Bcc, item binaries as attachments. Passes the items on.
class EmailSendNode final : public engine::NodeType {
public:
    EmailSendNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    void sendItem(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;

    engine::Param<QString> m_host;
    engine::Param<qint64> m_port;
    engine::Param<QString> m_security;
    engine::Param<QString> m_credential;
    engine::Param<QString> m_oauth2Credential;
    engine::Param<bool> m_ignoreTlsErrors;
    engine::Param<QString> m_from;
    engine::Param<QString> m_to;
    engine::Param<QString> m_cc;
    engine::Param<QString> m_bcc;
    engine::Param<QString> m_replyTo;
    engine::Param<QString> m_subject;
    engine::Param<QString> m_text;
    engine::Param<QString> m_html;
    engine::Param<QString> m_attachments;
    engine::Param<double> m_timeout;
};

} // namespace taskloom::nodes::connectors
