#include "CsvWriteNode.hpp"

#include "CsvParams.hpp"
#include "CsvReader.hpp"
#include "FileAccess.hpp"
#include "ItemLoop.hpp"
#include "StagedFile.hpp"
#include "TextCodec.hpp"

#include <QDir>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

// Bytes collected before they go to the temporary file: large enough for few system calls, small enough to
// keep memory flat.
constexpr qsizetype flushThreshold = 1 << 20;

class CsvWriteInstance final : public NodeInstance {
public:
    explicit CsvWriteInstance(const CsvWriteNode& node) : m_node(node) {}

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) override
    {
        if (in.main().isEmpty())
            return Exec::Done;
        if (!m_writer)
            start(ctx, in.main().first());
        forEachItem(ctx, in, out, [&](const Item& item, qsizetype) { writeItem(ctx, item); });
        flush();
        return Exec::Done;
    }

    void finish(ExecutionContext& ctx, Outputs& out) override
    {
        (void)ctx;
        if (!m_writer)
            return;
        flush();
        if (auto r = m_file.commit(); !r)
            throw writeError(r.error());
        Array columns;
        for (const QString& c : m_columns)
            columns.append(c);
        out.push(0, Item(Object{{QStringLiteral("path"), m_path}, {QStringLiteral("rows"), m_rows},
                                {QStringLiteral("columns"), columns}}));
        m_writer.reset();
    }

private:
    void start(ExecutionContext& ctx, const Item& first);
    QStringList existingHeader(const CsvWriteNode::Settings& s) const;
    void writeItem(ExecutionContext& ctx, const Item& item);
    void warnAboutNewFields(ExecutionContext& ctx, const Object& json);
    void flush();
    NodeError writeError(const QString& problem) const
    {
        return FileAccess::pathError(QStringLiteral("path"), m_pathValue, problem, m_path, QStringLiteral("FILE_WRITE_FAILED"));
    }

    const CsvWriteNode& m_node;
    QString m_pathValue;
    QString m_path;
    QString m_encoding;
    StagedFile m_file; // uncommitted when the instance dies: the temporary file goes with it
    std::unique_ptr<CsvWriter> m_writer;
    QStringList m_columns;
    bool m_fixedColumns = false;
    bool m_warned = false;
    qint64 m_rows = 0;
};

void CsvWriteInstance::start(ExecutionContext& ctx, const Item& first)
{
    const CsvWriteNode::Settings s = m_node.settings(ctx, first);
    m_pathValue = s.pathValue;
    m_encoding = s.encoding;
    QStringEncoder encoder = FileAccess::encoder(QStringLiteral("encoding"), s.encoding);
    m_path = FileAccess::fileToWrite(ctx, QStringLiteral("path"), s.pathValue, s.createFolders, s.mode);
    const bool append = s.mode == u"append";
    if (auto r = m_file.open(m_path, append ? StagedFile::Mode::Append : StagedFile::Mode::Replace); !r)
        throw writeError(r.error());
    const bool continuing = append && m_file.originalSize() > 0;
    m_fixedColumns = !s.columns.isEmpty();
    m_columns = s.columns;
    if (m_columns.isEmpty() && continuing && s.header)
        m_columns = existingHeader(s); // appended rows go under the file's own columns
    if (m_columns.isEmpty())
        m_columns = first.json().keys();
    // Assigned to m_writer only once the header is out: if this throws, the next batch starts over.
    auto writer = std::make_unique<CsvWriter>(s.dialect, s.quoting, s.lineEnding, std::move(encoder));
    if (!continuing) { // else the file already has its byte order mark and header
        if (s.bom || TextCodec::wantsBom(s.encoding))
            writer->writeBom();
        if (s.header) {
            for (const QString& c : m_columns)
                writer->addCell(c);
            if (!writer->endRow())
                throw NodeError::param(QStringLiteral("encoding"), s.encoding,
                                       QStringLiteral("the column names have characters this encoding cannot represent"),
                                       QStringLiteral("ENCODING_ERROR"));
        }
    }
    m_writer = std::move(writer);
}

