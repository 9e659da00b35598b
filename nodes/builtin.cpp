#include "builtin.hpp"

#include "nodes/core/CorePack.hpp"
#include "scripts/LuaNodes.hpp"
#ifdef TASKLOOM_HAS_RPA
#include "nodes/rpa/RpaPack.hpp"
#endif

namespace taskloom::nodes {

void registerBuiltinNodes(engine::NodeRegistry& registry)
{
    core::registerCoreNodes(registry);
    scripts::registerLuaNodes(registry);
#ifdef TASKLOOM_HAS_RPA
    rpa::registerRpaNodes(registry);
#endif
}

} // namespace taskloom::nodes
