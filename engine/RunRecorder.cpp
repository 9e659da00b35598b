#include "RunRecorder.hpp"

#include "RunStore.hpp"
#include "RunWriter.hpp"

#include <QtGlobal>

#include <unistd.h>

namespace taskloom::engine {

using Type = RunEvent::Type;

RunRecorder::RunRecorder(RunStore& store, Options options)
    : m_writer(store.writer()), m_dataDir(store.dataDir()), m_options(std::move(options)), m_pid(::getpid())
{
}

RunRecorder::~RunRecorder()
{
    if (auto flushed = flush(); !flushed)
        qWarning("run store: %s", qUtf8Printable(flushed.error())); // nobody is left to return it to
    // m_runs goes next: runs that never finished lose their locks only now that their rows are committed,
    // and the next reconcile marks them interrupted.
}

std::expected<void, QString> RunRecorder::flush()
{
    return m_writer->flush();
}

RunRecorder::RunState& RunRecorder::stateOf(const QString& runId)
{
    return m_runs[runId];
}

void RunRecorder::onEvent(const RunEvent& event)
{
    const StoreItemData mode = m_options.storeItemData;
    // Progress is for live views; the store keeps what happened, not how far along it was.
    if (event.type == Type::Progress || (event.type == Type::Log && mode == StoreItemData::None))
        return;
    RunEvent copy = event; // shares the strings and the sample: reference counts, not bytes
    if (!copy.time.isValid())
        copy.time = QDateTime::currentDateTimeUtc();
    if (mode != StoreItemData::Full)
        copy.outputSample.clear();
    if (mode == StoreItemData::None)
        copy.message.clear(); // error messages quote parameters and items: private in "none"

    if (copy.type == Type::RunStarted)
        return startRun(std::move(copy));
    if (copy.type == Type::RunFinished)
        return finishRun(std::move(copy));

    RunState& state = stateOf(copy.runId);
    RunWriter::Entry entry;
    if (copy.type == Type::Log || (copy.type == Type::NodeRetry && !copy.message.isEmpty()))
        entry.logSeq = ++state.nextLogSeq;
    if (copy.type == Type::NodeFinished && copy.nodeStatus == NodeStatus::Failed) {
        state.failedNodeId = copy.nodeId;
        state.failedNodeName = copy.nodeName;
        state.failedErrorCode = copy.errorCode;
    }
    entry.event = std::move(copy);
    m_writer->post(std::move(entry));
}

void RunRecorder::startRun(RunEvent&& event)
{
    RunState& state = stateOf(event.runId);
    state.startedAt = event.time;
    // The lock comes before the row: a "running" row whose lock nobody holds means a dead run to everyone
    // who reconciles, so the row must never be visible before the lock is taken.
    auto lock = RunLock::acquire(m_dataDir, event.runId);
    if (lock)
        state.lock = std::move(*lock);
    else
        m_writer->reportError(QStringLiteral("run %1 is recorded without its lock, so other processes will "
                                             "consider it interrupted: %2")
                                  .arg(event.runId, lock.error().message));
    RunWriter::Entry entry;
    entry.storeMode = m_options.storeItemData;
    entry.flowPath = m_options.flowFilePath;
    entry.trigger = m_options.trigger;
    entry.pid = m_pid;
    entry.event = std::move(event);
    m_writer->post(std::move(entry));
}

void RunRecorder::finishRun(RunEvent&& event)
{
    auto it = m_runs.find(event.runId);
    RunWriter::Entry entry;
    if (it != m_runs.end()) {
        RunState& state = it->second;
        if (event.durationMs <= 0 && state.startedAt.isValid())
            event.durationMs = state.startedAt.msecsTo(event.time);
        if (event.runStatus != RunStatus::Succeeded) {
            entry.failedNodeId = event.nodeId.isEmpty() ? state.failedNodeId : event.nodeId;
            entry.failedNodeName = event.nodeId.isEmpty() ? state.failedNodeName : event.nodeName;
            if (event.errorCode.isEmpty() && event.nodeId.isEmpty())
                event.errorCode = state.failedErrorCode;
        }
        entry.lock = std::move(state.lock);
        m_runs.erase(it);
    }
    entry.event = std::move(event);
    m_writer->post(std::move(entry), true);
}

} // namespace taskloom::engine
