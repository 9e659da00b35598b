#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::connectors {

/// Reads messages from an IMAP folder (search criteria, newest limit), one item per message with decoded headers,
/// text and HTML, and the attachments as binaries; marks them read unless told not to.
class EmailReadNode final : public engine::NodeType {
public:
    EmailReadNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    void readItem(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, engine::Outputs& out) const;

    engine::Param<QString> m_host;
    engine::Param<qint64> m_port;
    engine::Param<QString> m_security;
    engine::Param<QString> m_credential;
    engine::Param<QString> m_oauth2Credential;
    engine::Param<bool> m_ignoreTlsErrors;
    engine::Param<QString> m_folder;
    engine::Param<QString> m_criteria;
    engine::Param<bool> m_markAsRead;
    engine::Param<qint64> m_maxMessages;
    engine::Param<bool> m_attachments;
    engine::Param<double> m_timeout;
};

} // namespace taskloom::nodes::connectors
