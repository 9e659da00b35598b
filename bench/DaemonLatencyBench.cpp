// Daemon targets with 10,000 scheduled flows loaded: trigger latency from due time to child process started
// (target p99 <= 100 ms) and idle CPU (target ~0). A harness, not a Google Benchmark loop: it runs the real
// daemon with a launcher that starts `/bin/true` children, so the spawn is included but not a full `taskloom run`.
//
//   bench_daemon_latency [seconds=30] [flows=10000] [idle]   (idle: every flow fires yearly, none in the window)

#include "app/daemon/Daemon.hpp"
#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>

using namespace taskloom;

namespace {

// Fires that came due while the flows were still loading are late by the load time, not by the scheduler.
qint64 g_measureFrom = 0;

class SpawnLauncher final : public daemon::Launcher {
public:
    std::expected<void, QString> start(const Job& job, Finished finished) override
    {
        QFile f(job.triggerFile);
        qint64 due = 0;
        if (f.open(QIODevice::ReadOnly)) {
            auto v = engine::Json::parse(f.readAll());
            if (v)
                due = QDateTime::fromString(v->toObject().value(u"data").toObject().value(u"scheduledAt").toText(), Qt::ISODate).toMSecsSinceEpoch();
        }
        auto* p = new QProcess;
        ++m_running;
        QObject::connect(p, &QProcess::started, [this, due] {
            if (due >= g_measureFrom)
                latencies.append(QDateTime::currentMSecsSinceEpoch() - due);
        });
        QObject::connect(p, &QProcess::finished, [this, p, finished, id = job.runId](int code) {
            --m_running;
            p->deleteLater();
            finished(id, daemon::ChildExit{code, false, false, {}});
        });
        p->start(QStringLiteral("/bin/true"), {});
        return {};
    }
    int running() const override { return m_running; }
    QList<qint64> latencies;

private:
    int m_running = 0;
};

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 30;
    const int flows = argc > 2 ? std::atoi(argv[2]) : 10000;
    const bool idle = argc > 3 && QByteArray(argv[3]) == "idle";
    QTemporaryDir tmp;
    const QString flowsDir = tmp.filePath(QStringLiteral("data/flows"));
    QDir().mkpath(flowsDir);
    // Flow i fires hourly at minute (i / 60) % 60, second i % 60: about flows / 3600 fires per second.
    for (int i = 0; i < flows; ++i) {
        QFile f(QDir(flowsDir).filePath(QStringLiteral("f%1.flow.json").arg(i)));
        f.open(QIODevice::WriteOnly);
        f.write(QStringLiteral(R"({"format": "taskloom-flow", "version": 1, "id": "flow-%1", "name": "f%1",
  "nodes": [{"id": "t", "type": "core.scheduleTrigger", "name": "T", "params": {"cron": "%2", "timezone": "Europe/Berlin"}},
            {"id": "n", "type": "core.noop", "name": "N"}],
  "connections": [{"from": "t", "to": "n"}], "settings": {"daemon": {"overlap": "allow", "concurrency": 2}}})")
                    .arg(i)
                    .arg(QStringLiteral("%1 %2 %3").arg(i % 60).arg((i / 60) % 60).arg(idle ? QStringLiteral("0 1 1 *") : QStringLiteral("* * * *")))
                    .toUtf8());
    }
    auto runtime = app::Runtime::create({tmp.filePath(QStringLiteral("data")), false});
    if (!runtime)
        return 1;
    daemon::SystemClock clock;
    SpawnLauncher launcher;
    daemon::Daemon::Options o;
    o.listenPort = -1;
    o.maxConcurrentRuns = 64;
    o.log = [](const QString& line) { if (qEnvironmentVariableIsSet("BENCH_LOG")) std::fprintf(stderr, "%s\n", qPrintable(line)); };
    auto d = daemon::Daemon::create(**runtime, o, clock, launcher);
    if (!d)
        return 1;
    QElapsedTimer load;
    load.start();
    if (auto s = (*d)->start(); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 1;
    }
    std::printf("loaded %d flows in %lld ms\n", int((*d)->flows().size()), load.elapsed());
    g_measureFrom = QDateTime::currentMSecsSinceEpoch() + 1000;

    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    const double cpu0 = cpuSeconds();
    app.exec();
    const double cpu = cpuSeconds() - cpu0;
    QList<qint64> l = launcher.latencies;
    std::sort(l.begin(), l.end());
    const auto pct = [&](double p) { return l.isEmpty() ? -1 : l[std::min<qsizetype>(l.size() - 1, qsizetype(p * double(l.size())))]; };
    std::printf("fires %lld: latency due->child started p50 %lld ms, p99 %lld ms, max %lld ms\n", qint64(l.size()), pct(0.5),
                pct(0.99), l.isEmpty() ? -1 : l.last());
    std::printf("daemon CPU over %d s: %.2f s (%.2f%%), including %lld spawns\n", seconds, cpu, 100.0 * cpu / seconds, qint64(l.size()));
    return 0;
}
