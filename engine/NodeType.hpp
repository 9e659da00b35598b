#pragma once

#include "Flow.hpp"
#include "NodeIO.hpp"
#include "NodeSpec.hpp"
#include "Param.hpp"
#include "Ports.hpp"

#include <expected>
#include <memory>

namespace taskloom::engine {

class ExecutionContext;

/// Whether a call has more to give: a lazy source emits one batch per call and returns More until it is done.
enum class Exec { Done, More };

/// The per-run state of one node. Stateless node types use the default instance, which forwards to
/// NodeType::execute; a node that keeps state across calls (a reader's open file, an aggregate's totals)
/// returns its own instance from NodeType::instantiate.
class NodeInstance {
public:
    virtual ~NodeInstance() = default;
    /// Collect nodes: called once with all inputs (and again with empty inputs while it returns More).
    /// Stream nodes: called once per arriving batch.
    virtual Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) = 0;
    /// Stream nodes: called once after the last batch.
    virtual void finish(ExecutionContext& ctx, Outputs& out)
    {
        (void)ctx;
        (void)out;
    }
};

/// A node type: its spec (data) and its behaviour, declared in one .hpp/.cpp pair.
class NodeType {
public:
    virtual ~NodeType() = default;

    const NodeSpec& spec() const { return m_spec; }

    /// The ports for these parameters and settings. The default is the spec's ports plus an "error" output
    /// when the node routes errors.
    virtual Ports ports(const Object& params, const NodeSettings& settings) const;
    virtual std::unique_ptr<NodeInstance> instantiate() const;
    /// The work of a stateless node; see NodeInstance::execute.
    virtual Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const;
    /// Upgrades parameters saved by an older typeVersion in place. The default accepts nothing older.
    virtual std::expected<void, QString> migrate(int fromVersion, Object& params) const;
    /// Checks beyond the spec's declarative rules (a Lua parse, a regex). Returns (parameter, problem) pairs.
    virtual QList<std::pair<QString, QString>> checkParams(const Object& params) const;

protected:
    template <typename T>
    Param<T> addParam(ParamSpec p)
    {
        Param<T> handle(p.name);
        m_spec.params.append(std::move(p));
        return handle;
    }

    NodeSpec m_spec;
};

} // namespace taskloom::engine