QStringList CsvWriteInstance::existingHeader(const CsvWriteNode::Settings& s) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto decoder = TextCodec::decoder(s.encoding, file.peek(4));
    if (!decoder)
        return {};
    CsvDialect dialect = s.dialect;
    dialect.skipEmptyLines = true;
    CsvReader reader(file, dialect, std::move(*decoder));
    reader.setChunkSize(1 << 14);
    QList<QString> fields;
    return reader.next(fields) == CsvReader::Result::Row ? QStringList(fields) : QStringList();
}

void CsvWriteInstance::writeItem(ExecutionContext& ctx, const Item& item)
{
    const Object& json = item.json();
    qsizetype present = 0;
    for (const QString& column : m_columns) {
        const Value* v = json.find(column);
        if (!v) {
            m_writer->addCell({});
            continue;
        }
        ++present;
        // Nested values are written as JSON text, null as nothing.
        if (v->isString())
            m_writer->addCell(v->stringRef());
        else
            m_writer->addCell(v->toText());
    }
    if (json.size() > present && !m_warned)
        warnAboutNewFields(ctx, json);
    if (!m_writer->endRow())
        throw NodeError(QStringLiteral("ENCODING_ERROR"),
                        QStringLiteral("row %1: a value has characters that encoding \"%2\" cannot represent (choose "
                                       "utf-8, or remove them first)")
                            .arg(m_rows + 1)
                            .arg(m_encoding));
    ++m_rows;
    if (m_writer->pendingBytes() >= flushThreshold)
        flush();
}

void CsvWriteInstance::warnAboutNewFields(ExecutionContext& ctx, const Object& json)
{
    m_warned = true;
    if (m_fixedColumns)
        return; // the user chose the columns: other fields are meant to be left out
    QStringList extra;
    for (const auto& [key, value] : json) {
        if (!m_columns.contains(key))
            extra.append(key);
    }
    ctx.log(LogLevel::Warning, QStringLiteral("row %1 has fields that are not columns of the CSV (%2); they are not "
                                              "written. The columns come from the first item (or the header of the file "
                                              "appended to); list them in \"Columns\" to choose them.")
                                   .arg(m_rows + 1)
                                   .arg(extra.join(QStringLiteral(", "))));
}

void CsvWriteInstance::flush()
{
    if (!m_writer || m_writer->pendingBytes() == 0)
        return;
    if (auto r = m_file.write(m_writer->bytes()); !r)
        throw writeError(r.error());
    m_writer->clearBytes();
}

} // namespace

