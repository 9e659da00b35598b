#include "CookiesNode.hpp"

#include "BrowserHost.hpp"
#include "BrowserWait.hpp"
#include "CookieJar.hpp"

#include "engine/ExecutionContext.hpp"

#include <QDateTime>
#include <QElapsedTimer>
#include <QWebEngineCookieStore>
#include <QWebEngineProfile>

namespace taskloom::nodes::web {

using namespace engine;

namespace {

QString bareDomain(const QString& d)
{
    return d.startsWith(u'.') ? d.mid(1).toLower() : d.toLower();
}

bool appliesTo(const QNetworkCookie& c, const QUrl& url)
{
    const QString host = url.host().toLower();
    const QString domain = bareDomain(c.domain());
    if (!domain.isEmpty() && host != domain && !host.endsWith(u'.' + domain))
        return false;
    const QString path = c.path().isEmpty() ? QStringLiteral("/") : c.path();
    const QString urlPath = url.path().isEmpty() ? QStringLiteral("/") : url.path();
    return urlPath.startsWith(path);
}

bool sameCookie(const QNetworkCookie& a, const QNetworkCookie& b)
{
    return a.name() == b.name() && (a.path().isEmpty() ? QStringLiteral("/") : a.path()) == (b.path().isEmpty() ? QStringLiteral("/") : b.path())
           && (a.domain().isEmpty() || b.domain().isEmpty() || bareDomain(a.domain()) == bareDomain(b.domain()));
}

Object cookieObject(const QNetworkCookie& c)
{
    Object o{{QStringLiteral("name"), QString::fromUtf8(c.name())},
             {QStringLiteral("value"), QString::fromUtf8(c.value())},
             {QStringLiteral("domain"), c.domain()},
             {QStringLiteral("path"), c.path()}};
    o.insert(QStringLiteral("expires"), c.isSessionCookie() ? Value() : Value(c.expirationDate().toUTC().toString(Qt::ISODate)));
    o.insert(QStringLiteral("secure"), c.isSecure());
    o.insert(QStringLiteral("httpOnly"), c.isHttpOnly());
    return o;
}

} // namespace

CookiesNode::CookiesNode()
    : WebNode(QStringLiteral("web.cookies"), QStringLiteral("Cookies"),
              QStringLiteral("Reads, sets or deletes cookies of a session's profile. In a named profile they are kept on disk, so "
                             "a login survives until the next run."))
{
    m_spec.aliases = {QStringLiteral("cookie"), QStringLiteral("login"), QStringLiteral("session")};
    m_operation = addParam<QString>(ParamSpec::choice(QStringLiteral("operation"), QStringLiteral("Operation"),
                                                      {{QStringLiteral("get"), QStringLiteral("Get"), QStringLiteral("As a list in the field \"cookies\"")},
                                                       {QStringLiteral("set"), QStringLiteral("Set"), {}},
                                                       {QStringLiteral("delete"), QStringLiteral("Delete"), QStringLiteral("By name, or all for the URL")}}));
    m_url = addParam<QString>(ParamSpec::string(QStringLiteral("url"), QStringLiteral("For URL"))
                                  .describe(QStringLiteral("Empty: the page open in the session.")));
    m_allSites = addParam<bool>(ParamSpec::boolean(QStringLiteral("allSites"), QStringLiteral("All sites"), false)
                                    .visibleWhen(QStringLiteral("operation"), {QStringLiteral("get"), QStringLiteral("delete")}));
    m_name = addParam<QString>(ParamSpec::string(QStringLiteral("name"), QStringLiteral("Name")));
    m_value = addParam<QString>(ParamSpec::string(QStringLiteral("value"), QStringLiteral("Value")).visibleWhen(QStringLiteral("operation"), {QStringLiteral("set")}));
    m_domain = addParam<QString>(ParamSpec::string(QStringLiteral("domain"), QStringLiteral("Domain"))
                                     .visibleWhen(QStringLiteral("operation"), {QStringLiteral("set")})
                                     .describe(QStringLiteral("Empty: only the URL's host.")));
    m_path = addParam<QString>(ParamSpec::string(QStringLiteral("path"), QStringLiteral("Path")).defaults(QStringLiteral("/"))
                                   .visibleWhen(QStringLiteral("operation"), {QStringLiteral("set")}));
    m_expiresDays = addParam<double>(ParamSpec::number(QStringLiteral("expiresDays"), QStringLiteral("Expires in (days)"), 30)
                                         .range(0, 36500)
                                         .visibleWhen(QStringLiteral("operation"), {QStringLiteral("set")})
                                         .describe(QStringLiteral("0: a session cookie.")));
    m_spec.errors.append({QStringLiteral("COOKIE_REJECTED"), QStringLiteral("The browser refused the cookie (its domain does not match the URL)."), false});
    m_secure = addParam<bool>(ParamSpec::boolean(QStringLiteral("secure"), QStringLiteral("HTTPS only"), false).visibleWhen(QStringLiteral("operation"), {QStringLiteral("set")}));
    m_httpOnly = addParam<bool>(ParamSpec::boolean(QStringLiteral("httpOnly"), QStringLiteral("Hidden from scripts"), false).visibleWhen(QStringLiteral("operation"), {QStringLiteral("set")}));
}

Exec CookiesNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const qint64 timeout = timeoutMs(ctx, item, i);
        const QString op = ctx.param(m_operation, item, i);
        const QString urlText = ctx.param(m_url, item, i).trimmed();
        const QUrl url = urlText.isEmpty() ? s.url() : QUrl(urlText);
        if (!url.isValid() || (!urlText.isEmpty() && url.host().isEmpty()))
            throw NodeError::param(m_url.name(), urlText, QStringLiteral("not an http(s) URL"));
        const QString name = ctx.param(m_name, item, i).trimmed();
        const bool allSites = ctx.param(m_allSites, item, i);
        CookieJar& jar = BrowserHost::instance().cookies(s.profile());
        QWebEngineCookieStore* store = s.profile()->cookieStore();
        auto selected = [&] {
            QList<QNetworkCookie> list;
            for (const QNetworkCookie& c : jar.all()) {
                if ((allSites || appliesTo(c, url)) && (name.isEmpty() || QString::fromUtf8(c.name()) == name))
                    list.append(c);
            }
            return list;
        };
        if (op == u"get" || op == u"delete") {
            // Cookies a named profile brought from disk reach the jar only when the store lists them (there is no
            // signal for "done"): ask again, and wait until the jar has been quiet for a moment.
            store->loadAllCookies();
            qsizetype seen = -1;
            QElapsedTimer quiet;
            waitUntil(ctx, std::min<qint64>(timeout, 3000), [&] {
                if (jar.all().size() != seen) {
                    seen = jar.all().size();
                    quiet.start();
                }
                return quiet.elapsed() >= 600;
            });
        }
        if (op == u"get") {
            Array cookies;
            QStringList names;
            for (const QNetworkCookie& c : selected()) {
                cookies.append(cookieObject(c));
                names.append(QString::fromUtf8(c.name()));
            }
            // QtWebEngine 6.4 does not always list the cookies a profile read from disk (they are still sent): for
            // the open page, add what the page itself sees (all but HttpOnly cookies; domain and path unknown).
            if (!allSites && urlText.isEmpty() && url.host() == s.url().host()) {
                const QString pageCookies = s.evaluate(ctx, QStringLiteral("return document.cookie;"), timeout, World::Isolated).toText();
                for (const QString& pair : pageCookies.split(QStringLiteral("; "), Qt::SkipEmptyParts)) {
                    const qsizetype eq = pair.indexOf(u'=');
                    const QString n = eq < 0 ? QString() : pair.left(eq);
                    if (n.isEmpty() || names.contains(n) || (!name.isEmpty() && n != name))
                        continue;
                    names.append(n);
                    cookies.append(Object{{QStringLiteral("name"), n}, {QStringLiteral("value"), pair.mid(eq + 1)},
                                          {QStringLiteral("domain"), url.host()}, {QStringLiteral("path"), Value()},
                                          {QStringLiteral("expires"), Value()}, {QStringLiteral("secure"), Value()},
                                          {QStringLiteral("httpOnly"), false}});
                }
            }
            item.json().insert(QStringLiteral("cookies"), cookies);
            return;
        }
        if (op == u"delete") {
            const QList<QNetworkCookie> doomed = selected();
            for (const QNetworkCookie& c : doomed)
                store->deleteCookie(c);
            const bool gone = waitUntil(ctx, timeout, [&] { return selected().isEmpty(); });
            if (!gone)
                throw NodeError(QStringLiteral("TIMEOUT"), QStringLiteral("the browser did not delete the cookies within %1 s").arg(double(timeout) / 1000.0), NodeError::Retry::Yes);
            item.json().insert(QStringLiteral("deletedCookies"), qint64(doomed.size()));
            return;
        }
        if (name.isEmpty())
            throw NodeError::param(m_name.name(), name, QStringLiteral("a cookie needs a name"));
        if (url.host().isEmpty())
            throw NodeError::param(m_url.name(), urlText, QStringLiteral("no page is open and no URL is given: the cookie needs a site"));
        QNetworkCookie cookie(name.toUtf8(), ctx.param(m_value, item, i).toUtf8());
        const QString domain = ctx.param(m_domain, item, i).trimmed();
        if (!domain.isEmpty())
            cookie.setDomain(domain);
        cookie.setPath(ctx.param(m_path, item, i).trimmed().isEmpty() ? QStringLiteral("/") : ctx.param(m_path, item, i).trimmed());
        const double days = ctx.param(m_expiresDays, item, i);
        if (days > 0)
            cookie.setExpirationDate(QDateTime::currentDateTimeUtc().addSecs(qint64(days * 86400)));
        cookie.setSecure(ctx.param(m_secure, item, i));
        cookie.setHttpOnly(ctx.param(m_httpOnly, item, i));
        store->setCookie(cookie, url);
        const bool set = waitUntil(ctx, timeout, [&] {
            for (const QNetworkCookie& c : jar.all())
                if (sameCookie(c, cookie) && c.value() == cookie.value())
                    return true;
            return false;
        });
        if (!set)
            throw NodeError(QStringLiteral("COOKIE_REJECTED"),
                            QStringLiteral("the browser did not accept the cookie \"%1\" for %2 (a domain that does not match the URL, or "
                                           "Secure without HTTPS?)").arg(name, url.toDisplayString()));
        item.json().insert(QStringLiteral("cookie"), cookieObject(cookie));
    });
}

} // namespace taskloom::nodes::web
