#pragma once

#include "engine/Value.hpp"

#include <QByteArray>
#include <QList>

#include <expected>

namespace taskloom::nodes::connectors {

/// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds, read into one shape: every entry as
/// {title, link, summary, content, published, updated, id, author, categories, enclosures}, dates as ISO 8601 UTC.
namespace FeedParser {

struct Feed {
    QString format; ///< "rss", "rdf" or "atom"
    QString title;
    QString link;
    QList<engine::Object> entries;
};

/// Fails with "line L, column C: ..." for XML that is not well-formed, or names the root element that is not a feed.
std::expected<Feed, QString> parse(const QByteArray& xml);

/// An RFC 822 / RFC 2822 date as feeds write it ("Tue, 10 Jun 2003 04:00:00 GMT", "EST", "+0200") or ISO 8601,
/// as ISO 8601 in UTC; the text unchanged when it is neither.
QString normaliseDate(const QString& text);

} // namespace FeedParser

} // namespace taskloom::nodes::connectors
