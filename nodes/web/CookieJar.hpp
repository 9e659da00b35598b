#pragma once

#include <QList>
#include <QNetworkCookie>

class QWebEngineProfile;

namespace taskloom::nodes::web {

/// A mirror of one profile's cookie store. QtWebEngine only reports cookies through signals (there is no
/// "list all" call), so the jar follows cookieAdded / cookieRemoved from the moment the profile is created.
class CookieJar {
public:
    explicit CookieJar(QWebEngineProfile* profile);

    const QList<QNetworkCookie>& all() const { return m_cookies; }
    /// Whether a cookie with this name, domain and path is present.
    bool contains(const QNetworkCookie& cookie) const;

private:
    QList<QNetworkCookie> m_cookies;
};

} // namespace taskloom::nodes::web
