#include "LuaNodes.hpp"

#include "LuaCodeNode.hpp"
#include "LuaNodeLoader.hpp"

#include "engine/NodeRegistry.hpp"

#include <QFileInfo>
#include <QtGlobal>

namespace taskloom::scripts {

void registerLuaNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<LuaCodeNode>());
    const LuaNodeLoader::Result bundled = LuaNodeLoader::loadBundled();
    // A bundled file that does not load is a defect of this build (its tests catch it): say so, and go on
    // with the nodes that did load rather than take every program down.
    for (const QString& e : bundled.errors)
        qCritical("bundled Lua node: %s", qUtf8Printable(e));
    registerLuaNodeTypes(registry, bundled, {});
}

QStringList loadLuaNodes(engine::NodeRegistry& registry, const LuaNodeOptions& options)
{
    QStringList problems;
    if (!options.grants.isEmpty()) {
        const LuaNodeLoader::Result bundled = LuaNodeLoader::loadBundled();
        problems += bundled.errors;
        problems += registerLuaNodeTypes(registry, bundled, options.grants);
    }
    const LuaNodeLoader::Result user = LuaNodeLoader::loadFolder(options.userFolder);
    problems += user.errors;
    problems += registerLuaNodeTypes(registry, user, options.grants);
    return problems;
}

std::expected<LuaNodeReload, QString> reloadLuaNodeFile(engine::NodeRegistry& registry, const QString& path,
                                                        const QHash<QString, LuaGrants>& grants)
{
    auto node = LuaNodeLoader::loadFile(path);
    if (!node)
        return std::unexpected(node.error());
    const QString type = (*node)->spec().type;
    const auto* lua = dynamic_cast<const LuaNodeType*>(registry.find(type));
    if (lua && !lua->isBundled() && QFileInfo(lua->path()) != QFileInfo(path))
        return std::unexpected(QStringLiteral("%1: type %2 is already declared by %3").arg(path, type, lua->path()));
    std::shared_ptr<const engine::NodeType> existing = lua ? lua->shared_from_this() : nullptr;
    LuaNodeLoader::Result one;
    one.nodes.append(*node);
    if (const QStringList refused = registerLuaNodeTypes(registry, one, grants); !refused.isEmpty())
        return std::unexpected(refused.first());
    return LuaNodeReload{type, std::move(existing)};
}

} // namespace taskloom::scripts
