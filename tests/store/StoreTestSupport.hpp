#pragma once

#include "engine/RunEvent.hpp"
#include "engine/RunRecorder.hpp"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace taskloom::tests {

/// Builders for synthetic run events, as the executor would send them.
engine::RunEvent runStarted(const QString& runId, const QString& flowId, const QDateTime& time);
engine::RunEvent runFinished(const QString& runId, engine::RunStatus status, const QDateTime& time,
                             qint64 durationMs = 0);
engine::RunEvent nodeStarted(const QString& runId, const QString& nodeId, const QDateTime& time);
engine::RunEvent nodeFinished(const QString& runId, const QString& nodeId, const QDateTime& time,
                              engine::NodeStatus status = engine::NodeStatus::Succeeded);
engine::RunEvent logLine(const QString& runId, const QString& nodeId, const QString& message, const QDateTime& time);

/// A whole run: RunStarted, `nodes` × (NodeStarted, NodeFinished), RunFinished (succeeded), one second apart
/// per node from `start`. Node ids are "n1", "n2", ...
void recordRun(engine::RunObserver& observer, const QString& runId, const QString& flowId, const QDateTime& start,
               int nodes = 3, int logsPerNode = 0);

/// The bytes of every runs.db* file in `dataDir` (database and WAL), for "is this text stored anywhere?".
QByteArray storeFileBytes(const QString& dataDir);

/// Starts this test binary again, running only `test` (a DISABLED_ child test), with `env` added to the
/// environment. Returns the child's pid, or -1.
pid_t spawnChildTest(const QString& test, const QHash<QString, QString>& env);
/// Waits for the child; its exit code, or 128 + signal.
int waitChild(pid_t pid);
/// Polls for a file to appear; false after `timeoutMs`.
bool waitForFile(const QString& path, int timeoutMs);

} // namespace taskloom::tests
