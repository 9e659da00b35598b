#include "OpenPageNode.hpp"

#include "BrowserHost.hpp"

#include "engine/ExecutionContext.hpp"

#include <QFileInfo>
#include <QWebEnginePage>

namespace taskloom::nodes::web {

using namespace engine;

OpenPageNode::OpenPageNode()
    : WebNode(QStringLiteral("web.openPage"), QStringLiteral("Open page"),
              QStringLiteral("Opens a web page in a real browser (QtWebEngine) and waits until it has loaded. Later browser "
                             "nodes naming the same session continue in this page. Headless unless Visible is set."))
{
    m_spec.aliases = {QStringLiteral("browser"), QStringLiteral("navigate"), QStringLiteral("go to"), QStringLiteral("url"),
                      QStringLiteral("scrape")};
    m_url = addParam<QString>(ParamSpec::string(QStringLiteral("url"), QStringLiteral("URL")).required().hint(QStringLiteral("https://news.example.com/")));
    m_profile = addParam<QString>(ParamSpec::string(QStringLiteral("profile"), QStringLiteral("Profile"))
                                      .hint(QStringLiteral("work"))
                                      .describe(QStringLiteral("A named profile keeps cookies and storage between runs (in the data "
                                                               "folder); empty: a private session that forgets everything.")));
    m_waitUntil = addParam<QString>(ParamSpec::choice(QStringLiteral("waitUntil"), QStringLiteral("Wait until"),
                                                      {{QStringLiteral("load"), QStringLiteral("The page has loaded"), {}},
                                                       {QStringLiteral("none"), QStringLiteral("Do not wait"), QStringLiteral("Go on at once; a later Wait for element waits")}}));
    m_width = addParam<qint64>(ParamSpec::integer(QStringLiteral("width"), QStringLiteral("Window width"), 1280).range(200, 8000));
    m_height = addParam<qint64>(ParamSpec::integer(QStringLiteral("height"), QStringLiteral("Window height"), 800).range(200, 8000));
    m_visible = addParam<bool>(ParamSpec::boolean(QStringLiteral("visible"), QStringLiteral("Visible"), false)
                                   .describe(QStringLiteral("Show the browser window so you can watch (needs a display).")));
}

Exec OpenPageNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        const QString text = ctx.param(m_url, item, i).trimmed();
        // A path without a scheme is a local file, relative to the flow's folder (the examples ship their pages).
        QUrl url = QUrl(text).scheme().isEmpty() && !text.isEmpty() && QFileInfo::exists(ctx.resolvePath(text))
                       ? QUrl::fromLocalFile(QFileInfo(ctx.resolvePath(text)).absoluteFilePath())
                       : QUrl::fromUserInput(text);
        if (text.isEmpty() || !url.isValid())
            throw NodeError::param(m_url.name(), text, QStringLiteral("not a URL"));
        if (url.scheme() != u"http" && url.scheme() != u"https" && url.scheme() != u"file" && url.scheme() != u"data")
            throw NodeError::param(m_url.name(), text, QStringLiteral("use an http, https, file or data URL"));
        BrowserSession::Options options;
        options.width = int(ctx.param(m_width, item, i));
        options.height = int(ctx.param(m_height, item, i));
        options.visible = ctx.param(m_visible, item, i);
        const QString name = ctx.param(m_session, item, i).trimmed();
        if (name.isEmpty())
            throw NodeError::param(m_session.name(), name, QStringLiteral("a session name is required"));
        BrowserSession& s = BrowserHost::instance().open(ctx.runId(), name, ctx.param(m_profile, item, i).trimmed(), options);
        if (s.options().width != options.width || s.options().height != options.height)
            s.resize(options.width, options.height);
        const bool wait = ctx.param(m_waitUntil, item, i) != u"none";
        const int status = s.load(ctx, url, timeoutMs(ctx, item, i), wait);
        Object page{{QStringLiteral("url"), s.url().toString()}, {QStringLiteral("title"), s.page()->title()}};
        if (status > 0)
            page.insert(QStringLiteral("status"), status);
        item.json().insert(QStringLiteral("page"), page);
        ctx.log(LogLevel::Debug, QStringLiteral("opened %1 in session \"%2\"").arg(s.url().toDisplayString(), name));
    });
}

} // namespace taskloom::nodes::web
