#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Types a credential's secret (a password) into the focused field; the flow holds only the credential's name.
class TypeSecretNode final : public RpaNode {
public:
    TypeSecretNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_credential;
    engine::Param<QString> m_field;
};

} // namespace taskloom::nodes::rpa
