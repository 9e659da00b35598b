#include "JsonReadNode.hpp"

#include "FieldPath.hpp"
#include "FileAccess.hpp"
#include "LazySource.hpp"

#include "engine/Json.hpp"

#include <QDir>
#include <QFileInfo>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

Item toItem(Value v)
{
    if (v.isObject())
        return Item(v.toObject());
    return Item(Object{{QStringLiteral("value"), std::move(v)}}); // items are objects: wrap a bare value
}

void dropBom(QByteArray& bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
}

class JsonCursor final : public ItemCursor {
public:
    explicit JsonCursor(JsonReadNode::Settings settings) : m_settings(std::move(settings)) {}

    bool fill(ExecutionContext& ctx, ItemList& out, qsizetype max) override
    {
        if (!m_opened)
            open(ctx);
        return m_settings.lines ? fillLines(ctx, out, max) : fillValues(out, max);
    }

private:
    void open(ExecutionContext& ctx)
    {
        m_opened = true;
        FileAccess::existingFile(ctx, QStringLiteral("path"), m_settings.pathValue);
        m_file.setFileName(m_settings.path);
        if (!m_file.open(QIODevice::ReadOnly))
            throw FileAccess::pathError(QStringLiteral("path"), m_settings.pathValue,
                                        QStringLiteral("cannot open: %1").arg(m_file.errorString()), m_settings.path,
                                        QStringLiteral("FILE_READ_FAILED"));
        if (!m_settings.lines)
            readDocument();
    }

    // A JSON document has to be parsed whole; its items are still handed out a batch at a time.
    void readDocument()
    {
        QByteArray bytes = m_file.readAll();
        m_file.close();
        dropBom(bytes);
        auto parsed = Json::parse(bytes);
        if (!parsed)
            throw error(parsed.error().toString());
        Value items = std::move(*parsed);
        if (!m_settings.itemsPath.isEmpty()) {
            const FieldPath path = FieldPath::parse(m_settings.itemsPath);
            if (!items.isObject() || !path.exists(items.objectRef()))
                throw NodeError(QStringLiteral("FIELD_MISSING"),
                                QStringLiteral("file \"%1\" has no field \"%2\" (parameter \"itemsPath\")")
                                    .arg(QDir::toNativeSeparators(m_settings.path), m_settings.itemsPath));
            items = path.get(items.objectRef());
        }
        if (items.isArray())
            m_values = items.arrayRef();
        else
            m_values.append(std::move(items));
    }

    bool fillValues(ItemList& out, qsizetype max)
    {
        for (qsizetype n = 0; n < max && m_next < m_values.size(); ++n)
            out.append(toItem(m_values.at(m_next++)));
        if (m_next < m_values.size())
            return true;
        m_values = Array(); // let the document go as soon as it is handed out
        return false;
    }

    bool fillLines(ExecutionContext& ctx, ItemList& out, qsizetype max)
    {
        qsizetype n = 0;
        while (n < max) {
            if ((m_line & 4095) == 4095)
                ctx.checkCancelled();
            if (m_file.atEnd())
                return false;
            QByteArray line = m_file.readLine();
            if (line.isEmpty() && m_file.error() != QFileDevice::NoError)
                throw NodeError(QStringLiteral("FILE_READ_FAILED"), QStringLiteral("file \"%1\": %2")
                                                                        .arg(QDir::toNativeSeparators(m_settings.path), m_file.errorString()));
            if (++m_line == 1)
                dropBom(line);
            if (line.trimmed().isEmpty())
                continue;
            auto parsed = Json::parse(line);
            if (!parsed)
                throw error(QStringLiteral("line %1, column %2: %3").arg(m_line).arg(parsed.error().column).arg(parsed.error().message));
            out.append(toItem(std::move(*parsed)));
            ++n;
        }
        if (m_file.size() > 0)
            ctx.progress(double(m_file.pos()) / double(m_file.size()));
        return true;
    }

