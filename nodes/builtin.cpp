#include "builtin.hpp"

#include "nodes/core/CorePack.hpp"
#include "nodes/ocr/OcrPack.hpp"
#include "nodes/connectors/ConnectorsPack.hpp"
#include "nodes/llm/LlmPack.hpp"
#include "scripts/LuaNodes.hpp"
#ifdef TASKLOOM_HAS_RPA
#include "nodes/rpa/RpaPack.hpp"
#endif
#ifdef TASKLOOM_HAS_WEB
#include "nodes/web/WebPack.hpp"
#endif

#include <QCoreApplication>

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
#ifdef TASKLOOM_HAS_WEB
    web::registerWebNodes(registry);
#endif
}

void setDataDir(const QString& dataDir)
{
#ifdef TASKLOOM_HAS_WEB
    web::setDataDir(dataDir);
#else
    (void)dataDir;
#endif
}

void endRun(const QString& runId)
{
#ifdef TASKLOOM_HAS_WEB
    web::endRun(runId);
#else
    (void)runId;
#endif
}

std::unique_ptr<QCoreApplication> createGuiApplication(int& argc, char** argv)
{
    // Read before a pack switches a process without a display to the offscreen platform.
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    std::unique_ptr<QCoreApplication> app;
#ifdef TASKLOOM_HAS_WEB
    app = web::createBrowserApplication(argc, argv);
#endif
#ifdef TASKLOOM_HAS_RPA
    if (!app)
        app = rpa::createDialogApplication(argc, argv);
    rpa::markNoDisplay(*app, noDisplay);
#endif
    (void)argc;
    (void)argv;
    (void)noDisplay;
    return app;
}

} // namespace taskloom::nodes
