#include "Notifier.hpp"

#include <curl/curl.h>

#include <mutex>

namespace taskloom::daemon {

namespace {

size_t discard(char*, size_t size, size_t count, void*)
{
    return size * count;
}

} // namespace

std::expected<void, QString> Notifier::postJson(const QString& url, const QByteArray& body, int timeoutMs,
                                              const QString& bearer)
{
    static std::once_flag init;
    std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (!url.startsWith(u"http://") && !url.startsWith(u"https://"))
        return std::unexpected(QStringLiteral("notify URL %1: use http:// or https://").arg(url));
    CURL* curl = curl_easy_init();
    if (!curl)
        return std::unexpected(QStringLiteral("cannot initialise libcurl"));
    const QByteArray u = url.toUtf8();
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    const QByteArray auth = "Authorization: Bearer " + bearer.toUtf8();
    if (!bearer.isEmpty())
        headers = curl_slist_append(headers, auth.constData());
    curl_easy_setopt(curl, CURLOPT_URL, u.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(body.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK)
        return std::unexpected(QStringLiteral("notify %1: %2").arg(url, QString::fromUtf8(curl_easy_strerror(rc))));
    if (status >= 300)
        return std::unexpected(QStringLiteral("notify %1: HTTP %2").arg(url).arg(status));
    return {};
}

} // namespace taskloom::daemon
