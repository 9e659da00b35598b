#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::connectors {

/// Runs a program with an argument list (never through a shell, so item values cannot inject commands) once per
/// item and emits its exit code, stdout and stderr. Off unless the user's settings enable it: a flow file alone
/// can never make a machine run programs.
class ShellCommandNode final : public engine::NodeType {
public:
    explicit ShellCommandNode(bool enabled);
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

    /// Output above this many bytes per stream is cut (and says so), so a chatty program cannot fill memory.
    static constexpr qint64 maxOutputBytes = 16LL * 1024 * 1024;

private:
    void runItem(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, engine::Outputs& out) const;

    bool m_enabled;
    engine::Param<QString> m_program;
    engine::Param<engine::Array> m_arguments;
    engine::Param<QString> m_workingDirectory;
    engine::Param<engine::Array> m_environment;
    engine::Param<QString> m_stdin;
    engine::Param<double> m_timeout;
    engine::Param<bool> m_failOnExitCode;
    engine::Param<bool> m_keepInputFields;
};

} // namespace taskloom::nodes::connectors
