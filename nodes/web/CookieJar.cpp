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
    // No loadAllCookies() here: before the profile has loaded a page its store is not ready, and a listing asked for
    // then never answers (and blocks later ones). The Cookies node asks when it reads.
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
