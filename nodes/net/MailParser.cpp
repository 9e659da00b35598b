#include "MailParser.hpp"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringDecoder>

namespace taskloom::net {

namespace {

struct Part {
    QList<std::pair<QByteArray, QByteArray>> headers; ///< lower-case names, unfolded values
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto& h : headers)
            if (h.first == name)
                return h.second;
        return {};
    }
};

Part split(const QByteArray& raw)
{
    Part p;
    qsizetype end = raw.indexOf("\r\n\r\n");
    qsizetype bodyStart = end + 4;
    const qsizetype lf = raw.indexOf("\n\n");
    if (end < 0 || (lf >= 0 && lf < end)) {
        end = lf;
        bodyStart = lf + 2;
    }
    if (end < 0) {
        end = raw.size();
        bodyStart = raw.size();
    }
    QByteArray current;
    for (QByteArray line : raw.left(end).split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if ((line.startsWith(' ') || line.startsWith('\t')) && !current.isEmpty()) {
            current += ' ' + line.trimmed();
            continue;
        }
        if (!current.isEmpty()) {
            const qsizetype colon = current.indexOf(':');
            if (colon > 0)
                p.headers.append({current.left(colon).trimmed().toLower(), current.mid(colon + 1).trimmed()});
        }
        current = line;
    }
    if (const qsizetype colon = current.indexOf(':'); colon > 0)
        p.headers.append({current.left(colon).trimmed().toLower(), current.mid(colon + 1).trimmed()});
    p.body = raw.mid(bodyStart);
    return p;
}

QString decodeCharset(const QByteArray& bytes, const QByteArray& charset)
{
    if (charset.isEmpty() || charset.compare("us-ascii", Qt::CaseInsensitive) == 0 || charset.compare("utf-8", Qt::CaseInsensitive) == 0)
        return QString::fromUtf8(bytes);
    QStringDecoder d(charset.constData());
    if (!d.isValid())
        return QString::fromUtf8(bytes);
    return d.decode(bytes);
}

QByteArray quotedPrintable(const QByteArray& in, bool header)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '=' && i + 2 < in.size() + 0 && i + 1 < in.size()) {
            if (in[i + 1] == '\r' || in[i + 1] == '\n') { // soft line break
                i += (in[i + 1] == '\r' && i + 2 < in.size() && in[i + 2] == '\n') ? 2 : 1;
                continue;
            }
            bool ok = false;
            const int v = in.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out += char(v);
                i += 2;
                continue;
            }
        }
        out += header && c == '_' ? ' ' : c;
    }
    return out;
}

/// A header parameter (boundary, charset, name, filename), RFC 2231 `name*=charset''value` included.
QByteArray parameter(const QByteArray& header, const QByteArray& name)
{
    const QString h = QString::fromUtf8(header);
    const QRegularExpression extended(QStringLiteral(";\\s*%1\\*=([^']*)'[^']*'([^;\\s]+)").arg(QString::fromLatin1(name)),
                                      QRegularExpression::CaseInsensitiveOption);
    if (const auto m = extended.match(h); m.hasMatch())
        return decodeCharset(QByteArray::fromPercentEncoding(m.captured(2).toLatin1()), m.captured(1).toLatin1()).toUtf8();
    const QRegularExpression plain(QStringLiteral(";\\s*%1\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))").arg(QString::fromLatin1(name)),
                                   QRegularExpression::CaseInsensitiveOption);
    if (const auto m = plain.match(h); m.hasMatch())
        return (m.captured(2).isEmpty() ? m.captured(3) : m.captured(2)).toUtf8();
    return {};
}

QByteArray mimeType(const Part& p)
{
    QByteArray t = p.header("content-type");
    if (const qsizetype semi = t.indexOf(';'); semi >= 0)
        t.truncate(semi);
    t = t.trimmed().toLower();
    return t.isEmpty() ? QByteArray("text/plain") : t;
}

QByteArray decodedBody(const Part& p)
{
    const QByteArray enc = p.header("content-transfer-encoding").trimmed().toLower();
    if (enc == "base64")
        return QByteArray::fromBase64(QByteArray(p.body).replace("\r", "").replace("\n", "").replace(" ", ""));
    if (enc == "quoted-printable")
        return quotedPrintable(p.body, false);
    return p.body;
}

