#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Presses a key or a shortcut such as ctrl+s, alt+F4 or Return.
class PressKeysNode final : public RpaNode {
public:
    PressKeysNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    engine::Param<QString> m_keys;
    engine::Param<qint64> m_times;
};

} // namespace taskloom::nodes::rpa
