#include "FlowReader.hpp"

#include "Json.hpp"
#include "NodeRegistry.hpp"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cmath>

namespace taskloom::engine {

namespace {

class Reader {
public:
    explicit Reader(const NodeRegistry& registry) : m_registry(registry) {}

    FlowReader::Result run(const Value& root)
    {
        FlowReader::Result result;
        if (!root.isObject()) {
            error({}, QStringLiteral("a flow file holds one JSON object, found %1").arg(root.typeName()));
            result.problems = m_problems;
            return result;
        }
        const Object& o = root.objectRef();
        Flow flow;
        readHeader(o, flow);
        readNodes(o.value(u"nodes"), flow);
        readConnections(o.value(u"connections"), flow);
        readVariables(o, flow);
        readSettings(o.value(u"settings"), flow);
        readPinData(o.value(u"pinData"), flow);
        readNotes(o.value(u"notes"), flow);
        fillDefaultPorts(flow);
        static const QSet<QString> known = {
            QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("id"), QStringLiteral("name"),
            QStringLiteral("description"), QStringLiteral("nodes"), QStringLiteral("connections"),
            QStringLiteral("variables"), QStringLiteral("settings"), QStringLiteral("pinData"),
            QStringLiteral("notes"), QStringLiteral("meta")};
        for (const auto& [k, v] : o) {
            if (!known.contains(k))
                flow.extra.insert(k, v);
        }
        result.flow = std::move(flow);
        result.problems = m_problems;
        return result;
    }

private:
    void error(const QString& path, const QString& message)
    {
        m_problems.append({Problem::Severity::Error, path, message});
    }
    void warning(const QString& path, const QString& message)
    {
        m_problems.append({Problem::Severity::Warning, path, message});
    }

    // Reads an optional string; a present non-string is an error.
    QString optString(const Object& o, QStringView key, const QString& path)
    {
        const Value* v = o.find(key);
        if (!v || v->isNull())
            return {};
        if (!v->isString()) {
            error(path + u'.' + key.toString(), QStringLiteral("expected a string, found %1").arg(v->typeName()));
            return {};
        }
        return v->stringRef();
    }

    std::optional<double> optNumber(const Object& o, QStringView key, const QString& path, double min)
    {
        const Value* v = o.find(key);
        if (!v || v->isNull())
            return std::nullopt;
        if (!v->isNumber()) {
            error(path + u'.' + key.toString(), QStringLiteral("expected a number, found %1").arg(v->typeName()));
            return std::nullopt;
        }
        if (!std::isfinite(v->toDouble())) { // 1e400 reads as infinity, which JSON cannot write back
            error(path + u'.' + key.toString(), QStringLiteral("number out of range"));
            return std::nullopt;
        }
        if (v->toDouble() < min) {
            error(path + u'.' + key.toString(), QStringLiteral("must be at least %1, found %2").arg(min).arg(v->toText()));
            return std::nullopt;
        }
        return v->toDouble();
    }

    void readHeader(const Object& o, Flow& flow)
    {
        const Value& format = o.value(u"format");
        if (format.isNull())
            error(QStringLiteral("format"), QStringLiteral("missing; a flow file starts with \"format\": \"taskloom-flow\""));
        else if (format.stringRef() != u"taskloom-flow")
            error(QStringLiteral("format"), QStringLiteral("expected \"taskloom-flow\", found %1").arg(format.toText()));
        const Value& version = o.value(u"version");
        if (version.isNull())
            error(QStringLiteral("version"), QStringLiteral("missing; this build reads version %1").arg(Flow::formatVersion));
        else if (!version.isInt())
            error(QStringLiteral("version"), QStringLiteral("expected an integer, found %1").arg(version.typeName()));
        else if (version.toInt() > Flow::formatVersion)
            error(QStringLiteral("version"), QStringLiteral("version %1 was written by a newer Taskloom; this build reads version %2")
                                                 .arg(version.toInt())
                                                 .arg(Flow::formatVersion));
        else if (version.toInt() < 1)
            error(QStringLiteral("version"), QStringLiteral("invalid version %1").arg(version.toInt()));
        flow.id = optString(o, u"id", {});
        if (flow.id.trimmed().isEmpty())
            error(QStringLiteral("id"), QStringLiteral("missing; every flow has a stable id (a UUID)"));
        flow.name = optString(o, u"name", {});
        flow.description = optString(o, u"description", {});
        const Value& meta = o.value(u"meta");
        if (meta.isObject())
            flow.meta = meta.objectRef();
        else if (!meta.isNull())
            error(QStringLiteral("meta"), QStringLiteral("expected an object, found %1").arg(meta.typeName()));
    }

