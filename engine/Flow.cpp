#include "Flow.hpp"

namespace taskloom::engine {

QString NodeSettings::onErrorName(OnError e)
{
    switch (e) {
    case OnError::Stop: return QStringLiteral("stop");
    case OnError::Continue: return QStringLiteral("continue");
    case OnError::Route: return QStringLiteral("route");
    }
    return {};
}

std::optional<OnError> NodeSettings::onErrorFromName(QStringView name)
{
    if (name == u"stop")
        return OnError::Stop;
    if (name == u"continue")
        return OnError::Continue;
    if (name == u"route")
        return OnError::Route;
    return std::nullopt;
}

QString FlowSettings::storeItemDataName(StoreItemData s)
{
    switch (s) {
    case StoreItemData::Full: return QStringLiteral("full");
    case StoreItemData::Metadata: return QStringLiteral("metadata");
    case StoreItemData::None: return QStringLiteral("none");
    }
    return {};
}

std::optional<StoreItemData> FlowSettings::storeItemDataFromName(QStringView name)
{
    if (name == u"full")
        return StoreItemData::Full;
    if (name == u"metadata")
        return StoreItemData::Metadata;
    if (name == u"none")
        return StoreItemData::None;
    return std::nullopt;
}

const FlowNode* Flow::nodeById(QStringView id) const
{
    const qsizetype i = indexOfNode(id);
    return i < 0 ? nullptr : &nodes[size_t(i)];
}

const FlowNode* Flow::nodeByName(QStringView name) const
{
    for (const FlowNode& n : nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

qsizetype Flow::indexOfNode(QStringView id) const
{
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == id)
            return qsizetype(i);
    }
    return -1;
}

} // namespace taskloom::engine