void walk(const Part& p, ParsedMail& out, int depth)
{
    const QByteArray type = mimeType(p);
    const QByteArray disposition = p.header("content-disposition").toLower();
    if (type.startsWith("multipart/") && depth < 20) {
        const QByteArray boundary = parameter(p.header("content-type"), "boundary");
        if (!boundary.isEmpty()) {
            const QByteArray delimiter = "--" + boundary;
            QList<QByteArray> pieces;
            qsizetype pos = p.body.indexOf(delimiter);
            while (pos >= 0) {
                qsizetype start = p.body.indexOf('\n', pos);
                if (start < 0 || p.body.mid(pos + delimiter.size(), 2) == "--")
                    break;
                ++start;
                qsizetype next = p.body.indexOf("\n" + delimiter, start);
                const qsizetype stop = next < 0 ? p.body.size() : (next > 0 && p.body[next - 1] == '\r' ? next - 1 : next);
                pieces.append(p.body.mid(start, stop - start));
                pos = next < 0 ? -1 : next + 1;
            }
            for (const QByteArray& piece : pieces)
                walk(split(piece), out, depth + 1);
            return;
        }
    }
    QByteArray fileName = parameter(p.header("content-disposition"), "filename");
    if (fileName.isEmpty())
        fileName = parameter(p.header("content-type"), "name");
    const bool attachment = disposition.startsWith("attachment") || !fileName.isEmpty();
    if (!attachment && type == "text/plain") {
        out.text += decodeCharset(decodedBody(p), parameter(p.header("content-type"), "charset"));
    } else if (!attachment && type == "text/html") {
        out.html += decodeCharset(decodedBody(p), parameter(p.header("content-type"), "charset"));
    } else {
        const QString name = fileName.isEmpty() ? (type == "message/rfc822" ? QStringLiteral("message.eml") : QStringLiteral("attachment"))
                                                : decodeHeader(fileName);
        out.attachments.append({name, type, decodedBody(p)});
    }
}

} // namespace

QString decodeHeader(const QByteArray& value)
{
    static const QRegularExpression word(QStringLiteral(R"(=\?([^?]+)\?([bBqQ])\?([^?]*)\?=)"));
    const QString text = QString::fromUtf8(value);
    QString out;
    qsizetype last = 0;
    bool previousWasWord = false;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString between = text.mid(last, m.capturedStart() - last);
        // Whitespace between two encoded words is not part of the text (RFC 2047 section 6.2).
        if (!(previousWasWord && between.trimmed().isEmpty()))
            out += between;
        const QByteArray payload = m.captured(3).toLatin1();
        const QByteArray bytes = m.captured(2).compare(QLatin1String("b"), Qt::CaseInsensitive) == 0 ? QByteArray::fromBase64(payload)
                                                                                                     : quotedPrintable(payload, true);
        QByteArray charset = m.captured(1).toLatin1();
        if (const qsizetype star = charset.indexOf('*'); star >= 0) // RFC 2231 language suffix
            charset.truncate(star);
        out += decodeCharset(bytes, charset);
        last = m.capturedEnd();
        previousWasWord = true;
    }
    out += text.mid(last);
    return out;
}

ParsedMail parseMail(const QByteArray& raw)
{
    const Part top = split(raw);
    ParsedMail m;
    m.subject = decodeHeader(top.header("subject"));
    m.from = decodeHeader(top.header("from"));
    m.to = decodeHeader(top.header("to"));
    m.cc = decodeHeader(top.header("cc"));
    m.messageId = QString::fromUtf8(top.header("message-id")).trimmed();
    QString date = QString::fromUtf8(top.header("date")).simplified();
    // "Wed, 1 May 2024 09:00:00 +0000 (UTC)": Qt reads the form without the comment.
    date.remove(QRegularExpression(QStringLiteral("\\s*\\([^)]*\\)$")));
    const QDateTime d = QDateTime::fromString(date, Qt::RFC2822Date);
    m.date = d.isValid() ? d.toUTC().toString(Qt::ISODate) : date;
    walk(top, m, 0);
    return m;
}

} // namespace taskloom::net
