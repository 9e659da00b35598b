#include "FeedParser.hpp"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamReader>

namespace taskloom::nodes::connectors::FeedParser {

using namespace engine;

namespace {

const QString atomNs = QStringLiteral("http://www.w3.org/2005/Atom");

QString isoUtc(const QDateTime& d)
{
    return d.toUTC().toString(Qt::ISODate);
}

/// Reads the element the reader stands on as text; XHTML/HTML content keeps its markup as text.
QString elementText(QXmlStreamReader& r)
{
    const QString type = r.attributes().value(QStringLiteral("type")).toString();
    if (type == QLatin1String("xhtml")) {
        QString out;
        QXmlStreamWriter w(&out);
        int depth = 0;
        while (!r.atEnd()) {
            const auto t = r.readNext();
            if (t == QXmlStreamReader::StartElement) {
                ++depth;
                if (depth > 1) // skip the wrapping <div>
                    w.writeStartElement(r.name().toString()), w.writeAttributes(r.attributes());
            } else if (t == QXmlStreamReader::EndElement) {
                if (depth == 0)
                    break;
                if (depth > 1)
                    w.writeEndElement();
                --depth;
            } else if (t == QXmlStreamReader::Characters && depth >= 1) {
                w.writeCharacters(r.text().toString());
            }
        }
        return out.trimmed();
    }
    return r.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
}

void addTo(Object& o, const QString& key, const Value& v)
{
    Array a = o.value(key).toArray();
    a.append(v);
    o.insert(key, a);
}

Object emptyEntry()
{
    return Object{{QStringLiteral("title"), Value()},      {QStringLiteral("link"), Value()},
                  {QStringLiteral("summary"), Value()},    {QStringLiteral("content"), Value()},
                  {QStringLiteral("published"), Value()},  {QStringLiteral("updated"), Value()},
                  {QStringLiteral("id"), Value()},         {QStringLiteral("author"), Value()},
                  {QStringLiteral("categories"), Array()}, {QStringLiteral("enclosures"), Array()}};
}

Object readRssItem(QXmlStreamReader& r)
{
    Object e = emptyEntry();
    while (r.readNextStartElement()) {
        const QString name = r.name().toString();
        const QString qualified = r.qualifiedName().toString();
        if (name == QLatin1String("title") && r.prefix().isEmpty()) {
            e.insert(QStringLiteral("title"), elementText(r));
        } else if (name == QLatin1String("link") && r.prefix().isEmpty()) {
            e.insert(QStringLiteral("link"), elementText(r));
        } else if (name == QLatin1String("description")) {
            e.insert(QStringLiteral("summary"), elementText(r));
        } else if (qualified == QLatin1String("content:encoded")) {
            e.insert(QStringLiteral("content"), elementText(r));
        } else if (name == QLatin1String("pubDate") || qualified == QLatin1String("dc:date")) {
            e.insert(QStringLiteral("published"), normaliseDate(elementText(r)));
        } else if (name == QLatin1String("guid")) {
            e.insert(QStringLiteral("id"), elementText(r));
        } else if (name == QLatin1String("author") || qualified == QLatin1String("dc:creator")) {
            e.insert(QStringLiteral("author"), elementText(r));
        } else if (name == QLatin1String("category") || qualified == QLatin1String("dc:subject")) {
            addTo(e, QStringLiteral("categories"), elementText(r));
        } else if (name == QLatin1String("enclosure")) {
            const auto a = r.attributes();
            addTo(e, QStringLiteral("enclosures"),
                  Object{{QStringLiteral("url"), a.value(QStringLiteral("url")).toString()},
                         {QStringLiteral("type"), a.value(QStringLiteral("type")).toString()},
                         {QStringLiteral("length"), a.value(QStringLiteral("length")).toLongLong()}});
            r.skipCurrentElement();
        } else {
            r.skipCurrentElement();
        }
    }
    if (e.value(u"id").isNull() && !e.value(u"link").isNull())
        e.insert(QStringLiteral("id"), e.value(u"link"));
    return e;
}

Object readAtomEntry(QXmlStreamReader& r)
{
    Object e = emptyEntry();
    QString alternate, firstLink;
    while (r.readNextStartElement()) {
        const QString name = r.name().toString();
        if (r.namespaceUri() != atomNs) {
            r.skipCurrentElement();
            continue;
        }
        if (name == QLatin1String("title")) {
            e.insert(QStringLiteral("title"), elementText(r));
        } else if (name == QLatin1String("link")) {
            const auto a = r.attributes();
            const QString rel = a.value(QStringLiteral("rel")).toString();
            const QString href = a.value(QStringLiteral("href")).toString();
            if (rel.isEmpty() || rel == QLatin1String("alternate")) {
                if (alternate.isEmpty())
                    alternate = href;
            } else if (rel == QLatin1String("enclosure")) {
                addTo(e, QStringLiteral("enclosures"),
                      Object{{QStringLiteral("url"), href},
                             {QStringLiteral("type"), a.value(QStringLiteral("type")).toString()},
                             {QStringLiteral("length"), a.value(QStringLiteral("length")).toLongLong()}});
            }
            if (firstLink.isEmpty())
                firstLink = href;
            r.skipCurrentElement();
        } else if (name == QLatin1String("summary")) {
            e.insert(QStringLiteral("summary"), elementText(r));
        } else if (name == QLatin1String("content")) {
            e.insert(QStringLiteral("content"), elementText(r));
        } else if (name == QLatin1String("published")) {
            e.insert(QStringLiteral("published"), normaliseDate(elementText(r)));
        } else if (name == QLatin1String("updated")) {
            e.insert(QStringLiteral("updated"), normaliseDate(elementText(r)));
        } else if (name == QLatin1String("id")) {
            e.insert(QStringLiteral("id"), elementText(r));
        } else if (name == QLatin1String("author")) {
            QString author;
            while (r.readNextStartElement()) {
                if (r.name() == QLatin1String("name"))
                    author = elementText(r);
                else
                    r.skipCurrentElement();
            }
            if (e.value(u"author").isNull())
                e.insert(QStringLiteral("author"), author);
        } else if (name == QLatin1String("category")) {
            addTo(e, QStringLiteral("categories"), r.attributes().value(QStringLiteral("term")).toString());
            r.skipCurrentElement();
        } else {
            r.skipCurrentElement();
        }
    }
    const QString link = alternate.isEmpty() ? firstLink : alternate;
    if (!link.isEmpty())
        e.insert(QStringLiteral("link"), link);
    if (e.value(u"published").isNull())
        e.insert(QStringLiteral("published"), e.value(u"updated"));
    return e;
}

void readChannelInfo(QXmlStreamReader& r, Feed& feed, bool atom)
{
    const QString name = r.name().toString();
    if (name == QLatin1String("title") && feed.title.isEmpty())
        feed.title = elementText(r);
    else if (name == QLatin1String("link") && feed.link.isEmpty() && (!atom || r.attributes().value(QStringLiteral("rel")).isEmpty()
                                                                       || r.attributes().value(QStringLiteral("rel")) == QLatin1String("alternate"))) {
        if (atom) {
            feed.link = r.attributes().value(QStringLiteral("href")).toString();
            r.skipCurrentElement();
        } else {
            feed.link = elementText(r);
        }
    } else {
        r.skipCurrentElement();
    }
}

} // namespace

std::expected<Feed, QString> parse(const QByteArray& xml)
{
    QXmlStreamReader r(xml);
    Feed feed;
    if (!r.readNextStartElement()) {
        if (r.hasError())
            return std::unexpected(QStringLiteral("line %1, column %2: %3").arg(r.lineNumber()).arg(r.columnNumber()).arg(r.errorString()));
        return std::unexpected(QStringLiteral("the document is empty"));
    }
    const QString root = r.name().toString();
    if (root == QLatin1String("rss")) {
        feed.format = QStringLiteral("rss");
        while (r.readNextStartElement()) {
            if (r.name() != QLatin1String("channel")) {
                r.skipCurrentElement();
                continue;
            }
            while (r.readNextStartElement()) {
                if (r.name() == QLatin1String("item"))
                    feed.entries.append(readRssItem(r));
                else
                    readChannelInfo(r, feed, false);
            }
        }
    } else if (root == QLatin1String("RDF")) {
        feed.format = QStringLiteral("rdf");
        while (r.readNextStartElement()) {
            if (r.name() == QLatin1String("item")) {
                feed.entries.append(readRssItem(r));
            } else if (r.name() == QLatin1String("channel")) {
                while (r.readNextStartElement())
                    readChannelInfo(r, feed, false);
            } else {
                r.skipCurrentElement();
            }
        }
    } else if (root == QLatin1String("feed") && r.namespaceUri() == atomNs) {
        feed.format = QStringLiteral("atom");
        while (r.readNextStartElement()) {
            if (r.name() == QLatin1String("entry"))
                feed.entries.append(readAtomEntry(r));
            else
                readChannelInfo(r, feed, true);
        }
    } else {
        return std::unexpected(QStringLiteral("not an RSS or Atom feed (the document is <%1>)").arg(r.qualifiedName()));
    }
    if (r.hasError())
        return std::unexpected(QStringLiteral("line %1, column %2: %3").arg(r.lineNumber()).arg(r.columnNumber()).arg(r.errorString()));
    for (Object& e : feed.entries) {
        if (e.value(u"title").isNull() && !e.value(u"summary").isNull())
            e.insert(QStringLiteral("title"), e.value(u"summary").toText().left(80));
    }
    return feed;
}

QString normaliseDate(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return t;
    const QDateTime iso = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (iso.isValid())
        return isoUtc(iso);
    // RFC 822 zones by name (Qt 6.4 reads only numeric offsets); a two-digit year is 19xx/20xx as RFC 2822 4.3 says.
    static const QList<std::pair<QString, QString>> zones = {
        {QStringLiteral("GMT"), QStringLiteral("+0000")}, {QStringLiteral("UTC"), QStringLiteral("+0000")},
        {QStringLiteral("UT"), QStringLiteral("+0000")},  {QStringLiteral("Z"), QStringLiteral("+0000")},
        {QStringLiteral("EST"), QStringLiteral("-0500")}, {QStringLiteral("EDT"), QStringLiteral("-0400")},
        {QStringLiteral("CST"), QStringLiteral("-0600")}, {QStringLiteral("CDT"), QStringLiteral("-0500")},
        {QStringLiteral("MST"), QStringLiteral("-0700")}, {QStringLiteral("MDT"), QStringLiteral("-0600")},
        {QStringLiteral("PST"), QStringLiteral("-0800")}, {QStringLiteral("PDT"), QStringLiteral("-0700")}};
    QString s = t;
    for (const auto& [name, offset] : zones) {
        if (s.endsWith(QLatin1Char(' ') + name)) {
            s = s.left(s.size() - name.size()) + offset;
            break;
        }
    }
    // Qt reads "03" as the year 3; RFC 2822 section 4.3 means 2003 (and "97" 1997).
    static const QRegularExpression shortYear(QStringLiteral(R"(^((?:\w{3},\s*)?\d{1,2}\s+\w{3}\s+)(\d{2})(\s.*)$)"));
    if (const auto m = shortYear.match(s); m.hasMatch()) {
        const int yy = m.captured(2).toInt();
        s = m.captured(1) + QString::number(yy < 50 ? 2000 + yy : 1900 + yy) + m.captured(3);
    }
    const QDateTime d = QDateTime::fromString(s, Qt::RFC2822Date);
    return d.isValid() ? isoUtc(d) : t;
}

} // namespace taskloom::nodes::connectors::FeedParser
