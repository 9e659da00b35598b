#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Brings branches together: appends their items, joins two inputs on matching fields, pairs items up by
/// position, or waits until every input has finished and passes input 1 on (a synchronisation point). Its
/// number of inputs is a parameter (ports()).
class MergeNode final : public engine::NodeType {
public:
    MergeNode();
    engine::Ports ports(const engine::Object& params, const engine::NodeSettings& settings) const override;
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

    static constexpr int maxInputs = 10;

private:
    engine::ItemList combineByFields(engine::ExecutionContext& ctx, const engine::Inputs& in) const;
    engine::ItemList combineByPosition(engine::ExecutionContext& ctx, const engine::Inputs& in) const;

    engine::Param<QString> m_mode;
    engine::Param<qint64> m_inputs;
    engine::Param<engine::Array> m_fields;
    engine::Param<QString> m_join;
    engine::Param<QString> m_nonMatchesFrom;
    engine::Param<bool> m_looseMatch;
    engine::Param<QString> m_clash;
    engine::Param<bool> m_unpaired;
    engine::Param<QString> m_waitOutput;
};

} // namespace taskloom::nodes::core
