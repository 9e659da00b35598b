#include "LuaNodes.hpp"

#include "LuaCodeNode.hpp"
#include "LuaNodeLoader.hpp"

#include "engine/NodeRegistry.hpp"

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

} // namespace taskloom::scripts
