#include "Runtime.hpp"

#include "DataDir.hpp"

#include "engine/FlowReader.hpp"
#include "engine/FlowValidator.hpp"
#include "engine/RunRecorder.hpp"
#include "engine/RunStore.hpp"
#include "engine/Template.hpp"
#include "nodes/builtin.hpp"
#include "scripts/LuaExpressionEngine.hpp"
#include "scripts/LuaNodes.hpp"
#include "vault/Vault.hpp"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace taskloom::app {

using namespace engine;

QString LoadedFlow::describe(const Problem& problem) const
{
    static const QRegularExpression nodePath(QStringLiteral("^nodes\\[(\\d+)\\]"));
    const auto m = nodePath.match(problem.path);
    if (!m.hasMatch() || !flow)
        return problem.toString();
    const qsizetype index = m.captured(1).toLongLong();
    if (index < 0 || index >= qsizetype(flow->nodes.size()))
        return problem.toString();
    return QStringLiteral("%1 (node \"%2\"): %3").arg(problem.path, flow->nodes[size_t(index)].name, problem.message);
}

std::expected<std::unique_ptr<Runtime>, QString> Runtime::create(const Options& options)
{
    std::unique_ptr<Runtime> rt(new Runtime);
    rt->m_dataDir = resolveDataDir(options.dataDir);
    rt->m_useKeyring = options.useKeyring;
    auto settings = UserSettings::load(rt->m_dataDir);
    if (!settings)
        return std::unexpected(settings.error());
    rt->m_settings = *settings;
    nodes::registerBuiltinNodes(rt->m_registry, rt->m_settings.raw());
    nodes::setDataDir(rt->m_dataDir);
    rt->m_expressions = std::make_unique<scripts::LuaExpressionEngine>();
    rt->m_luaNodesDir = options.luaNodesDir;
    if (rt->m_luaNodesDir.isEmpty())
        rt->m_luaNodesDir = qEnvironmentVariable("TASKLOOM_NODES_DIR");
    if (rt->m_luaNodesDir.isEmpty())
        rt->m_luaNodesDir = rt->m_settings.luaNodesFolder();
    if (rt->m_luaNodesDir.isEmpty())
        rt->m_luaNodesDir = QDir(rt->m_dataDir).filePath(QStringLiteral("nodes"));
    rt->m_luaNodeProblems = scripts::loadLuaNodes(rt->m_registry, {rt->m_luaNodesDir, rt->m_settings.luaGrants()});
    return rt;
}

Runtime::~Runtime() = default;

std::expected<QString, QString> Runtime::reloadLuaNodeFile(const QString& path)
{
    auto reloaded = scripts::reloadLuaNodeFile(m_registry, path, m_settings.luaGrants());
    if (!reloaded)
        return std::unexpected(reloaded.error());
    if (reloaded->replaced)
        m_replacedTypes.append(std::move(reloaded->replaced));
    return reloaded->type;
}

LoadedFlow Runtime::loadFlow(const QString& path) const
{
    LoadedFlow out;
    out.path = path;
    FlowReader::Result r = FlowReader::load(path, m_registry);
    out.problems = r.problems;
    out.flow = std::move(r.flow);
    if (out.flow) {
        // The validator also checks in-memory flows, so it repeats some of the reader's findings in its own words
        // (an unknown node type): where the reader already reported a problem at a path, that is the one shown.
        const QList<Problem> fromReader = out.problems;
        for (const Problem& p : validate(*out.flow)) {
            const bool known = std::any_of(fromReader.begin(), fromReader.end(), [&](const Problem& r) {
                return r.path == p.path && r.severity == p.severity;
            });
            if (!known)
                out.problems.append(p);
        }
    }
    return out;
}

QList<Problem> Runtime::validate(const Flow& flow) const
{
    return FlowValidator(m_registry, m_expressions.get()).validate(flow);
}

