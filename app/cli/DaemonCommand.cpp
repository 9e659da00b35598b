// taskloom daemon: runs flows with schedule, file watch and webhook triggers unattended.

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "app/daemon/Daemon.hpp"
#include "app/daemon/ProcessLauncher.hpp"
#include "app/runtime/Runtime.hpp"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>

#include <sys/socket.h>
#include <unistd.h>

namespace taskloom::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    (void)!::write(g_signalPipe[1], &c, 1);
}

} // namespace

int daemonCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("daemon"),
                   QStringLiteral("Runs every enabled flow with a schedule, file watch or webhook trigger from the flows "
                                  "folder, each run as a child `taskloom run` process. Stops on SIGINT / SIGTERM; its "
                                  "runs stop with it and are recorded as interrupted."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Where runs, schedule state and credentials live."), QStringLiteral("dir"));
    const QCommandLineOption flows(QStringLiteral("flows"), QStringLiteral("The flows folder (default <data dir>/flows)."), QStringLiteral("dir"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Loopback address and port for webhooks and the status API (default 127.0.0.1:8765; port 0 picks a free one; \"off\" disables)."), QStringLiteral("addr:port"));
    const QCommandLineOption maxRuns(QStringLiteral("max-runs"), QStringLiteral("Child runs at once over all flows (default 4)."), QStringLiteral("n"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"), QStringLiteral("Largest webhook body in bytes (default 1048576)."), QStringLiteral("bytes"));
    for (const auto& o : {dataDir, flows, listen, maxRuns, maxBody})
        cl.addOption(o);
    if (auto code = cl.parse(args, 0, 0))
        return *code;
    const QCommandLineParser& p = cl.parser();

    auto runtime = app::Runtime::create({p.value(dataDir), true});
    if (!runtime)
        return fail(Usage, runtime.error());
    daemon::Daemon::Options options;
    options.flowsDir = p.value(flows);
    options.listenPort = 8765;
    if (p.isSet(listen)) {
        const QString v = p.value(listen);
        if (v == u"off") {
            options.listenPort = -1;
        } else {
            const qsizetype colon = v.lastIndexOf(u':');
            bool ok = false;
            const int port = v.mid(colon + 1).toInt(&ok);
            QString host = colon > 0 ? v.left(colon) : QStringLiteral("127.0.0.1");
            if (host == u"localhost")
                host = QStringLiteral("127.0.0.1");
            host.remove(u'[').remove(u']');
            const QHostAddress address(host);
            if (colon < 0 || !ok || port < 0 || port > 65535 || address.isNull())
                return fail(Usage, QStringLiteral("--listen %1: expected a loopback address and port, e.g. 127.0.0.1:8765").arg(v));
            options.listenAddress = address;
            options.listenPort = port;
        }
    }
    if (p.isSet(maxRuns)) {
        bool ok = false;
        options.maxConcurrentRuns = p.value(maxRuns).toInt(&ok);
        if (!ok || options.maxConcurrentRuns < 1 || options.maxConcurrentRuns > 256)
            return fail(Usage, QStringLiteral("--max-runs %1: expected 1 to 256").arg(p.value(maxRuns)));
    }
    if (p.isSet(maxBody)) {
        bool ok = false;
        options.httpLimits.maxBodyBytes = p.value(maxBody).toLongLong(&ok);
        if (!ok || options.httpLimits.maxBodyBytes < 0)
            return fail(Usage, QStringLiteral("--max-body %1: expected a number of bytes").arg(p.value(maxBody)));
    }

    daemon::SystemClock clock;
    daemon::ProcessLauncher launcher(QCoreApplication::applicationFilePath());
    auto d = daemon::Daemon::create(**runtime, options, clock, launcher);
    if (!d)
        return fail(Usage, d.error());
    if (auto s = (*d)->start(); !s)
        return fail(NodeFailed, s.error());

    // Signals arrive through a pipe so the event loop, not the handler, shuts down.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
        return fail(NodeFailed, QStringLiteral("cannot create the signal pipe"));
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [] { QCoreApplication::quit(); });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGPIPE, SIG_IGN);
    err(QStringLiteral("taskloom daemon: %1 flow(s) loaded from %2")
            .arg((*d)->flows().size())
            .arg(options.flowsDir.isEmpty() ? QStringLiteral("<data dir>/flows") : options.flowsDir));
    const int rc = QCoreApplication::exec();
    launcher.stopAll();
    (*d)->stop();
    d->reset();
    return rc;
}

} // namespace taskloom::cli
