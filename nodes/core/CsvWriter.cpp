#include "CsvWriter.hpp"

namespace taskloom::nodes::core {

CsvWriter::CsvWriter(const CsvDialect& dialect, Quoting quoting, QString lineEnding, QStringEncoder encoder)
    : m_dialect(dialect), m_quoting(quoting), m_lineEnding(std::move(lineEnding)), m_encoder(std::move(encoder))
{}

void CsvWriter::writeBom()
{
    appendEncoded(QStringView(u"\uFEFF"));
}

void CsvWriter::addCell(QStringView value)
{
    if (m_cells++ > 0)
        m_row.append(m_dialect.delimiter);
    const QChar quote = m_dialect.quote;
    bool needsQuotes = m_quoting == Quoting::Always;
    for (qsizetype i = 0; i < value.size() && !needsQuotes; ++i) {
        const QChar c = value[i];
        needsQuotes = c == m_dialect.delimiter || c == quote || c == u'\n' || c == u'\r';
    }
    m_lastCellBare = !needsQuotes && value.isEmpty();
    if (!needsQuotes) {
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