    static std::optional<Position> readPosition(const Value& v)
    {
        const auto coordinate = [](const Value& c) { return c.isNumber() && std::isfinite(c.toDouble()); };
        if (v.isArray() && v.arrayRef().size() == 2 && coordinate(v.arrayRef().at(0)) && coordinate(v.arrayRef().at(1)))
            return Position{v.arrayRef().at(0).toDouble(), v.arrayRef().at(1).toDouble()};
        if (v.isObject() && coordinate(v.objectRef().value(u"x")) && coordinate(v.objectRef().value(u"y")))
            return Position{v.objectRef().value(u"x").toDouble(), v.objectRef().value(u"y").toDouble()};
        return std::nullopt;
    }

    void readNodes(const Value& nodes, Flow& flow)
    {
        if (nodes.isNull()) {
            error(QStringLiteral("nodes"), QStringLiteral("missing; a flow has a \"nodes\" array"));
            return;
        }
        if (!nodes.isArray()) {
            error(QStringLiteral("nodes"), QStringLiteral("expected an array, found %1").arg(nodes.typeName()));
            return;
        }
        QSet<QString> ids;
        QSet<QString> names;
        qsizetype index = 0;
        for (const Value& nv : nodes.arrayRef()) {
            const QString path = QStringLiteral("nodes[%1]").arg(index++);
            if (!nv.isObject()) {
                error(path, QStringLiteral("expected an object, found %1").arg(nv.typeName()));
                continue;
            }
            FlowNode node;
            if (readNode(nv.objectRef(), path, node)) {
                if (ids.contains(node.id))
                    error(path + QStringLiteral(".id"), QStringLiteral("duplicate node id \"%1\"").arg(node.id));
                if (names.contains(node.name))
                    error(path + QStringLiteral(".name"), QStringLiteral("duplicate node name \"%1\" (names are unique in a flow)").arg(node.name));
                ids.insert(node.id);
                names.insert(node.name);
                flow.nodes.push_back(std::move(node));
            }
        }
    }

    bool readNode(const Object& o, const QString& path, FlowNode& node)
    {
        node.id = optString(o, u"id", path);
        node.type = optString(o, u"type", path);
        node.name = optString(o, u"name", path);
        bool ok = true;
        if (node.id.isEmpty()) {
            error(path + QStringLiteral(".id"), QStringLiteral("missing node id"));
            ok = false;
        }
        if (node.type.isEmpty()) {
            error(path + QStringLiteral(".type"), QStringLiteral("missing node type"));
            ok = false;
        }
        if (node.name.trimmed().isEmpty()) {
            error(path + QStringLiteral(".name"), QStringLiteral("missing node name"));
            node.name = node.id;
        }
        const Value& tv = o.value(u"typeVersion");
        if (tv.isInt() && tv.toInt() >= 1 && tv.toInt() < 1000000)
            node.typeVersion = int(tv.toInt());
        else if (!tv.isNull())
            error(path + QStringLiteral(".typeVersion"), QStringLiteral("expected a positive integer, found %1").arg(tv.toText()));
        const Value& pos = o.value(u"position");
        if (auto p = readPosition(pos))
            node.position = *p;
        else if (!pos.isNull())
            error(path + QStringLiteral(".position"), QStringLiteral("expected [x, y]"));
        const Value& params = o.value(u"params");
        if (params.isObject())
            node.params = params.objectRef();
        else if (!params.isNull())
            error(path + QStringLiteral(".params"), QStringLiteral("expected an object, found %1").arg(params.typeName()));
        readNodeSettings(o.value(u"settings"), path + QStringLiteral(".settings"), node.settings);
        if (!ok)
            return false;

        const NodeType* type = m_registry.find(node.type);
        if (!type) {
            node.placeholder = true;
            node.raw = o;
            error(path + QStringLiteral(".type"),
                  QStringLiteral("unknown node type \"%1\" (kept as it is; the flow cannot run until a pack provides it)").arg(node.type));
            return true;
        }
        const int current = type->spec().version;
        if (node.typeVersion > current) {
            error(path + QStringLiteral(".typeVersion"),
                  QStringLiteral("%1 version %2 was saved by a newer Taskloom; this build knows version %3")
                      .arg(node.type)
                      .arg(node.typeVersion)
                      .arg(current));
        } else if (node.typeVersion < current) {
            Object params = node.params;
            if (auto r = type->migrate(node.typeVersion, params); !r) {
                error(path + QStringLiteral(".typeVersion"), r.error());
            } else {
                node.params = std::move(params);
                node.typeVersion = current;
            }
        }
        return true;
    }

