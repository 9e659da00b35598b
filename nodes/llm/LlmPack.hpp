#pragma once

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes::llm {

/// Summarize, Ask, Extract and Classify, and the openAiCompatible credential type.
void registerLlmNodes(engine::NodeRegistry& registry);

} // namespace taskloom::nodes::llm
