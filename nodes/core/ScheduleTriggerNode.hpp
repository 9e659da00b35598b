#pragma once

#include "engine/NodeType.hpp"
#include "engine/Schedule.hpp"

namespace taskloom::nodes::core {

/// Starts a flow on a schedule: a cron expression, every N seconds / minutes / hours / days, or once at a date
/// and time, in an IANA time zone. The daemon (`taskloom daemon`) fires it; a run emits one item with the
/// scheduled and actual fire times.
class ScheduleTriggerNode final : public engine::NodeType {
public:
    static constexpr const char* typeName = "core.scheduleTrigger";

    ScheduleTriggerNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    /// The schedule these parameters describe; the error names the parameter and its value.
    std::expected<engine::Schedule, QString> schedule(const engine::Object& params) const;
    /// The zone name used when the parameter is empty: the machine's zone.
    static QString defaultZone();

private:
    /// The schedule, or (parameter, problem) naming the value.
    std::expected<engine::Schedule, std::pair<QString, QString>> build(const engine::Object& params) const;
};

} // namespace taskloom::nodes::core
