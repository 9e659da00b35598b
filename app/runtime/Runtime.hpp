#pragma once

#include "UserSettings.hpp"

#include "engine/Executor.hpp"
#include "engine/Flow.hpp"
#include "engine/NodeRegistry.hpp"
#include "engine/Problem.hpp"

#include <expected>
#include <memory>
#include <optional>

namespace taskloom::engine {
class CredentialStore;
class ExpressionEngine;
class RunStore;
} // namespace taskloom::engine

namespace taskloom::app {

/// A flow file read and checked against the node specs.
struct LoadedFlow {
    QString path;
    std::optional<engine::Flow> flow;
    QList<engine::Problem> problems;

    bool ok() const { return flow.has_value() && !engine::Problem::hasErrors(problems); }
    /// "nodes[3].params.url (node \"Fetch\"): required parameter missing", naming the node behind a path.
    QString describe(const engine::Problem& problem) const;
};

/// What every program (CLI, studio, daemon) builds first: the node registry with every pack, the expression
/// engine, the data folder, the user's settings, and on demand the run store and the credentials vault. One
/// runtime per process; the run store belongs to the thread that created the runtime.
class Runtime {
public:
    struct Options {
        QString dataDir;        ///< empty: $TASKLOOM_HOME or the XDG data folder
        bool useKeyring = true; ///< false: the vault keeps its key in a key file (servers, CI)
        /// The user's Lua node types; empty: $TASKLOOM_NODES_DIR, else settings lua.nodesFolder, else <dataDir>/nodes.
        QString luaNodesDir;
    };

    static std::expected<std::unique_ptr<Runtime>, QString> create(const Options& options);
    ~Runtime();

    const engine::NodeRegistry& registry() const { return m_registry; }
    const engine::ExpressionEngine& expressions() const { return *m_expressions; }
    const QString& dataDir() const { return m_dataDir; }
    const UserSettings& settings() const { return m_settings; }
    /// The folder Lua node types were loaded from, and one line per node file that did not load.
    const QString& luaNodesDir() const { return m_luaNodesDir; }
    const QStringList& luaNodeProblems() const { return m_luaNodeProblems; }
    /// Loads one Lua node file again and replaces its type in the registry (the studio's hot reload): the type
    /// id, or the file's error (file and line), in which case the type loaded before stays. The replaced type
    /// is kept alive for the life of the runtime. Only while no run is in progress: runs read the registry.
    std::expected<QString, QString> reloadLuaNodeFile(const QString& path);

    LoadedFlow loadFlow(const QString& path) const;
    /// Problems of an in-memory flow (the studio's current document).
    QList<engine::Problem> validate(const engine::Flow& flow) const;

    /// Opens the run store on first use.
    std::expected<engine::RunStore*, QString> store();
    /// Opens the credentials vault on first use.
    std::expected<engine::CredentialStore*, QString> credentials();
    /// One field of a vault credential (a replay's "type secret" steps), or why not.
    std::expected<QString, QString> credentialField(const QString& name, const QString& field);
    /// Evaluates the {{ }} expressions in `text` with no item (a macro's typed text replayed outside a flow:
    /// `taskloom replay`, the studio's recorder panel). Thread-safe: each call has its own evaluator.
    std::expected<QString, QString> evaluateText(const QString& text) const;

    struct RunRequest {
        const engine::Flow* flow = nullptr;
        QString flowPath;
        engine::RunOptions options;
        bool record = true;     ///< record the run in the run store
        QString trigger = QStringLiteral("manual");
    };
    struct RunOutcome {
        engine::RunResult result;
        QStringList warnings; ///< recording problems: the run itself is unaffected
    };
    /// The one way every program runs a flow: credentials, allowed environment, recording.
    RunOutcome run(RunRequest request);

private:
    Runtime() = default;

    engine::NodeRegistry m_registry;
    std::unique_ptr<engine::ExpressionEngine> m_expressions;
    QString m_dataDir;
    UserSettings m_settings;
    QString m_luaNodesDir;
    QStringList m_luaNodeProblems;
    QList<std::shared_ptr<const engine::NodeType>> m_replacedTypes;
    bool m_useKeyring = true;
    std::unique_ptr<engine::RunStore> m_store;
    std::unique_ptr<engine::CredentialStore> m_vault;
    QString m_vaultError;
};

/// Whether a flow names any credential (so a run without one never touches the keyring).
bool usesCredentials(const engine::Flow& flow, const engine::NodeRegistry& registry);

} // namespace taskloom::app
