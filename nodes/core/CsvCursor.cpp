#include "CsvCursor.hpp"

#include "CsvReader.hpp"
#include "FileAccess.hpp"
#include "TypeInference.hpp"

#include <QDir>
#include <QSet>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

QString columnName(qsizetype index)
{
    return QStringLiteral("column%1").arg(index + 1);
}

// "name", "name" -> "name", "name_2": items cannot hold one key twice, and dropping a column loses data.
QString uniqueName(const QString& wanted, const QSet<QString>& taken)
{
    if (!taken.contains(wanted))
        return wanted;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1_%2").arg(wanted).arg(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace

CsvCursor::CsvCursor(CsvReadNode::Settings settings) : m_settings(std::move(settings)) {}

CsvCursor::~CsvCursor() = default;

NodeError CsvCursor::fileError(const QString& code, const QString& problem) const
{
    return NodeError(code, QStringLiteral("file \"%1\", line %2: %3")
                               .arg(QDir::toNativeSeparators(m_settings.path))
                               .arg(m_reader ? m_reader->lineNumber() : 1)
                               .arg(problem));
}

bool CsvCursor::fill(ExecutionContext& ctx, ItemList& out, qsizetype max)
{
    if (m_done)
        return false;
    if (!m_reader && !open(ctx))
        return false;
    out.reserve(out.size() + max);
    for (qsizetype n = 0; n < max; ++n) {
        if ((n & 4095) == 4095)
            ctx.checkCancelled();
        if ((m_settings.maxRows > 0 && m_rows >= m_settings.maxRows) || !readRecord()) {
            finish(ctx);
            return false;
        }
        out.append(Item(toObject()));
        ++m_rows;
    }
    if (m_file.size() > 0)
        ctx.progress(double(m_reader->bytesRead()) / double(m_file.size()),
                     QStringLiteral("%1 rows of %2").arg(m_rows).arg(QFileInfo(m_settings.path).fileName()));
    return true;
}

bool CsvCursor::open(ExecutionContext& ctx)
{
    FileAccess::existingFile(ctx, QStringLiteral("path"), m_settings.pathValue);
    m_file.setFileName(m_settings.path);
    if (!m_file.open(QIODevice::ReadOnly))
        throw FileAccess::pathError(QStringLiteral("path"), m_settings.pathValue,
                                    QStringLiteral("cannot open: %1").arg(m_file.errorString()), m_settings.path,
                                    QStringLiteral("FILE_READ_FAILED"));
    QStringDecoder decoder = FileAccess::decoder(QStringLiteral("encoding"), m_settings.encoding, m_file.peek(4));
    m_reader = std::make_unique<CsvReader>(m_file, m_settings.dialect, std::move(decoder));
    if (!m_settings.header)
        return true;
    if (!readRecord()) {
        finish(ctx);
        return false;
    }
    QSet<QString> taken;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        const QString name = uniqueName(m_fields[i].isEmpty() ? columnName(i) : m_fields[i], taken);
        taken.insert(name);
        m_names.append(name);
    }
    return true;
}

bool CsvCursor::readRecord()
{
    switch (m_reader->next(m_fields)) {
    case CsvReader::Result::Row: break;
    case CsvReader::Result::End: return false;
    case CsvReader::Result::Error: throw fileError(QStringLiteral("CSV_MALFORMED"), m_reader->errorString());
    }
    if (m_names.isEmpty() && !m_settings.header) { // no header: the first row's width names the columns
        for (qsizetype i = 0; i < m_fields.size(); ++i)
            m_names.append(columnName(i));
    }
    if (m_settings.strict && !m_names.isEmpty() && m_fields.size() != m_names.size())
        throw fileError(QStringLiteral("CSV_COLUMN_COUNT"),
                        QStringLiteral("%1 values where the %2 has %3 columns (turn off \"Strict column count\" to "
                                       "accept such rows)")
                            .arg(m_fields.size())
                            .arg(m_settings.header ? QStringLiteral("header") : QStringLiteral("first row"))
                            .arg(m_names.size()));
    return true;
}

Value CsvCursor::cell(QString& text) const
{
    return m_settings.inferTypes ? TypeInference::infer(text) : Value(std::move(text));
}

Object CsvCursor::toObject()
{
    Object o;
    const qsizetype cells = m_fields.size();
    const qsizetype columns = m_names.size();
    o.reserve(std::max(cells, columns));
    for (qsizetype i = 0; i < columns; ++i) {
        if (i < cells)
            o.insert(m_names[i], cell(m_fields[i]));
        else
            o.insert(m_names[i], QString()); // a short row: the missing values are empty
    }
    for (qsizetype i = columns; i < cells; ++i)
        o.insert(extraName(i), cell(m_fields[i]));
    return o;
}

const QString& CsvCursor::extraName(qsizetype index)
{
    while (m_extraNames.size() <= index - m_names.size()) {
        QSet<QString> taken(m_names.cbegin(), m_names.cend());
        for (const QString& n : m_extraNames)
            taken.insert(n);
        m_extraNames.append(uniqueName(columnName(m_names.size() + m_extraNames.size()), taken));
    }
    return m_extraNames[index - m_names.size()];
}

void CsvCursor::finish(ExecutionContext& ctx)
{
    if (m_reader && m_reader->hadDecodingErrors())
        ctx.log(LogLevel::Warning,
                QStringLiteral("file \"%1\": some bytes are not valid in encoding \"%2\" and were replaced by \"\uFFFD\"; set "
                               "\"encoding\" to the file's encoding (for example windows-1252)")
                    .arg(QDir::toNativeSeparators(m_settings.path), m_settings.encoding));
    m_done = true;
    m_reader.reset();
    m_file.close();
}

} // namespace taskloom::nodes::core