CsvWriteNode::CsvWriteNode()
{
    m_spec.type = QStringLiteral("core.csvWrite");
    m_spec.title = QStringLiteral("Write CSV");
    m_spec.category = QStringLiteral("Files");
    m_spec.description = QStringLiteral("Writes the incoming items as rows of a CSV file, one column per field, and emits "
                                        "{path, rows, columns}. The file appears only when every row is written.");
    m_spec.aliases = {QStringLiteral("spreadsheet"), QStringLiteral("export"), QStringLiteral("save"), QStringLiteral("tsv")};
    m_spec.icon = QStringLiteral("document-save");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("Rows"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), QStringLiteral("One item when the file is written")}};
    m_spec.inputMode = InputMode::Stream;
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File"))
                                   .required()
                                   .forSaving()
                                   .filter(QStringLiteral("CSV files (*.csv)"))
                                   .hint(QStringLiteral("out/orders.csv"))
                                   .describe(QStringLiteral("Relative paths start at the flow file's folder. Expressions "
                                                            "see the first item.")));
    m_delimiter = addParam<QString>(CsvParams::delimiterParam());
    m_customDelimiter = addParam<QString>(CsvParams::customDelimiterParam());
    m_quote = addParam<QString>(CsvParams::quoteParam());
    m_quoting = addParam<QString>(ParamSpec::choice(QStringLiteral("quoting"), QStringLiteral("Quote values"),
                                                    {{QStringLiteral("needed"), QStringLiteral("When needed"),
                                                      QStringLiteral("Values with the delimiter, quotes or line breaks")},
                                                     {QStringLiteral("always"), QStringLiteral("Always"), {}}}));
    m_header = addParam<bool>(ParamSpec::boolean(QStringLiteral("header"), QStringLiteral("Header row"), true)
                                  .describe(QStringLiteral("Write the column names first (not when appending to a "
                                                           "file that has content).")));
    m_columns = addParam<QString>(ParamSpec::string(QStringLiteral("columns"), QStringLiteral("Columns"))
                                      .hint(QStringLiteral("id, name, total"))
                                      .describe(QStringLiteral("Field names in column order, separated by commas. Empty: "
                                                               "the first item's fields (appending: the file's header).")));
    m_lineEnding = addParam<QString>(ParamSpec::choice(QStringLiteral("lineEnding"), QStringLiteral("Line ending"),
                                                       {{QStringLiteral("crlf"), QStringLiteral("CRLF (Windows, RFC 4180)"), {}},
                                                        {QStringLiteral("lf"), QStringLiteral("LF (Linux, macOS)"), {}}}));
    m_encoding = addParam<QString>(FileAccess::encodingParam(QStringLiteral("utf-8")));
    m_bom = addParam<bool>(ParamSpec::boolean(QStringLiteral("bom"), QStringLiteral("Byte order mark"), false)
                               .describe(QStringLiteral("Start the file with a byte order mark: Excel needs it to show "
                                                        "accents in a UTF-8 file correctly.")));
    m_mode = addParam<QString>(FileAccess::writeModeParam(true));
    m_createFolders = addParam<bool>(FileAccess::createFoldersParam());
    m_spec.errors = {FileAccess::fileWriteError(),
                     FileAccess::fileExistsError(),
                     {QStringLiteral("ENCODING_ERROR"),
                      QStringLiteral("A value has characters the chosen encoding cannot represent."), false},
                     FileAccess::invalidParameterError(),
                     FileAccess::expressionError()};
}

std::unique_ptr<NodeInstance> CsvWriteNode::instantiate() const
{
    return std::make_unique<CsvWriteInstance>(*this);
}

QList<std::pair<QString, QString>> CsvWriteNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    CsvParams::check(params, problems);
    FileAccess::checkEncoding(params, m_encoding.name(), problems);
    return problems;
}

CsvWriteNode::Settings CsvWriteNode::settings(ExecutionContext& ctx, const Item& first) const
{
    Settings s;
    s.pathValue = ctx.param(m_path, first, 0);
    CsvParams::apply(s.dialect, ctx.param(m_delimiter, first, 0), ctx.param(m_customDelimiter, first, 0),
                     ctx.param(m_quote, first, 0));
    s.quoting = ctx.param(m_quoting, first, 0) == u"always" ? CsvWriter::Quoting::Always : CsvWriter::Quoting::Needed;
    s.header = ctx.param(m_header, first, 0);
    for (const QString& c : ctx.param(m_columns, first, 0).split(u',')) {
        if (!c.trimmed().isEmpty())
            s.columns.append(c.trimmed());
    }
    s.lineEnding = ctx.param(m_lineEnding, first, 0) == u"lf" ? QStringLiteral("\n") : QStringLiteral("\r\n");
    s.encoding = ctx.param(m_encoding, first, 0);
    s.bom = ctx.param(m_bom, first, 0);
    s.mode = ctx.param(m_mode, first, 0);
    s.createFolders = ctx.param(m_createFolders, first, 0);
    return s;
}

} // namespace taskloom::nodes::core
