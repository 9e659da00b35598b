#pragma once

#include "engine/RunEvent.hpp"
#include "engine/Value.hpp"

#include <QList>

namespace taskloom::studio {

/// A past run read back from the run store (`RunStore::runDetail`, the shape `taskloom runs show --json`
/// prints) turned into the events a live run would have sent: the canvas and the run panel then show a past run
/// exactly as they show the current one. Events come in time order: run started, node and log events, run
/// finished (unless the run is still going).
QList<engine::RunEvent> eventsFromRunDetail(const engine::Object& detail);

} // namespace taskloom::studio
