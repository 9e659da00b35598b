#include "Application.hpp"

#include "engine/FlowReader.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/builtin.hpp"

#include <QCoreApplication>

#include <cstring>

namespace taskloom::app {

namespace {

// The flow argument of `taskloom run [options] FLOW`, found without a parser (no Qt application exists yet):
// the first argument that is neither an option nor the value of one.
QString runFlowArgument(int argc, char** argv)
{
    if (argc < 3 || std::strcmp(argv[1], "run") != 0)
        return {};
    static const char* const withValue[] = {"--input", "--set", "--data-dir", "--run-id", "--trigger", "--nodes-dir"};
    for (int i = 2; i < argc; ++i) {
        const char* a = argv[i];
        if (std::strcmp(a, "--") == 0)
            return i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QString();
        if (a[0] == '-' && a[1] != '\0') {
            for (const char* o : withValue) {
                if (std::strcmp(a, o) == 0)
                    ++i; // skip its value; "--set=x" carries it inline
            }
            continue;
        }
        return QString::fromLocal8Bit(a);
    }
    return {};
}

} // namespace

bool flowNeedsGui(const QString& flowPath)
{
    engine::NodeRegistry registry;
    nodes::registerBuiltinNodes(registry);
    const engine::FlowReader::Result r = engine::FlowReader::load(flowPath, registry);
    if (!r.flow)
        return false;
    for (const engine::FlowNode& n : r.flow->nodes) {
        const engine::NodeType* t = registry.find(n.type);
        if (t && t->spec().affinity == engine::Affinity::Gui)
            return true;
    }
    return false;
}

std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv)
{
    const QString flow = runFlowArgument(argc, argv);
    if (!flow.isEmpty() && flow != u"-" && flowNeedsGui(flow)) {
        if (auto gui = nodes::createGuiApplication(argc, argv))
            return gui;
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace taskloom::app
