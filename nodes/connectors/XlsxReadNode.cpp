#include "XlsxReadNode.hpp"

#include "XlsxFile.hpp"

#include "engine/ExecutionContext.hpp"

#include <QFileInfo>

namespace taskloom::nodes::connectors {

using namespace engine;

XlsxReadNode::XlsxReadNode()
{
    m_spec.type = QStringLiteral("connectors.xlsxRead");
    m_spec.title = QStringLiteral("Read spreadsheet (.xlsx)");
    m_spec.category = QStringLiteral("Files");
    m_spec.description = QStringLiteral("Reads a sheet of an Excel workbook: one item per row, fields named by the header row. "
                                        "Numbers stay numbers, dates become ISO 8601 text.");
    m_spec.aliases = {QStringLiteral("excel"), QStringLiteral("xlsx"), QStringLiteral("spreadsheet"), QStringLiteral("workbook")};
    m_spec.icon = QStringLiteral("x-office-spreadsheet");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Rows"), {}}};
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File")).required().filter(QStringLiteral("Excel workbooks (*.xlsx)")));
    m_sheet = addParam<QString>(ParamSpec::string(QStringLiteral("sheet"), QStringLiteral("Sheet")).describe(QStringLiteral("Empty: the first sheet.")));
    m_header = addParam<bool>(ParamSpec::boolean(QStringLiteral("header"), QStringLiteral("First row has column names"), true));
    m_skipEmptyRows = addParam<bool>(ParamSpec::boolean(QStringLiteral("skipEmptyRows"), QStringLiteral("Skip empty rows"), true));
    m_maxRows = addParam<qint64>(ParamSpec::integer(QStringLiteral("maxRows"), QStringLiteral("Max rows"), 0).range(0, std::nullopt));
    m_spec.errors = {{QStringLiteral("FILE_NOT_FOUND"), QStringLiteral("The file does not exist."), false},
                     {QStringLiteral("XLSX_INVALID"), QStringLiteral("The file is not an .xlsx workbook, or the sheet is missing."), false}};
}

Exec XlsxReadNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        try {
            const QString value = ctx.param(m_path, item, i);
            const QString path = ctx.resolvePath(value);
            if (!QFileInfo(path).isFile())
                throw NodeError::param(m_path.name(), value, QStringLiteral("no such file (%1)").arg(path), QStringLiteral("FILE_NOT_FOUND"));
            const QString sheet = ctx.param(m_sheet, item, i).trimmed();
            auto rows = XlsxFile::readSheet(path, sheet);
            if (!rows)
                throw NodeError::param(sheet.isEmpty() || !rows.error().startsWith(QLatin1String("no sheet")) ? m_path.name() : m_sheet.name(),
                                       sheet.isEmpty() || !rows.error().startsWith(QLatin1String("no sheet")) ? value : sheet,
                                       rows.error(), QStringLiteral("XLSX_INVALID"));
            const bool header = ctx.param(m_header, item, i);
            const bool skipEmpty = ctx.param(m_skipEmptyRows, item, i);
            const qint64 max = ctx.param(m_maxRows, item, i);
            QStringList names;
            qsizetype first = 0;
            if (header && !rows->isEmpty()) {
                for (qsizetype c = 0; c < rows->first().size(); ++c) {
                    QString n = rows->first()[c].toText().trimmed();
                    if (n.isEmpty() || names.contains(n))
                        n = QStringLiteral("column%1").arg(c + 1);
                    names.append(n);
                }
                first = 1;
            }
            qint64 emitted = 0;
            for (qsizetype r = first; r < rows->size(); ++r) {
                const XlsxFile::Row& row = rows->at(r);
                if (skipEmpty && std::all_of(row.begin(), row.end(), [](const Value& v) { return v.isNull() || v.toText().isEmpty(); }))
                    continue;
                if (max > 0 && emitted >= max)
                    break;
                Object o;
                const qsizetype width = std::max(row.size(), names.size());
                for (qsizetype c = 0; c < width; ++c)
                    o.insert(c < names.size() ? names[c] : QStringLiteral("column%1").arg(c + 1), row.value(c));
                out.push(0, Item(std::move(o)));
                ++emitted;
            }
        } catch (const NodeError& e) {
            ctx.failItem(item, e, out);
        }
    }
    return Exec::Done;
}

} // namespace taskloom::nodes::connectors
