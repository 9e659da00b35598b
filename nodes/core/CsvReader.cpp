#include "CsvReader.hpp"

#include <QIODevice>

namespace taskloom::nodes::core {

CsvReader::CsvReader(QIODevice& device, const CsvDialect& dialect, QStringDecoder decoder)
    : m_device(device), m_dialect(dialect), m_decoder(std::move(decoder))
{}

CsvReader::Result CsvReader::next(QList<QString>& fields)
{
    while (m_error.isEmpty()) {
        qsizetype count = 0;
        const Parse r = parseRecord(fields, count);
        if (r == Parse::Error)
            break;
        if (r == Parse::NeedMore) {
            fill();
            continue;
        }
        if (count == 0)
            return Result::End;
        if (fields.size() > count)
            fields.resize(count);
        // A line with nothing on it (or only spaces, when trimming) is not a row of one empty value; a quoted
        // empty value ("") is, which is how CsvWriter writes one.
        if (m_blankRecord && m_dialect.skipEmptyLines)
            continue;
        return Result::Row;
    }
    return Result::Error;
}

CsvReader::Parse CsvReader::parseRecord(QList<QString>& fields, qsizetype& count)
{
    const QChar* const begin = m_buffer.constData();
    const QChar* const end = begin + m_buffer.size();
    const QChar* p = begin + m_pos;
    if (p == end)
        return m_eof ? Parse::Row : Parse::NeedMore; // a record of no fields: the end of the input
    qint64 lines = 0;
    bool quoted = false;
    for (;;) {
        QString value;
        const Parse r = parseField(p, end, value, lines, quoted);
        if (r != Parse::Row)
            return r;
        if (p == end && !m_eof)
            return Parse::NeedMore;
        if (count < fields.size())
            fields[count] = std::move(value);
        else
            fields.append(std::move(value));
        ++count;
        if (p == end)
            break;
        if (*p == m_dialect.delimiter) {
            ++p;
            continue;
        }
        if (*p == u'\r') {
            if (p + 1 == end && !m_eof)
                return Parse::NeedMore; // is the next character the \n of a CRLF?
            ++p;
            if (p < end && *p == u'\n')
                ++p;
        } else {
            ++p;
        }
        ++lines;
        break;
    }
    m_blankRecord = count == 1 && !quoted && fields.first().isEmpty();
    m_rowLine = m_line;
    m_line += lines;
    m_pos = p - begin;
    return Parse::Row;
}

// Reads one value and leaves `p` on what follows it: a delimiter, a line break or the end of the buffer.
CsvReader::Parse CsvReader::parseField(const QChar*& p, const QChar* end, QString& value, qint64& lines, bool& quoted)
{
    const QChar delimiter = m_dialect.delimiter;
    while (p < end && isSpace(*p))
        ++p;
    if (p < end && *p == m_dialect.quote) {
        quoted = true;
        const Parse r = parseQuoted(p, end, value, lines);
        if (r != Parse::Row)
            return r;
        while (p < end && isSpace(*p))
            ++p;
        if (p < end && *p != delimiter && *p != u'\n' && *p != u'\r') {
            fail(m_line + lines, QStringLiteral("unexpected \"%1\" after a closing quote (a quote inside a quoted value "
                                                "is written as two quotes)")
                                     .arg(*p));
            return Parse::Error;
        }
        return Parse::Row;
    }
    const QChar* start = p;
    while (p < end && *p != delimiter && *p != u'\n' && *p != u'\r')
        ++p;
    const QChar* stop = p;
    while (stop > start && isSpace(stop[-1]))
        --stop;
    value = QString(start, stop - start);
    return Parse::Row;
}

CsvReader::Parse CsvReader::parseQuoted(const QChar*& p, const QChar* end, QString& value, qint64& lines)
{
    const QChar quote = m_dialect.quote;
    const qint64 startLine = m_line + lines;
    ++p;
    for (;;) {
        const QChar* segment = p;
        while (p < end && *p != quote) {
            if (*p == u'\n' || (*p == u'\r' && (p + 1 == end || p[1] != u'\n')))
                ++lines;
            ++p;
        }
        if (p == end) {
            if (!m_eof)
                return Parse::NeedMore;
            fail(startLine, QStringLiteral("a quoted value starts on this line but its closing quote is missing"));
            return Parse::Error;
        }
        if (p + 1 == end && !m_eof)
            return Parse::NeedMore; // is it "" (an escaped quote) or the closing quote?
        if (p + 1 < end && p[1] == quote) {
            value.append(segment, p + 1 - segment);
            p += 2;
            continue;
        }
        if (value.isEmpty())
            value = QString(segment, p - segment);
        else
            value.append(segment, p - segment);
        ++p;
        return Parse::Row;
    }
}

void CsvReader::fill()
{
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    // Grow with the unparsed tail: a record longer than a chunk is re-parsed only a logarithmic number of times.
    const qsizetype want = std::max(m_chunkSize, m_buffer.size());
    m_raw.resize(want);
    const qint64 n = m_device.read(m_raw.data(), want);
    if (n < 0) {
        fail(m_line, QStringLiteral("cannot read: %1").arg(m_device.errorString()));
        return;
    }
    if (n == 0) {
        m_eof = true;
        if (m_decoder.hasPartialInput()) {
            m_truncated = true;
            m_buffer.append(QChar::ReplacementCharacter);
        }
        return;
    }
    m_bytesRead += n;
    const QByteArrayView bytes(m_raw.constData(), n);
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + m_decoder.requiredSpace(n));
    const QChar* out = m_decoder.appendToBuffer(m_buffer.data() + old, bytes);
    m_buffer.resize(out - m_buffer.constData());
}

void CsvReader::fail(qint64 line, const QString& message)
{
    m_rowLine = line;
    m_error = message;
}

} // namespace taskloom::nodes::core
