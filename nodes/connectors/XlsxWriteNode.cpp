#include "XlsxWriteNode.hpp"

#include "XlsxFile.hpp"

#include "engine/ExecutionContext.hpp"

#include <QDir>
#include <QFileInfo>

namespace taskloom::nodes::connectors {

using namespace engine;

XlsxWriteNode::XlsxWriteNode()
{
    m_spec.type = QStringLiteral("connectors.xlsxWrite");
    m_spec.title = QStringLiteral("Write spreadsheet (.xlsx)");
    m_spec.category = QStringLiteral("Files");
    m_spec.description = QStringLiteral("Writes the items to an Excel workbook: a header row and one row per item. Numbers and "
                                        "booleans keep their type; lists and objects are written as JSON text.");
    m_spec.aliases = {QStringLiteral("excel"), QStringLiteral("xlsx"), QStringLiteral("spreadsheet"), QStringLiteral("export")};
    m_spec.icon = QStringLiteral("x-office-spreadsheet");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), QStringLiteral("{path, rows}")}};
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File")).required().forSaving().filter(QStringLiteral("Excel workbooks (*.xlsx)")));
    m_sheet = addParam<QString>(ParamSpec::string(QStringLiteral("sheet"), QStringLiteral("Sheet")).defaults(QStringLiteral("Sheet1")));
    m_columns = addParam<QString>(ParamSpec::string(QStringLiteral("columns"), QStringLiteral("Columns"))
                                      .describe(QStringLiteral("Comma-separated; empty: every field, in the order first seen.")));
    m_header = addParam<bool>(ParamSpec::boolean(QStringLiteral("header"), QStringLiteral("Header row"), true));
    m_spec.errors = {{QStringLiteral("FILE_WRITE_FAILED"), QStringLiteral("The workbook cannot be written; no partial file is left."), false}};
}

Exec XlsxWriteNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    const QString value = ctx.param(m_path);
    const QString path = ctx.resolvePath(value);
    QStringList columns;
    for (const QString& c : ctx.param(m_columns).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            columns.append(c.trimmed());
    if (columns.isEmpty())
        for (const Item& item : items)
            for (const QString& k : item.json().keys())
                if (!columns.contains(k))
                    columns.append(k);
    QList<XlsxFile::Row> rows;
    if (ctx.param(m_header)) {
        XlsxFile::Row h;
        for (const QString& c : columns)
            h.append(c);
        rows.append(h);
    }
    for (const Item& item : items) {
        XlsxFile::Row r;
        for (const QString& c : columns)
            r.append(item.json().value(c));
        rows.append(r);
    }
    if (!QFileInfo(path).absoluteDir().exists())
        throw NodeError::param(m_path.name(), value, QStringLiteral("the folder does not exist (%1)").arg(path), QStringLiteral("FILE_WRITE_FAILED"));
    if (auto w = XlsxFile::write(path, ctx.param(m_sheet).trimmed(), rows); !w)
        throw NodeError::param(m_path.name(), value, w.error(), QStringLiteral("FILE_WRITE_FAILED"));
    out.push(0, Item(Object{{QStringLiteral("path"), path}, {QStringLiteral("rows"), qint64(items.size())}}));
    return Exec::Done;
}

} // namespace taskloom::nodes::connectors
