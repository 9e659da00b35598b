#include "builtin.hpp"

#include "nodes/core/CorePack.hpp"
#include "nodes/ocr/OcrPack.hpp"
#include "nodes/connectors/ConnectorsPack.hpp"
#include "nodes/llm/LlmPack.hpp"
#include "scripts/LuaNodes.hpp"
#ifdef TASKLOOM_HAS_RPA
#include "nodes/rpa/RpaPack.hpp"
#endif

namespace taskloom::nodes {

void registerBuiltinNodes(engine::NodeRegistry& registry, const engine::Object& settings)
{
    core::registerCoreNodes(registry);
    scripts::registerLuaNodes(registry);
    ocr::registerOcrNodes(registry);
    connectors::registerConnectorNodes(registry, connectors::ConnectorGrants::fromSettings(settings));
    llm::registerLlmNodes(registry);
#ifdef TASKLOOM_HAS_RPA
    rpa::registerRpaNodes(registry);
#endif
}

} // namespace taskloom::nodes
