#pragma once

#include "engine/Value.hpp"

#include <QString>

#include <expected>

namespace taskloom::daemon {

/// A flow's unattended settings, from `"settings": {"daemon": {...}}` in its file.
struct FlowPolicy {
    enum class Overlap { Skip, Queue, Allow };
    enum class CatchUp { Skip, Once, All };

    bool enabled = true;
    Overlap overlap = Overlap::Skip; ///< when a trigger fires while the flow runs
    int concurrency = 1;             ///< simultaneous runs with overlap "allow"
    CatchUp catchUp = CatchUp::Once; ///< fires missed while the daemon was down
    int catchUpLimit = 10;           ///< catch-up "all" runs at most this many (the newest)
    int retries = 0;                 ///< re-runs of a failed run
    int retryDelaySeconds = 60;      ///< before the first retry; doubles each time
    int timeoutSeconds = 0;          ///< 0: none
    QString notifyWebhook;           ///< POSTed a JSON notice when a run fails for good

    /// Reads the "daemon" object; errors name the setting and value.
    static std::expected<FlowPolicy, QString> parse(const engine::Value& settings);
    static QString overlapName(Overlap o);
    static QString catchUpName(CatchUp c);
};

} // namespace taskloom::daemon
