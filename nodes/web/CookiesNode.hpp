#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Reads, sets and deletes the cookies of a session's profile (kept on disk for named profiles).
class CookiesNode final : public WebNode {
public:
    CookiesNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_operation;
    engine::Param<QString> m_url;
    engine::Param<bool> m_allSites;
    engine::Param<QString> m_name;
    engine::Param<QString> m_value;
    engine::Param<QString> m_domain;
    engine::Param<QString> m_path;
    engine::Param<double> m_expiresDays;
    engine::Param<bool> m_secure;
    engine::Param<bool> m_httpOnly;
};

} // namespace taskloom::nodes::web