    NodeError error(const QString& problem) const
    {
        return NodeError(QStringLiteral("JSON_PARSE_ERROR"),
                         QStringLiteral("file \"%1\": %2").arg(QDir::toNativeSeparators(m_settings.path), problem));
    }

    JsonReadNode::Settings m_settings;
    QFile m_file;
    bool m_opened = false;
    Array m_values;
    qsizetype m_next = 0;
    qint64 m_line = 0;
};

class JsonReadInstance final : public LazySourceInstance {
public:
    explicit JsonReadInstance(const JsonReadNode& node) : m_node(node) {}

protected:
    std::unique_ptr<ItemCursor> cursorFor(ExecutionContext& ctx, const Item& item, qsizetype index) override
    {
        return std::make_unique<JsonCursor>(m_node.settings(ctx, item, index));
    }

private:
    const JsonReadNode& m_node;
};

} // namespace

JsonReadNode::JsonReadNode()
{
    m_spec.type = QStringLiteral("core.jsonRead");
    m_spec.title = QStringLiteral("Read JSON");
    m_spec.category = QStringLiteral("Files");
    m_spec.description = QStringLiteral("Reads a JSON file for every incoming item: an array becomes one item per "
                                        "element, an object one item. JSON Lines files (one value per line) stream "
                                        "through line by line.");
    m_spec.aliases = {QStringLiteral("jsonl"), QStringLiteral("ndjson"), QStringLiteral("import"), QStringLiteral("load")};
    m_spec.icon = QStringLiteral("application-json");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("Each item reads the file in \"File\"")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Items"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File"))
                                   .required()
                                   .filter(QStringLiteral("JSON files (*.json *.jsonl *.ndjson)"))
                                   .hint(QStringLiteral("data/orders.json or {{ item.path }}")));
    m_format = addParam<QString>(ParamSpec::choice(QStringLiteral("format"), QStringLiteral("Format"),
                                                   {{QStringLiteral("auto"), QStringLiteral("By file extension"),
                                                     QStringLiteral(".jsonl and .ndjson are JSON Lines")},
                                                    {QStringLiteral("json"), QStringLiteral("JSON document"), {}},
                                                    {QStringLiteral("lines"), QStringLiteral("JSON Lines"),
                                                     QStringLiteral("One value per line")}}));
    m_itemsPath = addParam<QString>(ParamSpec::string(QStringLiteral("itemsPath"), QStringLiteral("Items at"))
                                        .hint(QStringLiteral("data.orders"))
                                        .describe(QStringLiteral("Where the items are in the document; empty: the whole "
                                                                 "document."))
                                        .visibleWhen(QStringLiteral("format"), {QStringLiteral("auto"), QStringLiteral("json")}));
    m_spec.errors = {FileAccess::fileNotFoundError(),
                     FileAccess::fileReadError(),
                     {QStringLiteral("JSON_PARSE_ERROR"),
                      QStringLiteral("The file is not valid JSON; the message names the file, line and column."), false},
                     {QStringLiteral("FIELD_MISSING"), QStringLiteral("The document has nothing at \"Items at\"."), false},
                     FileAccess::invalidParameterError(),
                     FileAccess::expressionError()};
}

std::unique_ptr<NodeInstance> JsonReadNode::instantiate() const
{
    return std::make_unique<JsonReadInstance>(*this);
}

JsonReadNode::Settings JsonReadNode::settings(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    Settings s;
    s.pathValue = ctx.param(m_path, item, index);
    s.path = ctx.resolvePath(s.pathValue);
    const QString format = ctx.param(m_format, item, index);
    const QString suffix = QFileInfo(s.path).suffix().toLower();
    s.lines = format == u"lines" || (format == u"auto" && (suffix == u"jsonl" || suffix == u"ndjson"));
    s.itemsPath = ctx.param(m_itemsPath, item, index).trimmed();
    return s;
}

} // namespace taskloom::nodes::core
