#pragma once

#include "Flow.hpp"
#include "RunEvent.hpp"
#include "RunLock.hpp"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <expected>
#include <mutex>
#include <thread>
#include <vector>

namespace taskloom::engine {

/// The one thread of a RunStore that writes run events into runs.db. Recorders post entries (cheap: a copy
/// of the event under a mutex); the thread collects whatever arrives within a short window and commits it as
/// one transaction, so a run costs a few commits instead of one per event. Output samples are serialised here,
/// off the executor's threads. Policy (what a store mode keeps) is the recorder's business: the writer stores
/// what it is given.
class RunWriter {
public:
    /// One event as the writer stores it, with what the event itself does not carry.
    struct Entry {
        RunEvent event;
        qint64 logSeq = 0;                         ///< Log and NodeRetry: position in the run's log
        StoreItemData storeMode = StoreItemData::Full; ///< RunStarted
        QString flowPath;                          ///< RunStarted
        QString trigger;                           ///< RunStarted
        qint64 pid = 0;                            ///< RunStarted
        QString failedNodeId;                      ///< RunFinished
        QString failedNodeName;                    ///< RunFinished
        /// RunFinished: released only once the final status is committed, so nobody can see the run as
        /// "running without a lock holder" (interrupted) in between.
        RunLock lock;
    };

    /// Output samples are capped per node and port; the rest is replaced by a truncation marker.
    static constexpr qsizetype maxOutputBytes = 256 * 1024;
    /// How long the first entry of a batch may wait for company before the batch is committed.
    static constexpr int batchWindowMs = 50;
    static constexpr qsizetype maxBatchSize = 2000;

    explicit RunWriter(QString databasePath);
    /// Commits everything posted, then stops the thread.
    ~RunWriter();
    RunWriter(const RunWriter&) = delete;
    RunWriter& operator=(const RunWriter&) = delete;

    /// Thread-safe. `commitSoon` skips the batching window (the end of a run: release its lock promptly).
    void post(Entry entry, bool commitSoon = false);
    /// Blocks until everything posted so far (by any thread) is committed. Returns the first write error
    /// since the previous flush, which may come from any recorder sharing this writer.
    std::expected<void, QString> flush();
    /// Transactions committed so far (diagnostics and tests: batching means far fewer than events).
    qint64 transactionCount() const { return m_transactions.load(); }
    /// Keeps `error` for the next flush() to return (a recorder's own failures, such as a lock it could not take).
    void reportError(const QString& error);

    /// The items as a JSON array of at most `capBytes` bytes (Item::toExternalJson for each); when they do not
    /// all fit, the array ends with {"$truncated": true, "storedItems": n, "totalItems": m}.
    struct Sample {
        QByteArray json;
        qsizetype storedItems = 0;
        bool truncated = false;
    };
    static Sample sampleJson(const ItemList& items, qsizetype capBytes = maxOutputBytes);

private:
    void run();
    bool waitForBatch(std::unique_lock<std::mutex>& lock);

    const QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;     ///< the writer: work arrived, hurry, or stop
    std::condition_variable m_committed; ///< flushers: the committed count moved
    std::vector<Entry> m_pending;
    std::chrono::steady_clock::time_point m_firstPending;
    qint64 m_postedCount = 0;
    qint64 m_committedCount = 0;
    int m_flushWaiters = 0;
    bool m_hurry = false;
    bool m_stop = false;
    QString m_error;
    std::atomic<qint64> m_transactions{0};
    std::thread m_thread; // last: starts after every member above exists
};

} // namespace taskloom::engine