    void readNodeSettings(const Value& v, const QString& path, NodeSettings& s)
    {
        if (v.isNull())
            return;
        if (!v.isObject()) {
            error(path, QStringLiteral("expected an object, found %1").arg(v.typeName()));
            return;
        }
        const Object& o = v.objectRef();
        if (auto t = optNumber(o, u"timeout", path, 0))
            s.timeoutMs = int(std::min(*t * 1000.0, 2.0e9));
        const QString onError = optString(o, u"onError", path);
        if (!onError.isEmpty()) {
            if (auto e = NodeSettings::onErrorFromName(onError))
                s.onError = *e;
            else
                error(path + QStringLiteral(".onError"), QStringLiteral("expected \"stop\", \"continue\" or \"route\", found \"%1\"").arg(onError));
        }
        const Value& disabled = o.value(u"disabled");
        if (disabled.isBool())
            s.disabled = disabled.toBool();
        else if (!disabled.isNull())
            error(path + QStringLiteral(".disabled"), QStringLiteral("expected true or false"));
        s.notes = optString(o, u"notes", path);
        const Value& retry = o.value(u"retry");
        if (retry.isObject()) {
            const QString rpath = path + QStringLiteral(".retry");
            RetryPolicy r;
            const Object& ro = retry.objectRef();
            if (auto c = optNumber(ro, u"count", rpath, 0))
                r.maxRetries = int(std::min(*c, 100.0));
            if (auto b = optNumber(ro, u"backoff", rpath, 0))
                r.backoffMs = int(std::min(*b * 1000.0, 3.6e6));
            if (auto f = optNumber(ro, u"factor", rpath, 1))
                r.backoffFactor = std::min(*f, 10.0);
            if (auto m = optNumber(ro, u"maxBackoff", rpath, 0))
                r.maxBackoffMs = int(std::min(*m * 1000.0, 3.6e6));
            s.retry = r;
        } else if (!retry.isNull()) {
            error(path + QStringLiteral(".retry"), QStringLiteral("expected an object like {\"count\": 3, \"backoff\": 1}"));
        }
    }

    void readConnections(const Value& v, Flow& flow)
    {
        if (v.isNull())
            return;
        if (!v.isArray()) {
            error(QStringLiteral("connections"), QStringLiteral("expected an array, found %1").arg(v.typeName()));
            return;
        }
        qsizetype index = 0;
        for (const Value& cv : v.arrayRef()) {
            const QString path = QStringLiteral("connections[%1]").arg(index++);
            if (!cv.isObject()) {
                error(path, QStringLiteral("expected an object like {\"from\": \"a\", \"output\": \"out\", \"to\": \"b\", \"input\": \"in\"}"));
                continue;
            }
            const Object& o = cv.objectRef();
            Connection c{optString(o, u"from", path), optString(o, u"output", path), optString(o, u"to", path),
                         optString(o, u"input", path)};
            if (c.fromNode.isEmpty() || c.toNode.isEmpty()) {
                error(path, QStringLiteral("a connection needs \"from\" and \"to\" node ids"));
                continue;
            }
            flow.connections.push_back(std::move(c));
        }
    }

    // A connection may leave out port names: they mean the node's first output or input.
    void fillDefaultPorts(Flow& flow)
    {
        for (Connection& c : flow.connections) {
            if (!c.fromPort.isEmpty() && !c.toPort.isEmpty())
                continue;
            const FlowNode* from = flow.nodeById(c.fromNode);
            const FlowNode* to = flow.nodeById(c.toNode);
            if (c.fromPort.isEmpty() && from && !from->placeholder) {
                const Ports p = m_registry.find(from->type)->ports(from->params, from->settings);
                if (!p.outputs.isEmpty())
                    c.fromPort = p.outputs.first().name;
            }
            if (c.toPort.isEmpty() && to && !to->placeholder) {
                const Ports p = m_registry.find(to->type)->ports(to->params, to->settings);
                if (!p.inputs.isEmpty())
                    c.toPort = p.inputs.first().name;
            }
        }
    }

    void readVariables(const Object& o, Flow& flow)
    {
        const Value& v = o.value(u"variables");
        if (v.isObject())
            flow.variables = v.objectRef();
        else if (!v.isNull())
            error(QStringLiteral("variables"), QStringLiteral("expected an object, found %1").arg(v.typeName()));
    }

