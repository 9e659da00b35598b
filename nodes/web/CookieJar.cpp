#include "CookieJar.hpp"

#include <QWebEngineCookieStore>
#include <QWebEngineProfile>

namespace taskloom::nodes::web {

CookieJar::CookieJar(QWebEngineProfile* profile)
{
    QWebEngineCookieStore* store = profile->cookieStore();
    QObject::connect(store, &QWebEngineCookieStore::cookieAdded, profile, [this](const QNetworkCookie& c) {
        m_cookies.removeIf([&](const QNetworkCookie& k) { return k.hasSameIdentifier(c); });
        m_cookies.append(c);
    });
    QObject::connect(store, &QWebEngineCookieStore::cookieRemoved, profile, [this](const QNetworkCookie& c) {
        m_cookies.removeIf([&](const QNetworkCookie& k) { return k.hasSameIdentifier(c); });
    });
    store->loadAllCookies();
}

bool CookieJar::contains(const QNetworkCookie& cookie) const
{
    for (const QNetworkCookie& c : m_cookies) {
        if (c.hasSameIdentifier(cookie))
            return true;
    }
    return false;
}

} // namespace taskloom::nodes::web
