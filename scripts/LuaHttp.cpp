#include "LuaHttp.hpp"

#include "LuaConvert.hpp"
#include "LuaSandbox.hpp"

#include "engine/CancellationToken.hpp"
#include "engine/Value.hpp"

#include <curl/curl.h>
#include <lauxlib.h>
#include <lua.h>

#include <QByteArray>
#include <QUrl>

#include <memory>

namespace taskloom::scripts {

namespace {

struct Transfer {
    QByteArray body;
    QList<std::pair<QString, QString>> headers;
    std::size_t maxBytes = 0;
    bool tooLarge = false;
    const engine::CancellationToken* token = nullptr;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (std::size_t(t->body.size()) + n > t->maxBytes) {
        t->tooLarge = true;
        return 0; // aborts the transfer
    }
    t->body.append(data, qsizetype(n));
    return n;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    const QByteArray line = QByteArray(data, qsizetype(n)).trimmed();
    if (line.startsWith("HTTP/"))
        t->headers.clear(); // a 100 Continue came first: keep the final response's headers only
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->headers.append({QString::fromLatin1(line.left(colon)).toLower(), QString::fromUtf8(line.mid(colon + 1).trimmed())});
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto* t = static_cast<Transfer*>(user);
    return t->token && t->token->isCancelled() ? 1 : 0;
}

QString optionalString(lua_State* L, int table, const char* field, const QString& fallback)
{
    lua_getfield(L, table, field);
    QString s = fallback;
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "http.request: %s must be a string", field);
        s = LuaConvert::toQString(L, -1);
    }
    lua_pop(L, 1);
    return s;
}

bool hostGranted(const QString& host, const QStringList& granted)
{
    for (const QString& g : granted) {
        if (g == u"*" || g.compare(host, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

int luaHttpRequest(lua_State* L, const QStringList& grantedHosts, const QString& typeId)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    const QString urlText = optionalString(L, 1, "url", {});
    const QString method = optionalString(L, 1, "method", QStringLiteral("GET")).toUpper();
    const QString body = optionalString(L, 1, "body", {});
    lua_getfield(L, 1, "timeout");
    const double timeout = luaL_optnumber(L, -1, 30);
    lua_pop(L, 1);
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return luaL_error(L, "http.request: \"%s\" is not an http(s) URL", urlText.toUtf8().constData());
    if (!hostGranted(url.host(), grantedHosts)) {
        return luaL_error(L, "http.request: host %s is not granted to node type %s (add it under lua.grants[\"%s\"].http "
                             "in settings.json)", url.host().toUtf8().constData(), typeId.toUtf8().constData(),
                          typeId.toUtf8().constData());
    }
    QByteArrayList headerLines;
    lua_getfield(L, 1, "headers");
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
                return luaL_error(L, "http.request: headers must map names to strings");
            const QByteArray line = QByteArray(lua_tostring(L, -2)) + ": " + lua_tostring(L, -1);
            if (line.contains('\n') || line.contains('\r'))
                return luaL_error(L, "http.request: a header must not contain a line break");
            headerLines.append(line);
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "http.request: headers must be a table");
    }
    lua_pop(L, 1);

    LuaSandbox& sandbox = LuaSandbox::of(L);
    Transfer t;
    t.maxBytes = sandbox.memoryLimit() > sandbox.memoryUsed() ? sandbox.memoryLimit() - sandbox.memoryUsed() : 0;
    t.token = sandbox.token();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        return luaL_error(L, "http.request: cannot start libcurl");
    curl_slist* list = nullptr;
    for (const QByteArray& h : headerLines)
        list = curl_slist_append(list, h.constData());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(list, &curl_slist_free_all);
    const QByteArray urlBytes = url.toEncoded();
    const QByteArray methodBytes = method.toUtf8();
    const QByteArray bodyBytes = body.toUtf8();
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, urlBytes.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L); // a redirect could lead to a host nobody granted
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, methodBytes.constData());
    if (method == u"HEAD")
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    if (!bodyBytes.isEmpty() || method == u"POST" || method == u"PUT" || method == u"PATCH") {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, bodyBytes.constData());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bodyBytes.size()));
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(std::clamp(timeout, 0.001, 3600.0) * 1000));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    const CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_ABORTED_BY_CALLBACK)
        LuaSandbox::raiseCancelled(L);
    if (t.tooLarge)
        return luaL_error(L, "http.request: the response from %s does not fit in the script's memory limit of %s",
                          url.host().toUtf8().constData(), sandbox.memoryLimitText().toUtf8().constData());
    if (rc != CURLE_OK)
        return luaL_error(L, "http.request: %s %s: %s", methodBytes.constData(), urlBytes.constData(), curl_easy_strerror(rc));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    LuaSandbox::charge(L, t.body.size() >> 6);

    lua_createtable(L, 0, 3);
    lua_pushinteger(L, status);
    lua_setfield(L, -2, "status");
    engine::Object h;
    for (const auto& [name, value] : t.headers)
        h.insert(name, value);
    LuaConvert::push(L, engine::Value(std::move(h)));
    lua_setfield(L, -2, "headers");
    lua_pushlstring(L, t.body.constData(), std::size_t(t.body.size()));
    lua_setfield(L, -2, "body");
    return 1;
}

} // namespace taskloom::scripts
