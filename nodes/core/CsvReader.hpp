#pragma once

#include "CsvDialect.hpp"
#include "TextDecoder.hpp"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringDecoder>

class QIODevice;

namespace taskloom::nodes::core {

/// An incremental RFC 4180 parser: quoted values with doubled quotes, delimiters and line breaks inside quotes,
/// CRLF, LF or CR line ends, any text encoding QStringDecoder knows (a byte order mark is skipped). It reads the
/// device in chunks and keeps only the unparsed tail, so memory stays bounded by the longest record, not the file.
/// A quote inside an unquoted value is kept as text (real files have `5" screen`); text after a closing quote
/// and a quote that is never closed are errors.
class CsvReader {
public:
    enum class Result { Row, End, Error };

    /// The device must stay open while the reader is used.
    CsvReader(QIODevice& device, const CsvDialect& dialect, QStringDecoder decoder);

    /// Reads the next record into `fields` (reusing its storage). At Error, errorString() says why and
    /// lineNumber() where.
    Result next(QList<QString>& fields);

    /// The 1-based line on which the last record (or the error) starts.
    qint64 lineNumber() const { return m_rowLine; }
    const QString& errorString() const { return m_error; }
    qint64 bytesRead() const { return m_bytesRead; }
    /// Whether some bytes were invalid in the encoding (they were replaced with U+FFFD).
    bool hadDecodingErrors() const { return m_decoder.hasError() || m_truncated; }

    /// Smallest read from the device; tests lower it to exercise records that span chunks.
    void setChunkSize(qsizetype bytes) { m_chunkSize = bytes; }

private:
    enum class Parse { Row, NeedMore, Error };

    Parse parseRecord(QList<QString>& fields, qsizetype& fieldCount);
    Parse parseField(const QChar*& p, const QChar* end, QString& value, qint64& lines, bool& quoted);
    Parse parseQuoted(const QChar*& p, const QChar* end, QString& value, qint64& lines);
    void fill();
    void fail(qint64 line, const QString& message);
    bool isSpace(QChar c) const { return m_dialect.trim && (c == u' ' || c == u'\t') && c != m_dialect.delimiter; }

    QIODevice& m_device;
    CsvDialect m_dialect;
    TextDecoder m_decoder;
    bool m_truncated = false; // the input ended inside a character
    QByteArray m_raw;
    QString m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_blankRecord = false;
    qint64 m_line = 1;
    qint64 m_rowLine = 1;
    qint64 m_bytesRead = 0;
    qsizetype m_chunkSize = 1 << 18;
    QString m_error;
};

} // namespace taskloom::nodes::core
