#pragma once

// What the daemon tests share: a QCoreApplication (timers, sockets), a fake clock and launcher, flow writers.

#include "app/daemon/Clock.hpp"
#include "app/daemon/Launcher.hpp"

#include <QByteArray>
#include <QList>
#include <QString>

#include <gtest/gtest.h>

#include <functional>
#include <ostream>

inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace taskloom::tests {

class FakeClock final : public daemon::Clock {
public:
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 0;
};

/// Records jobs instead of starting processes; a test ends them with finish().
class FakeLauncher final : public daemon::Launcher {
public:
    struct Started {
        Job job;
        Finished finished;
        bool done = false;
    };
    std::expected<void, QString> start(const Job& job, Finished finished) override
    {
        jobs.append({job, std::move(finished), false});
        return {};
    }
    int running() const override
    {
        int n = 0;
        for (const Started& s : jobs)
            n += s.done ? 0 : 1;
        return n;
    }
    void finish(qsizetype index, int exitCode)
    {
        ASSERT_FALSE(jobs[index].done);
        jobs[index].done = true;
        // Copies: the callback may start more jobs, and appending may move the list.
        const Finished finished = jobs[index].finished;
        const QString runId = jobs[index].job.runId;
        finished(runId, daemon::ChildExit{exitCode, false, false, {}});
    }
    QList<Started> jobs;
};

/// Milliseconds since the epoch of an ISO-8601 time.
qint64 ms(const char* iso);
/// Writes a file (creating folders).
void writeFile(const QString& path, const QByteArray& bytes);
/// A flow with one trigger node (id "trigger") of `type` with `params` (JSON object text) feeding a Log node,
/// and `daemonSettings` (JSON object text) as settings.daemon.
QByteArray triggerFlow(const QString& id, const QString& type, const QString& params, const QString& daemonSettings = {},
                       const QString& extraNodes = {}, const QString& extraConnections = {});
struct Exchange {
    int status = 0;
    QByteArray raw;
    QByteArray body() const { return raw.mid(raw.indexOf("\r\n\r\n") + 4); }
};
/// Sends raw bytes to 127.0.0.1:`port` and collects the answer until the server closes the connection.
Exchange httpSend(quint16 port, const QByteArray& bytes, int timeoutMs = 10000, bool closeWrite = false);

/// Lets the event loop run until `done` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()>& done, int timeoutMs);

} // namespace taskloom::tests
