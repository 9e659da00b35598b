#include "JsonWriteNode.hpp"

#include "FileAccess.hpp"
#include "StagedFile.hpp"

#include "engine/Json.hpp"

#include <QDir>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

constexpr qsizetype flushThreshold = 1 << 20;

const QString appendProblem = QStringLiteral("a JSON array cannot be appended to; choose the JSON Lines format");

class JsonWriteInstance final : public NodeInstance {
public:
    explicit JsonWriteInstance(const JsonWriteNode& node) : m_node(node) {}

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) override
    {
        (void)out;
        if (in.main().isEmpty())
            return Exec::Done;
        if (!m_started)
            start(ctx, in.main().first());
        const ItemList& items = in.main();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if ((i & 1023) == 0)
                ctx.checkCancelled();
            append(items[i].json());
        }
        flush();
        return Exec::Done;
    }

    void finish(ExecutionContext& ctx, Outputs& out) override
    {
        (void)ctx;
        if (!m_started)
            return;
        if (!m_settings.lines)
            m_buffer += m_settings.pretty && m_count > 0 ? "\n]\n" : "]\n";
        flush();
        if (auto r = m_file.commit(); !r)
            throw writeError(r.error());
        m_started = false;
        out.push(0, Item(Object{{QStringLiteral("path"), QDir::toNativeSeparators(m_path)}, {QStringLiteral("items"), m_count}}));
    }

private:
    void start(ExecutionContext& ctx, const Item& first)
    {
        m_settings = m_node.settings(ctx, first);
        if (!m_settings.lines && m_settings.mode == u"append")
            throw NodeError::param(QStringLiteral("mode"), m_settings.mode, appendProblem);
        m_path = FileAccess::fileToWrite(ctx, QStringLiteral("path"), m_settings.pathValue, m_settings.createFolders,
                                         m_settings.mode);
        const auto mode = m_settings.mode == u"append" ? StagedFile::Mode::Append : StagedFile::Mode::Replace;
        if (auto r = m_file.open(m_path, mode); !r)
            throw writeError(r.error());
        m_buffer.clear();
        m_count = 0;
        if (!m_settings.lines)
            m_buffer += '[';
        m_started = true;
    }

    void append(const Object& json)
    {
        if (m_settings.lines) {
            m_buffer += Json::serialize(json, Json::WriteOptions{});
            m_buffer += '\n';
        } else if (m_settings.pretty) {
            // As JSON.stringify(items, null, 2) writes it: each item indented one level inside the array.
            QByteArray text = Json::serialize(json, Json::WriteOptions{true, 0});
            text.replace("\n", "\n  ");
            m_buffer += m_count > 0 ? ",\n  " : "\n  ";
            m_buffer += text;
        } else {
            if (m_count > 0)
                m_buffer += ',';
            m_buffer += Json::serialize(json, Json::WriteOptions{});
        }
        ++m_count;
        if (m_buffer.size() >= flushThreshold)
            flush();
    }

    void flush()
    {
        if (m_buffer.isEmpty())
            return;
        if (auto r = m_file.write(m_buffer); !r)
            throw writeError(r.error());
        m_buffer.resize(0);
    }

    NodeError writeError(const QString& problem) const
    {
        return FileAccess::pathError(QStringLiteral("path"), m_settings.pathValue, problem, m_path,
                                     QStringLiteral("FILE_WRITE_FAILED"));
    }

    const JsonWriteNode& m_node;
    JsonWriteNode::Settings m_settings;
    QString m_path;
    StagedFile m_file; // uncommitted when the instance dies: the temporary file goes with it
    QByteArray m_buffer;
    qint64 m_count = 0;
    bool m_started = false;
};

} // namespace

JsonWriteNode::JsonWriteNode()
{
    m_spec.type = QStringLiteral("core.jsonWrite");
    m_spec.title = QStringLiteral("Write JSON");
    m_spec.category = QStringLiteral("Files");
    m_spec.description = QStringLiteral("Writes the incoming items to a JSON file, as one array or as JSON Lines, and "
                                        "emits {path, items}. The file appears only when every item is written.");
    m_spec.aliases = {QStringLiteral("jsonl"), QStringLiteral("ndjson"), QStringLiteral("export"), QStringLiteral("save")};
    m_spec.icon = QStringLiteral("document-save");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("Items"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), QStringLiteral("One item when the file is written")}};
    m_spec.inputMode = InputMode::Stream;
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File"))
                                   .required()
                                   .forSaving()
                                   .filter(QStringLiteral("JSON files (*.json *.jsonl)"))
                                   .hint(QStringLiteral("out/orders.json"))
                                   .describe(QStringLiteral("Relative paths start at the flow file's folder. Expressions "
                                                            "see the first item.")));
    m_format = addParam<QString>(ParamSpec::choice(QStringLiteral("format"), QStringLiteral("Format"),
                                                   {{QStringLiteral("array"), QStringLiteral("JSON array"), {}},
                                                    {QStringLiteral("lines"), QStringLiteral("JSON Lines"),
                                                     QStringLiteral("One item per line; can be appended to")}}));
    m_pretty = addParam<bool>(ParamSpec::boolean(QStringLiteral("pretty"), QStringLiteral("Pretty print"), false)
                                  .visibleWhen(QStringLiteral("format"), {QStringLiteral("array")}));
    m_mode = addParam<QString>(FileAccess::writeModeParam(true).describe(
        QStringLiteral("Appending needs the JSON Lines format.")));
    m_createFolders = addParam<bool>(FileAccess::createFoldersParam());
    m_spec.errors = {FileAccess::fileWriteError(), FileAccess::fileExistsError(), FileAccess::invalidParameterError(),
                     FileAccess::expressionError()};
}

std::unique_ptr<NodeInstance> JsonWriteNode::instantiate() const
{
    return std::make_unique<JsonWriteInstance>(*this);
}

QList<std::pair<QString, QString>> JsonWriteNode::checkParams(const Object& params) const
{
    if (params.value(m_mode.name()).toText() == u"append" && params.value(m_format.name()).toText() != u"lines")
        return {{m_mode.name(), appendProblem}};
    return {};
}

JsonWriteNode::Settings JsonWriteNode::settings(ExecutionContext& ctx, const Item& first) const
{
    Settings s;
    s.pathValue = ctx.param(m_path, first, 0);
    s.lines = ctx.param(m_format, first, 0) == u"lines";
    s.pretty = ctx.param(m_pretty, first, 0);
    s.mode = ctx.param(m_mode, first, 0);
    s.createFolders = ctx.param(m_createFolders, first, 0);
    return s;
}

} // namespace taskloom::nodes::core
