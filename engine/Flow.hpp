#pragma once

#include "NodeSpec.hpp"
#include "Value.hpp"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace taskloom::engine {

enum class OnError {
    Stop,     ///< the run fails
    Continue, ///< the failed items go on through the main output with an "error" field
    Route,    ///< the failed items leave through the node's extra "error" output
};

/// Per-node settings: what the executor does around the node, as opposed to what the node does.
struct NodeSettings {
    std::optional<RetryPolicy> retry; ///< unset: the node type's default retry policy
    int timeoutMs = 0;                ///< 0: no timeout
    OnError onError = OnError::Stop;
    bool disabled = false;            ///< a disabled node passes its first input to its first output
    QString notes;

    static QString onErrorName(OnError e);
    static std::optional<OnError> onErrorFromName(QStringView name);
};

struct Position {
    double x = 0;
    double y = 0;
};

struct FlowNode {
    QString id;
    QString type;
    int typeVersion = 1;
    QString name;
    Position position;
    Object params;
    NodeSettings settings;
    /// A node whose type this build does not know: `raw` is its JSON, saved back unchanged; it cannot run.
    bool placeholder = false;
    Object raw;
};

struct Connection {
    QString fromNode; ///< node id
    QString fromPort; ///< output port name
    QString toNode;
    QString toPort;

    bool operator==(const Connection&) const = default;
};

struct StickyNote {
    QString id;
    QString text;
    Position position;
    double width = 240;
    double height = 120;
    QString color;
};

/// How much of the data flowing through a run the run store keeps (private documents: "metadata" or "none").
enum class StoreItemData {
    Full,     ///< node outputs (size-capped), logs, statuses
    Metadata, ///< statuses, counts, durations, logs; no item data
    None,     ///< statuses, counts, durations and error codes only
};

struct FlowSettings {
    StoreItemData storeItemData = StoreItemData::Full;
    int timeoutMs = 0; ///< the whole run; 0: no limit
    Object extra;      ///< settings this build does not know, kept for round-trips

    static QString storeItemDataName(StoreItemData s);
    static std::optional<StoreItemData> storeItemDataFromName(QStringView name);
};

/// A flow as a plain data model, independent of files, executors and views.
struct Flow {
    static constexpr int formatVersion = 1;

    QString id; ///< a UUID, stable across renames; the scheduler keys its state on it
    QString name;
    QString description;
    std::vector<FlowNode> nodes;
    std::vector<Connection> connections;
    Object variables;
    FlowSettings settings;
    Object pinData; ///< node id -> array of items used instead of running that node
    std::vector<StickyNote> notes;
    Object meta;
    Object extra; ///< top-level keys this build does not know, kept for round-trips

    const FlowNode* nodeById(QStringView id) const;
    const FlowNode* nodeByName(QStringView name) const;
    qsizetype indexOfNode(QStringView id) const;
};

} // namespace taskloom::engine
