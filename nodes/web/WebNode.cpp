#include "WebNode.hpp"

#include "BrowserHost.hpp"
#include "BrowserWait.hpp"
#include "PageScript.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/ActionItems.hpp"
#include "engine/ExecutionContext.hpp"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QThread>

namespace taskloom::nodes::web {

using namespace engine;

WebNode::WebNode(const QString& type, const QString& title, const QString& description)
{
    m_spec.type = type;
    m_spec.title = title;
    m_spec.category = QStringLiteral("Browser");
    m_spec.description = description;
    m_spec.affinity = Affinity::Gui;
    m_spec.requirements = {QStringLiteral("browser"), QStringLiteral("network")};
    m_spec.icon = QStringLiteral("internet-web-browser");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("The action runs once per item (once when none arrive)")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.errors = {
        {QStringLiteral("BROWSER_UNAVAILABLE"), QStringLiteral("The program runs without a GUI application, so there is no browser."), false},
        {QStringLiteral("NO_SESSION"), QStringLiteral("No page is open in the named session: start with Open page."), false},
        {QStringLiteral("TIMEOUT"), QStringLiteral("The page, a script or an element did not become ready in time."), true},
        {QStringLiteral("SCRIPT_ERROR"), QStringLiteral("JavaScript in the page threw an error."), false},
        {QStringLiteral("PAGE_LOAD_FAILED"), QStringLiteral("The page could not be loaded: unreachable host, HTTP 4xx / 5xx. Network errors and 5xx are retryable."), true},
    };
    m_session = addParam<QString>(ParamSpec::string(QStringLiteral("session"), QStringLiteral("Session"))
                                      .defaults(QStringLiteral("main"))
                                      .describe(QStringLiteral("The browser tab: nodes naming the same session continue in the same page.")));
    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 30)
                                     .range(0.1, 3600)
                                     .describe(QStringLiteral("How long to wait for the page, the element or the script.")));
}

ErrorSpec WebNode::selectorNotFoundError()
{
    return {QStringLiteral("SELECTOR_NOT_FOUND"), QStringLiteral("A CSS selector matched nothing on the page within the timeout."), false};
}

void WebNode::saveFile(ExecutionContext& ctx, const Param<QString>& param, const QString& value, const QByteArray& bytes)
{
    if (value.trimmed().isEmpty())
        return;
    const QString path = ctx.resolvePath(value.trimmed());
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        throw NodeError(QStringLiteral("FILE_WRITE_ERROR"), QStringLiteral("parameter \"%1\" = \"%2\": cannot create the folder %3").arg(param.name(), value, folder));
    if (auto ok = AtomicFile::write(path, bytes); !ok)
        throw NodeError(QStringLiteral("FILE_WRITE_ERROR"), QStringLiteral("parameter \"%1\" = \"%2\": %3").arg(param.name(), value, ok.error()));
}

void WebNode::requireBrowser()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app)
        throw NodeError(QStringLiteral("BROWSER_UNAVAILABLE"),
                        QStringLiteral("the browser needs a GUI application, and this program created none "
                                       "(`taskloom run` creates one when the flow holds browser nodes)"));
    if (QThread::currentThread() != app->thread())
        throw NodeError(QStringLiteral("BROWSER_UNAVAILABLE"), QStringLiteral("browser nodes must run on the main thread"));
}

BrowserSession& WebNode::session(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    const QString name = ctx.param(m_session, item, index).trimmed();
    if (BrowserSession* s = BrowserHost::instance().find(ctx.runId(), name))
        return *s;
    throw NodeError(QStringLiteral("NO_SESSION"),
                    QStringLiteral("no browser session \"%1\" is open in this run: open a page in it first (Open page node)").arg(name));
}

qint64 WebNode::timeoutMs(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    const double s = ctx.param(m_timeout, item, index);
    if (!(s > 0))
        throw NodeError::param(m_timeout.name(), s, QStringLiteral("must be more than 0"));
    return qint64(s * 1000);
}

Value WebNode::call(ExecutionContext& ctx, BrowserSession& s, const QString& function, const Object& args, qint64 timeoutMs,
                    const QString& selectorParam) const
{
    try {
        return s.evaluate(ctx, PageScript::call(function, args), timeoutMs, World::Isolated);
    } catch (const NodeError& e) {
        if (e.code() == u"SCRIPT_ERROR" && e.message().contains(QLatin1String("is not a valid selector")) && !selectorParam.isEmpty())
            throw NodeError::param(selectorParam, args.value(u"selector").isString() ? args.value(u"selector") : args.value(u"itemSelector"),
                                   QStringLiteral("not a valid CSS selector"), QStringLiteral("INVALID_SELECTOR"));
        if (e.code() == u"SCRIPT_ERROR")
            throw NodeError(e.code(), QStringLiteral("%1 on %2").arg(e.message(), s.url().toDisplayString()));
        throw;
    }
}

void WebNode::throwNoMatch(const BrowserSession& s, const QString& selector, qint64 waitedMs)
{
    throw NodeError(QStringLiteral("SELECTOR_NOT_FOUND"),
                    QStringLiteral("selector '%1' matched nothing on %2%3")
                        .arg(selector, s.url().toDisplayString(),
                             waitedMs > 0 ? QStringLiteral(" (waited %1 s)").arg(double(waitedMs) / 1000.0, 0, 'g', 4) : QString()));
}

qint64 WebNode::waitForMatch(ExecutionContext& ctx, BrowserSession& s, const QString& selectorParam, const QString& selector,
                             qint64 timeoutMs, bool visible) const
{
    if (selector.trimmed().isEmpty())
        throw NodeError::param(selectorParam, selector, QStringLiteral("a CSS selector is required"));
    QElapsedTimer clock;
    clock.start();
    const Object args{{QStringLiteral("selector"), selector}};
    for (;;) {
        const qint64 left = timeoutMs - clock.elapsed();
        const Object r = call(ctx, s, QStringLiteral("count"), args, std::max<qint64>(left, 1000), selectorParam).toObject();
        const qint64 n = r.value(visible ? u"visible" : u"count").toInt();
        if (n > 0)
            return n;
        if (clock.elapsed() >= timeoutMs)
            throwNoMatch(s, selector, timeoutMs);
        pause(ctx, std::min<qint64>(100, timeoutMs - clock.elapsed()));
    }
}

Exec WebNode::forEachItem(ExecutionContext& ctx, const Inputs& in, Outputs& out,
                          const std::function<void(Item&, qsizetype)>& perItem) const
{
    requireBrowser();
    return actOncePerItem(ctx, in, out, perItem);
}

} // namespace taskloom::nodes::web