std::expected<RunStore*, QString> Runtime::store()
{
    if (!m_store) {
        auto s = RunStore::open(m_dataDir);
        if (!s)
            return std::unexpected(QStringLiteral("run store in %1: %2").arg(m_dataDir, s.error().message));
        m_store = std::move(*s);
    }
    return m_store.get();
}

std::expected<CredentialStore*, QString> Runtime::credentials()
{
    if (!m_vault && m_vaultError.isEmpty()) {
        vault::Vault::Options o;
        o.useKeyring = m_useKeyring;
        auto v = vault::Vault::open(m_dataDir, o);
        if (v)
            m_vault = std::move(*v);
        else
            m_vaultError = v.error();
    }
    if (!m_vault)
        return std::unexpected(m_vaultError);
    return m_vault.get();
}

Runtime::RunOutcome Runtime::run(RunRequest request)
{
    RunOutcome outcome;
    RunOptions& o = request.options;
    // Absolute: the run history must name the file whatever folder the run was started from.
    if (!request.flowPath.isEmpty())
        request.flowPath = QFileInfo(request.flowPath).absoluteFilePath();
    o.flowPath = request.flowPath;
    if (o.env.isEmpty())
        o.env = m_settings.allowedEnvironment();
    if (!o.credentials && usesCredentials(*request.flow, m_registry)) {
        auto c = credentials();
        if (c)
            o.credentials = *c;
        else
            outcome.warnings.append(QStringLiteral("credentials vault: %1").arg(c.error()));
    }
    std::unique_ptr<RunRecorder> recorder;
    if (request.flow->settings.storeItemData != StoreItemData::Full)
        o.maxSampleItems = 0; // nobody keeps item data: do not collect it
    if (request.record) {
        auto s = store();
        if (s) {
            recorder = std::make_unique<RunRecorder>(
                **s, RunRecorder::Options{request.flow->settings.storeItemData, request.flowPath, request.trigger});
            o.observers.append(recorder.get());
        } else {
            outcome.warnings.append(s.error());
        }
    }
    Executor executor(m_registry, m_expressions.get());
    outcome.result = executor.run(*request.flow, o);
    nodes::endRun(outcome.result.runId); // browser sessions end with their run
    if (recorder) {
        if (auto f = recorder->flush(); !f)
            outcome.warnings.append(QStringLiteral("run store: %1").arg(f.error()));
    }
    return outcome;
}

bool usesCredentials(const Flow& flow, const NodeRegistry& registry)
{
    for (const FlowNode& n : flow.nodes) {
        const NodeType* t = registry.find(n.type);
        if (!t)
            continue;
        for (const ParamSpec& p : t->spec().params) {
            if (p.type == ParamType::Credential && !n.params.value(p.name).toText().isEmpty())
                return true;
        }
        if (!t->spec().credentialTypes.isEmpty())
            return true;
    }
    return false;
}

std::expected<QString, QString> Runtime::credentialField(const QString& name, const QString& field)
{
    auto store = credentials();
    if (!store)
        return std::unexpected(store.error());
    auto credential = (*store)->get(name);
    if (!credential)
        return std::unexpected(credential.error());
    if (!credential->fields.contains(field))
        return std::unexpected(QStringLiteral("credential \"%1\" has no field \"%2\"").arg(name, field));
    return credential->field(field);
}

std::expected<QString, QString> Runtime::evaluateText(const QString& text) const
{
    if (!engine::Template::containsExpression(text))
        return text;
    auto parsed = engine::Template::parse(text);
    if (!parsed)
        return std::unexpected(parsed.error());
    auto evaluator = m_expressions->createEvaluator();
    QString out;
    for (const auto& part : parsed->parts()) {
        if (!part.isExpression) {
            out += part.text;
            continue;
        }
        auto handle = evaluator->compile(part.text);
        if (!handle)
            return std::unexpected(handle.error());
        auto value = evaluator->evaluate(*handle, {});
        if (!value)
            return std::unexpected(value.error());
        out += value->toText();
    }
    return out;
}

} // namespace taskloom::app