    void readSettings(const Value& v, Flow& flow)
    {
        if (v.isNull())
            return;
        if (!v.isObject()) {
            error(QStringLiteral("settings"), QStringLiteral("expected an object, found %1").arg(v.typeName()));
            return;
        }
        for (const auto& [k, value] : v.objectRef()) {
            if (k == u"storeItemData") {
                if (auto s = FlowSettings::storeItemDataFromName(value.stringRef()))
                    flow.settings.storeItemData = *s;
                else
                    error(QStringLiteral("settings.storeItemData"),
                          QStringLiteral("expected \"full\", \"metadata\" or \"none\", found %1").arg(value.toText()));
            } else if (k == u"timeout") {
                if (value.isNumber() && value.toDouble() >= 0)
                    flow.settings.timeoutMs = int(std::min(value.toDouble() * 1000.0, 2.0e9));
                else
                    error(QStringLiteral("settings.timeout"), QStringLiteral("expected seconds (a number), found %1").arg(value.toText()));
            } else {
                flow.settings.extra.insert(k, value);
            }
        }
    }

    void readPinData(const Value& v, Flow& flow)
    {
        if (v.isNull())
            return;
        if (!v.isObject()) {
            error(QStringLiteral("pinData"), QStringLiteral("expected an object of node id -> items"));
            return;
        }
        for (const auto& [id, items] : v.objectRef()) {
            const QString path = QStringLiteral("pinData.%1").arg(id);
            if (!items.isArray()) {
                error(path, QStringLiteral("expected an array of items"));
                continue;
            }
            bool allObjects = true;
            for (const Value& item : items.arrayRef())
                allObjects = allObjects && item.isObject();
            if (!allObjects)
                error(path, QStringLiteral("every pinned item is a JSON object"));
            else if (!flow.nodeById(id))
                warning(path, QStringLiteral("no node with id \"%1\"; the pinned data is ignored").arg(id));
            flow.pinData.insert(id, items);
        }
    }

    void readNotes(const Value& v, Flow& flow)
    {
        if (v.isNull())
            return;
        if (!v.isArray()) {
            error(QStringLiteral("notes"), QStringLiteral("expected an array, found %1").arg(v.typeName()));
            return;
        }
        qsizetype index = 0;
        for (const Value& nv : v.arrayRef()) {
            const QString path = QStringLiteral("notes[%1]").arg(index++);
            if (!nv.isObject()) {
                error(path, QStringLiteral("expected an object"));
                continue;
            }
            const Object& o = nv.objectRef();
            StickyNote note;
            note.id = optString(o, u"id", path);
            note.text = optString(o, u"text", path);
            note.color = optString(o, u"color", path);
            if (auto p = readPosition(o.value(u"position")))
                note.position = *p;
            if (auto w = optNumber(o, u"width", path, 1))
                note.width = *w;
            if (auto h = optNumber(o, u"height", path, 1))
                note.height = *h;
            flow.notes.push_back(std::move(note));
        }
    }

    const NodeRegistry& m_registry;
    QList<Problem> m_problems;
};

} // namespace

FlowReader::Result FlowReader::parse(QByteArrayView json, const NodeRegistry& registry)
{
    auto parsed = Json::parse(json);
    if (!parsed) {
        Result r;
        r.problems.append({Problem::Severity::Error, {}, QStringLiteral("malformed JSON at %1").arg(parsed.error().toString())});
        return r;
    }
    return Reader(registry).run(*parsed);
}

FlowReader::Result FlowReader::load(const QString& path, const NodeRegistry& registry)
{
    QFile file(path);
    const QFileInfo info(path);
    Result r;
    if (!info.exists()) {
        r.problems.append({Problem::Severity::Error, {}, QStringLiteral("no such file")});
        return r;
    }
    if (info.isDir()) {
        r.problems.append({Problem::Severity::Error, {}, QStringLiteral("is a folder, not a flow file")});
        return r;
    }
    if (info.size() > maxFileSize) {
        r.problems.append({Problem::Severity::Error, {}, QStringLiteral("%1 bytes is larger than a flow file can be (%2 bytes)")
                                                               .arg(info.size())
                                                               .arg(maxFileSize)});
        return r;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        r.problems.append({Problem::Severity::Error, {}, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return r;
    }
    return parse(file.readAll(), registry);
}

} // namespace taskloom::engine
