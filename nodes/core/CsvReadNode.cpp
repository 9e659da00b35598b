#include "CsvReadNode.hpp"

#include "CsvCursor.hpp"
#include "CsvParams.hpp"
#include "FileAccess.hpp"

namespace taskloom::nodes::core {

using namespace engine;

namespace {

class CsvReadInstance final : public LazySourceInstance {
public:
    explicit CsvReadInstance(const CsvReadNode& node) : m_node(node) {}

protected:
    std::unique_ptr<ItemCursor> cursorFor(ExecutionContext& ctx, const Item& item, qsizetype index) override
    {
        return std::make_unique<CsvCursor>(m_node.settings(ctx, item, index));
    }

private:
    const CsvReadNode& m_node;
};

} // namespace

CsvReadNode::CsvReadNode()
{
    m_spec.type = QStringLiteral("core.csvRead");
    m_spec.title = QStringLiteral("Read CSV");
    m_spec.category = QStringLiteral("Files");
    m_spec.description = QStringLiteral("Reads a CSV file for every incoming item and emits one item per row, with the "
                                        "columns as fields in their order. Files of any size stream through.");
    m_spec.aliases = {QStringLiteral("spreadsheet"), QStringLiteral("comma"), QStringLiteral("tsv"), QStringLiteral("import"),
                      QStringLiteral("load")};
    m_spec.icon = QStringLiteral("text-csv");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("Each item reads the file in \"File\"")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Rows"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File"))
                                   .required()
                                   .filter(QStringLiteral("CSV files (*.csv *.tsv *.txt)"))
                                   .hint(QStringLiteral("data/orders.csv or {{ item.path }}"))
                                   .describe(QStringLiteral("Relative paths start at the flow file's folder.")));
    m_delimiter = addParam<QString>(CsvParams::delimiterParam());
    m_customDelimiter = addParam<QString>(CsvParams::customDelimiterParam());
    m_quote = addParam<QString>(CsvParams::quoteParam());
    m_header = addParam<bool>(ParamSpec::boolean(QStringLiteral("header"), QStringLiteral("First row has column names"), true)
                                  .describe(QStringLiteral("Off: the fields are named column1, column2, ...")));
    m_encoding = addParam<QString>(FileAccess::encodingParam(QStringLiteral("auto")));
    m_skipEmptyLines = addParam<bool>(ParamSpec::boolean(QStringLiteral("skipEmptyLines"), QStringLiteral("Skip empty lines"), true));
    m_trim = addParam<bool>(ParamSpec::boolean(QStringLiteral("trim"), QStringLiteral("Trim spaces"), false)
                                .describe(QStringLiteral("Remove spaces and tabs around values (never inside quotes).")));
    m_inferTypes = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("inferTypes"), QStringLiteral("Convert numbers and booleans"), false)
            .describe(QStringLiteral("Turn 42, 3.5 and true into numbers and booleans. Values with leading zeros (007) "
                                     "stay text. Off: every value is text, exactly as in the file.")));
    m_strict = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("strict"), QStringLiteral("Strict column count"), false)
            .describe(QStringLiteral("Fail on a row with more or fewer values than the header. Off: missing values are "
                                     "empty and extra values become fields named column<N>.")));
    m_maxRows = addParam<qint64>(ParamSpec::integer(QStringLiteral("maxRows"), QStringLiteral("Max rows per file"), 0)
                                     .range(0, std::nullopt)
                                     .describe(QStringLiteral("Stop after this many rows; 0 reads them all.")));
    m_spec.errors = {FileAccess::fileNotFoundError(),
                     FileAccess::fileReadError(),
                     {QStringLiteral("CSV_MALFORMED"),
                      QStringLiteral("Broken quoting: text after a closing quote, or a quote that is never closed. The "
                                     "message names the file and line."),
                      false},
                     {QStringLiteral("CSV_COLUMN_COUNT"),
                      QStringLiteral("Strict column count: a row has more or fewer values than the header."), false},
                     FileAccess::invalidParameterError(),
                     FileAccess::expressionError()};
}

std::unique_ptr<NodeInstance> CsvReadNode::instantiate() const
{
    return std::make_unique<CsvReadInstance>(*this);
}

QList<std::pair<QString, QString>> CsvReadNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    CsvParams::check(params, problems);
    FileAccess::checkEncoding(params, m_encoding.name(), problems);
    return problems;
}

CsvReadNode::Settings CsvReadNode::settings(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    Settings s;
    s.pathValue = ctx.param(m_path, item, index);
    s.path = ctx.resolvePath(s.pathValue);
    CsvParams::apply(s.dialect, ctx.param(m_delimiter, item, index), ctx.param(m_customDelimiter, item, index),
                     ctx.param(m_quote, item, index));
    s.dialect.trim = ctx.param(m_trim, item, index);
    s.dialect.skipEmptyLines = ctx.param(m_skipEmptyLines, item, index);
    s.encoding = ctx.param(m_encoding, item, index);
    s.header = ctx.param(m_header, item, index);
    s.inferTypes = ctx.param(m_inferTypes, item, index);
    s.strict = ctx.param(m_strict, item, index);
    s.maxRows = ctx.param(m_maxRows, item, index);
    FileAccess::decoder(m_encoding.name(), s.encoding); // an unknown name fails the item now, not mid-stream
    return s;
}

} // namespace taskloom::nodes::core
