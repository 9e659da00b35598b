#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Routes each item to one of several outputs, one per case: by rules (the first case whose rules hold wins) or
/// by a value (the case whose value equals it). Unmatched items go to an optional "fallback" output or are
/// dropped. The outputs are named after the cases, so they change with the parameters (see ports()).
class SwitchNode final : public engine::NodeType {
public:
    SwitchNode();
    engine::Ports ports(const engine::Object& params, const engine::NodeSettings& settings) const override;
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    /// The output names for these parameters, one per case in order: the case's name, "case N" when it has
    /// none, made unique with " 2", " 3"... ("fallback" and "error" are taken).
    QStringList caseNames(const engine::Object& params) const;

private:
    bool valueMode(const engine::Object& params) const;
    engine::Exec routeByRules(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out,
                              int fallback) const;
    engine::Exec routeByValue(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out,
                              int fallback) const;

    engine::Param<QString> m_mode;
    engine::Param<engine::Array> m_cases;
    engine::Param<QString> m_field;
    engine::Param<engine::Array> m_valueCases;
    engine::Param<bool> m_fallback;
};

} // namespace taskloom::nodes::core
