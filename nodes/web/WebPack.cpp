#include "WebPack.hpp"

#include "BrowserHost.hpp"
#include "ClickNode.hpp"
#include "ClosePageNode.hpp"
#include "CookiesNode.hpp"
#include "DownloadNode.hpp"
#include "ExtractNode.hpp"
#include "OpenPageNode.hpp"
#include "RunJavaScriptNode.hpp"
#include "SavePdfNode.hpp"
#include "ScreenshotNode.hpp"
#include "SelectOptionNode.hpp"
#include "TypeNode.hpp"
#include "WaitForSelectorNode.hpp"

#include "engine/NodeRegistry.hpp"

#include <QApplication>
#include <QLoggingCategory>
#include <QThread>

#include <unistd.h>

namespace taskloom::nodes::web {

namespace {

class BrowserApplication final : public QApplication {
public:
    BrowserApplication(int& argc, char** argv) : QApplication(argc, argv) {}
    ~BrowserApplication() override { BrowserHost::instance().closeAll(); }
};

QtMessageHandler g_previousHandler = nullptr;

// Offscreen there is no OpenGL: QtWebEngine and Qt Quick say so on every start, as plain warnings, although pages,
// screenshots and PDFs render fine in software. Drop exactly those lines; pass everything else on.
void quietOffscreenNotices(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type != QtFatalMsg
        && (message.startsWith(QLatin1String("No suitable graphics backend found"))
            || message.startsWith(QLatin1String("WebEngineContext used before QtWebEngineCore::initialize() or OpenGL context creation failed"))))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

void registerWebNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<OpenPageNode>());
    registry.add(std::make_shared<WaitForSelectorNode>());
    registry.add(std::make_shared<ClickNode>());
    registry.add(std::make_shared<TypeNode>());
    registry.add(std::make_shared<SelectOptionNode>());
    registry.add(std::make_shared<ExtractNode>());
    registry.add(std::make_shared<RunJavaScriptNode>());
    registry.add(std::make_shared<ScreenshotNode>());
    registry.add(std::make_shared<SavePdfNode>());
    registry.add(std::make_shared<DownloadNode>());
    registry.add(std::make_shared<CookiesNode>());
    registry.add(std::make_shared<ClosePageNode>());
}

void setDataDir(const QString& dataDir)
{
    BrowserHost::instance().setDataDir(dataDir);
}

void endRun(const QString& runId)
{
    // Sessions live on the main thread; a run that ended elsewhere (the studio's worker) hands the work over.
    auto* app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread()) {
        BrowserHost::instance().closeRun(runId);
        return;
    }
    QMetaObject::invokeMethod(app, [runId] { BrowserHost::instance().closeRun(runId); }, Qt::QueuedConnection);
}

std::unique_ptr<QCoreApplication> createBrowserApplication(int& argc, char** argv)
{
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (noDisplay && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen") {
        // Without OpenGL QtWebEngine renders in software and prints its whole GPU report as "info": noise in a log.
        QLoggingCategory::setFilterRules(QStringLiteral("qt.webenginecontext.info=false"));
        g_previousHandler = qInstallMessageHandler(quietOffscreenNotices);
    }
    // Chromium reads these when QtWebEngine starts (on the first page), not at load time: setting them here is in
    // time. Only as root: elsewhere the sandbox stays on.
    if (geteuid() == 0 && !qgetenv("QTWEBENGINE_CHROMIUM_FLAGS").contains("--no-sandbox"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    return std::make_unique<BrowserApplication>(argc, argv);
}

} // namespace taskloom::nodes::web
