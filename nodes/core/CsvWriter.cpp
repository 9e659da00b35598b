#include "CsvWriter.hpp"

namespace taskloom::nodes::core {

CsvWriter::CsvWriter(const CsvDialect& dialect, Quoting quoting, QString lineEnding, QStringEncoder encoder)
    : m_dialect(dialect), m_quoting(quoting), m_lineEnding(std::move(lineEnding)), m_encoder(std::move(encoder))
{
    for (const QChar c : {m_dialect.delimiter, m_dialect.quote, QChar(u'\n'), QChar(u'\r')}) {
        if (c.unicode() < 128)
            m_special[c.unicode()] = true;
        else
            m_specialBeyondAscii = true;
    }
}

// A table lookup per character: this scan runs over every value written.
bool CsvWriter::needsQuotes(QStringView value) const
{
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u < 128 ? m_special[u] : m_specialBeyondAscii && (c == m_dialect.delimiter || c == m_dialect.quote))
            return true;
    }
    return false;
}

void CsvWriter::writeBom()
{
    appendEncoded(QStringView(u"\uFEFF"));
}

void CsvWriter::addCell(QStringView value)
{
    if (m_cells++ > 0)
        m_row.append(m_dialect.delimiter);
    const QChar quote = m_dialect.quote;
    const bool quoted = m_quoting == Quoting::Always || needsQuotes(value);
    m_lastCellBare = !quoted && value.isEmpty();
    if (!quoted) {
        m_row.append(value);
        return;
    }
    m_row.append(quote);
    qsizetype from = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == quote) {
            m_row.append(value.mid(from, i + 1 - from)); // up to and including the quote
            m_row.append(quote);
            from = i + 1;
        }
    }
    m_row.append(value.mid(from));
    m_row.append(quote);
}

bool CsvWriter::endRow()
{
    // A single empty value would read back as an empty line, which readers skip: write it as "".
    if (m_cells == 1 && m_lastCellBare) {
        m_row.append(m_dialect.quote);
        m_row.append(m_dialect.quote);
    }
    m_row.append(m_lineEnding);
    const qsizetype before = m_bytes.size();
    appendEncoded(m_row);
    m_row.resize(0);
    m_cells = 0;
    if (!m_encoder.hasError())
        return true;
    m_bytes.resize(before);
    m_encoder.resetState();
    return false;
}

void CsvWriter::appendEncoded(QStringView text)
{
    const qsizetype old = m_bytes.size();
    m_bytes.resize(old + m_encoder.requiredSpace(text.size()));
    char* end = m_encoder.appendToBuffer(m_bytes.data() + old, text);
    m_bytes.resize(end - m_bytes.constData());
}

} // namespace taskloom::nodes::core
