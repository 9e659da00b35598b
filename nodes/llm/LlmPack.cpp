#include "LlmPack.hpp"

#include "AskNode.hpp"
#include "ClassifyNode.hpp"
#include "ExtractNode.hpp"
#include "SummarizeNode.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::llm {

void registerLlmNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<SummarizeNode>());
    registry.add(std::make_shared<AskNode>());
    registry.add(std::make_shared<ExtractNode>());
    registry.add(std::make_shared<ClassifyNode>());
    registry.addCredentialType(LlmNodeType::credentialType());
}

} // namespace taskloom::nodes::llm
