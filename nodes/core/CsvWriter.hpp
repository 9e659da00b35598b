#pragma once

#include "CsvDialect.hpp"

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

namespace taskloom::nodes::core {

/// Formats rows as RFC 4180 CSV and encodes them. A value is quoted when it holds the delimiter, the quote or a
/// line break (or always, if asked); quotes inside are doubled. Bytes collect in a buffer the caller drains, so
/// the writer works with any destination. A row is encoded as a whole: when it holds a character the encoding
/// cannot represent, endRow() drops it and reports the failure, and the bytes so far stay valid.
class CsvWriter {
public:
    enum class Quoting { Needed, Always };

    /// `encoder` is used without Flag::WriteBom; call writeBom() for a byte order mark.
    CsvWriter(const CsvDialect& dialect, Quoting quoting, QString lineEnding, QStringEncoder encoder);

    void writeBom();
    void addCell(QStringView value);
    /// False when the row cannot be encoded; the row is then dropped.
    bool endRow();

    /// Encoded bytes not yet taken by the caller.
    const QByteArray& bytes() const { return m_bytes; }
    qsizetype pendingBytes() const { return m_bytes.size(); }
    void clearBytes() { m_bytes.resize(0); }

private:
    void appendEncoded(QStringView text);
    bool needsQuotes(QStringView value) const;

    CsvDialect m_dialect;
    Quoting m_quoting;
    QString m_lineEnding;
    QStringEncoder m_encoder;
    QString m_row;
    int m_cells = 0;
    bool m_lastCellBare = false; // the last cell was written as nothing at all
    QByteArray m_bytes;
    bool m_special[128] = {}; // ASCII characters that force quotes
    bool m_specialBeyondAscii = false; // the delimiter or quote is not ASCII
};

} // namespace taskloom::nodes::core
