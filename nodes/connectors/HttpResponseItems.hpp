#pragma once

#include "engine/Value.hpp"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace taskloom::nodes::connectors {

/// How an HTTP response body is read: what the HTTP request and chat webhook nodes share, free of the engine's
/// execution so it is tested on its own.
namespace HttpResponseItems {

enum class Format { Json, Text, Binary };

/// "auto": JSON for */json and */*+json, text for text/*, XML, JavaScript and form data, binary otherwise.
Format detect(QByteArrayView contentType);

/// The URL of the Link header's rel="next" entry (RFC 8288), resolved against `base`; empty when there is none.
QString nextFromLinkHeader(QByteArrayView link, const QString& base);

/// The values a JSON body holds as items: the array at `itemsPath` (or the body itself when it is an array), or
/// the one object. Scalars become {"value": x}. Returns nullopt when `itemsPath` names no array or object.
std::optional<QList<engine::Object>> split(const engine::Value& body, const QString& itemsPath);

/// Response headers as an object with lower-case names; repeated headers join with ", " (RFC 9110 5.3).
engine::Object headers(const QList<std::pair<QByteArray, QByteArray>>& headers);

/// `base` with `query` appended (percent-encoded names and values), after any query it already has.
QString withQuery(const QString& base, const QList<std::pair<QString, QString>>& query);

/// application/x-www-form-urlencoded text for these pairs.
QByteArray formEncode(const QList<std::pair<QString, QString>>& pairs);

} // namespace HttpResponseItems

} // namespace taskloom::nodes::connectors
