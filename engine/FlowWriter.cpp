#include "FlowWriter.hpp"

#include "AtomicFile.hpp"
#include "Json.hpp"

#include <algorithm>

namespace taskloom::engine {

namespace {

Value positionValue(const Position& p)
{
    return Array{p.x, p.y};
}

Value settingsValue(const NodeSettings& s)
{
    Object o;
    if (s.retry) {
        o.insert(QStringLiteral("retry"), Object{{QStringLiteral("count"), s.retry->maxRetries},
                                                 {QStringLiteral("backoff"), s.retry->backoffMs / 1000.0},
                                                 {QStringLiteral("factor"), s.retry->backoffFactor},
                                                 {QStringLiteral("maxBackoff"), s.retry->maxBackoffMs / 1000.0}});
    }
    if (s.timeoutMs > 0)
        o.insert(QStringLiteral("timeout"), s.timeoutMs / 1000.0);
    if (s.onError != OnError::Stop)
        o.insert(QStringLiteral("onError"), NodeSettings::onErrorName(s.onError));
    if (s.disabled)
        o.insert(QStringLiteral("disabled"), true);
    if (!s.notes.isEmpty())
        o.insert(QStringLiteral("notes"), s.notes);
    return o;
}

Value nodeValue(const FlowNode& n)
{
    if (n.placeholder) {
        Object raw = n.raw;
        raw.insert(QStringLiteral("name"), n.name);
        raw.insert(QStringLiteral("position"), positionValue(n.position));
        return raw;
    }
    Object o{{QStringLiteral("id"), n.id},
             {QStringLiteral("type"), n.type},
             {QStringLiteral("typeVersion"), n.typeVersion},
             {QStringLiteral("name"), n.name},
             {QStringLiteral("position"), positionValue(n.position)},
             {QStringLiteral("params"), n.params}};
    Value settings = settingsValue(n.settings);
    if (!settings.objectRef().isEmpty())
        o.insert(QStringLiteral("settings"), std::move(settings));
    return o;
}

} // namespace

Object FlowWriter::toObject(const Flow& flow)
{
    Object o{{QStringLiteral("format"), QStringLiteral("taskloom-flow")},
             {QStringLiteral("version"), Flow::formatVersion},
             {QStringLiteral("id"), flow.id},
             {QStringLiteral("name"), flow.name}};
    if (!flow.description.isEmpty())
        o.insert(QStringLiteral("description"), flow.description);

    Array nodes;
    for (const FlowNode& n : flow.nodes)
        nodes.append(nodeValue(n));
    o.insert(QStringLiteral("nodes"), nodes);

    std::vector<Connection> conns = flow.connections;
    std::stable_sort(conns.begin(), conns.end(), [&](const Connection& a, const Connection& b) {
        const auto ka = std::make_tuple(flow.indexOfNode(a.fromNode), a.fromPort, flow.indexOfNode(a.toNode), a.toPort);
        const auto kb = std::make_tuple(flow.indexOfNode(b.fromNode), b.fromPort, flow.indexOfNode(b.toNode), b.toPort);
        return ka < kb;
    });
    Array connections;
    for (const Connection& c : conns) {
        connections.append(Object{{QStringLiteral("from"), c.fromNode},
                                  {QStringLiteral("output"), c.fromPort},
                                  {QStringLiteral("to"), c.toNode},
                                  {QStringLiteral("input"), c.toPort}});
    }
    o.insert(QStringLiteral("connections"), connections);

    if (!flow.variables.isEmpty())
        o.insert(QStringLiteral("variables"), flow.variables);
    Object settings;
    if (flow.settings.storeItemData != StoreItemData::Full)
        settings.insert(QStringLiteral("storeItemData"), FlowSettings::storeItemDataName(flow.settings.storeItemData));
    if (flow.settings.timeoutMs > 0)
        settings.insert(QStringLiteral("timeout"), flow.settings.timeoutMs / 1000.0);
    for (const auto& [k, v] : flow.settings.extra)
        settings.insert(k, v);
    if (!settings.isEmpty())
        o.insert(QStringLiteral("settings"), settings);
    if (!flow.pinData.isEmpty())
        o.insert(QStringLiteral("pinData"), flow.pinData);
    if (!flow.notes.empty()) {
        Array notes;
        for (const StickyNote& n : flow.notes) {
            Object no{{QStringLiteral("id"), n.id},
                      {QStringLiteral("text"), n.text},
                      {QStringLiteral("position"), positionValue(n.position)},
                      {QStringLiteral("width"), n.width},
                      {QStringLiteral("height"), n.height}};
            if (!n.color.isEmpty())
                no.insert(QStringLiteral("color"), n.color);
            notes.append(no);
        }
        o.insert(QStringLiteral("notes"), notes);
    }
    if (!flow.meta.isEmpty())
        o.insert(QStringLiteral("meta"), flow.meta);
    QStringList extraKeys = flow.extra.keys();
    extraKeys.sort();
    for (const QString& k : extraKeys)
        o.insert(k, flow.extra.value(k));
    return o;
}

QByteArray FlowWriter::serialize(const Flow& flow)
{
    QByteArray out = Json::serialize(toObject(flow), Json::WriteOptions{true, 100});
    out.append('\n');
    return out;
}

std::expected<void, QString> FlowWriter::save(const Flow& flow, const QString& path)
{
    return AtomicFile::write(path, serialize(flow));
}

} // namespace taskloom::engine
