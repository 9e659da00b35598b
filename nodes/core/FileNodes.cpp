#include "CorePack.hpp"

#include "CsvReadNode.hpp"
#include "CsvWriteNode.hpp"
#include "JsonParseNode.hpp"
#include "JsonReadNode.hpp"
#include "JsonStringifyNode.hpp"
#include "JsonWriteNode.hpp"
#include "ReadFilesNode.hpp"
#include "WriteFileNode.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::core {

void registerFileNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<ReadFilesNode>());
    registry.add(std::make_shared<WriteFileNode>());
    registry.add(std::make_shared<CsvReadNode>());
    registry.add(std::make_shared<CsvWriteNode>());
    registry.add(std::make_shared<JsonReadNode>());
    registry.add(std::make_shared<JsonWriteNode>());
    registry.add(std::make_shared<JsonParseNode>());
    registry.add(std::make_shared<JsonStringifyNode>());
}

} // namespace taskloom::nodes::core
