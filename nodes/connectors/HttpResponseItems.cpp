#include "HttpResponseItems.hpp"

#include "nodes/core/FieldPath.hpp"
#include "nodes/net/HttpClient.hpp"

#include <QRegularExpression>
#include <QUrl>

namespace taskloom::nodes::connectors::HttpResponseItems {

using namespace engine;

Format detect(QByteArrayView contentType)
{
    QByteArray type = contentType.toByteArray().toLower();
    if (const qsizetype semi = type.indexOf(';'); semi >= 0)
        type.truncate(semi);
    type = type.trimmed();
    if (type.endsWith("/json") || type.endsWith("+json"))
        return Format::Json;
    if (type.startsWith("text/") || type.endsWith("/xml") || type.endsWith("+xml") || type.endsWith("/javascript")
        || type == "application/x-www-form-urlencoded" || type == "application/ecmascript")
        return Format::Text;
    return Format::Binary;
}

QString nextFromLinkHeader(QByteArrayView link, const QString& base)
{
    // <https://a/b?page=2>; rel="next", <...>; rel="last"   (rel may list several space-separated types)
    static const QRegularExpression entry(QStringLiteral(R"re(<([^>]*)>((?:\s*;\s*[^;,]+)*))re"));
    static const QRegularExpression rel(QStringLiteral(R"re(;\s*rel\s*=\s*"?([^";]+)"?)re"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(link);
    auto it = entry.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const auto r = rel.match(m.captured(2));
        if (!r.hasMatch())
            continue;
        const QStringList types = r.captured(1).simplified().toLower().split(QLatin1Char(' '));
        if (types.contains(QLatin1String("next")))
            return QUrl(base).resolved(QUrl(m.captured(1).trimmed())).toString(QUrl::FullyEncoded);
    }
    return {};
}

std::optional<QList<Object>> split(const Value& body, const QString& itemsPath)
{
    Value at = body;
    if (!itemsPath.trimmed().isEmpty()) {
        if (!body.isObject())
            return std::nullopt;
        at = core::FieldPath::parse(itemsPath.trimmed()).get(body.objectRef());
    }
    QList<Object> out;
    auto add = [&](const Value& v) { out.append(v.isObject() ? v.objectRef() : Object{{QStringLiteral("value"), v}}); };
    if (at.isArray()) {
        out.reserve(at.arrayRef().size());
        for (const Value& v : at.arrayRef())
            add(v);
    } else if (at.isObject()) {
        add(at);
    } else if (itemsPath.trimmed().isEmpty()) {
        add(at);
    } else {
        return std::nullopt;
    }
    return out;
}

Object headers(const QList<std::pair<QByteArray, QByteArray>>& list)
{
    Object out;
    for (const auto& [name, value] : list) {
        const QString key = QString::fromLatin1(name).toLower();
        const QString text = QString::fromUtf8(value);
        if (const Value* existing = out.find(key))
            out.insert(key, existing->toText() + QStringLiteral(", ") + text);
        else
            out.insert(key, text);
    }
    return out;
}

QString withQuery(const QString& base, const QList<std::pair<QString, QString>>& query)
{
    if (query.isEmpty())
        return base;
    QByteArray q;
    for (const auto& [name, value] : query) {
        if (!q.isEmpty())
            q += '&';
        q += net::percentEncode(name.toUtf8()) + '=' + net::percentEncode(value.toUtf8());
    }
    QString url = base;
    QString fragment;
    if (const qsizetype hash = url.indexOf(QLatin1Char('#')); hash >= 0) {
        fragment = url.mid(hash);
        url.truncate(hash);
    }
    const QChar sep = !url.contains(QLatin1Char('?')) ? QLatin1Char('?') : url.endsWith(QLatin1Char('?')) || url.endsWith(QLatin1Char('&')) ? QChar() : QLatin1Char('&');
    if (!sep.isNull())
        url += sep;
    return url + QString::fromLatin1(q) + fragment;
}

QByteArray formEncode(const QList<std::pair<QString, QString>>& pairs)
{
    QByteArray out;
    for (const auto& [name, value] : pairs) {
        if (!out.isEmpty())
            out += '&';
        out += net::percentEncode(name.toUtf8()) + '=' + net::percentEncode(value.toUtf8());
    }
    return out;
}

} // namespace taskloom::nodes::connectors::HttpResponseItems
