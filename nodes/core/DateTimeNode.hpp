#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Date arithmetic and formatting on one field of every item: format a date as text, parse text into ISO 8601,
/// add or subtract an amount of time, or take the difference between two dates. Dates without an offset are
/// read in the node's time zone (an IANA name, UTC by default), never the machine's, and results are written
/// in it; days, months and years follow its calendar (a day added across a DST change keeps the clock time).
class DateTimeNode final : public engine::NodeType {
public:
    DateTimeNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    friend class DateTimeRun;
    engine::Param<QString> m_operation;
    engine::Param<QString> m_field;
    engine::Param<QString> m_inputFormat;
    engine::Param<QString> m_format;
    engine::Param<double> m_amount;
    engine::Param<QString> m_unit;
    engine::Param<QString> m_endDate;
    engine::Param<QString> m_timeZone;
    engine::Param<QString> m_outputField;
};

} // namespace taskloom::nodes::core
