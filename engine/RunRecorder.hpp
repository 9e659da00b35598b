#pragma once

#include "Flow.hpp"
#include "RunEvent.hpp"
#include "RunLock.hpp"

#include <QDateTime>
#include <QString>

#include <expected>
#include <memory>
#include <unordered_map>

namespace taskloom::engine {

class RunStore;
class RunWriter;

/// Records a run's events in the run store. onEvent only copies the event and hands it to the store's writer
/// thread, so recording adds microseconds to a run, not a database commit per event.
///
/// The flow's "store item data" setting decides what is kept: Full keeps node output samples (capped per node
/// and port, see RunWriter::maxOutputBytes), logs and statuses; Metadata drops item data; None also drops
/// log lines and error messages (which may quote document content), keeping statuses, counts, durations and
/// error codes.
///
/// At RunStarted the recorder takes the run's RunLock, before the "running" row can reach the database; the
/// lock is released after the final row is committed, or when the recorder goes away without a RunFinished.
class RunRecorder : public RunObserver {
public:
    struct Options {
        StoreItemData storeItemData = StoreItemData::Full;
        QString flowFilePath; ///< where the flow was loaded from; empty for an unsaved flow
        QString trigger;      ///< how the run started, for people: "manual", "schedule 0 7 * * 1-5", ...
    };

    /// `store` must stay alive while the recorder records (the writer thread itself is shared and outlives it).
    RunRecorder(RunStore& store, Options options);
    /// Flushes: everything received is committed when the recorder is gone.
    ~RunRecorder() override;
    RunRecorder(const RunRecorder&) = delete;
    RunRecorder& operator=(const RunRecorder&) = delete;

    void onEvent(const RunEvent& event) override;
    /// Blocks until every event received so far is committed; returns the first error since the last flush.
    std::expected<void, QString> flush();

    const Options& options() const { return m_options; }

private:
    struct RunState {
        qint64 nextLogSeq = 0;
        QDateTime startedAt;
        QString failedNodeId;
        QString failedNodeName;
        QString failedErrorCode;
        RunLock lock;
    };

    RunState& stateOf(const QString& runId);
    void startRun(RunEvent&& event);
    void finishRun(RunEvent&& event);

    std::shared_ptr<RunWriter> m_writer;
    QString m_dataDir;
    Options m_options;
    qint64 m_pid = 0;
    std::unordered_map<QString, RunState> m_runs; ///< onEvent calls are serialised: no lock needed
};

} // namespace taskloom::engine
