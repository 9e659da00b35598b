// taskloom: run, check and inspect flows from the command line.

#include "Cli.hpp"

#include "app/runtime/Application.hpp"
#include "app/runtime/ProcessStartup.hpp"

#include <QCoreApplication>

using namespace taskloom;

namespace {

const char* usage = R"(usage: taskloom <command> [options]

Commands:
  run FLOW          run a flow headless and print its result as JSON
  validate FLOW     check a flow and list every problem
  nodes [TYPE]      list node types, or describe one (--json for the specs)
  runs              list, show and prune recorded runs
  credentials       add, authorize (OAuth2 sign-in), list and remove credentials in the vault
  daemon            run flows with schedule, file watch and webhook triggers unattended
  schedule          list, preview (next EXPR), enable and disable scheduled flows
  ocr KIND FILE...  read documents: text, receipt, invoice or id (fields as JSON with --json)
  summarize FILE|-  summarize a text, offline or with any OpenAI-compatible server
  record --out FILE record desktop input into a macro (--as-flow: a flow of RPA nodes)
  replay MACRO      replay a recorded macro on the desktop (--speed, --report)

Options:
  --version         print the version
  --help            this help; every command also takes --help

Exit codes: 0 succeeded, 1 a node failed, 2 invalid flow or usage, 3 cancelled, 4 timed out.
)";

} // namespace

int main(int argc, char** argv)
{
    app::prepareProcessEnvironment(argc, argv);
    app::dieWithParentIfAsked();
    // A flow with browser nodes needs a GUI application (offscreen without a display); anything else a core one.
    const std::unique_ptr<QCoreApplication> application = app::createApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taskloom"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKLOOM_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        cli::err(QString::fromUtf8(usage));
        return cli::Usage;
    }
    const QString command = args.takeFirst();
    if (command == u"--version" || command == u"-v" || command == u"version") {
        cli::out(QStringLiteral("taskloom %1\n").arg(QStringLiteral(TASKLOOM_VERSION)));
        return cli::Ok;
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        cli::out(QString::fromUtf8(usage));
        return cli::Ok;
    }
    if (command == u"run")
        return cli::runCommand(args);
    if (command == u"validate")
        return cli::validateCommand(args);
    if (command == u"nodes")
        return cli::nodesCommand(args);
    if (command == u"runs")
        return cli::runsCommand(args);
    if (command == u"credentials")
        return cli::credentialsCommand(args);
    if (command == u"daemon")
        return cli::daemonCommand(args);
    if (command == u"schedule")
        return cli::scheduleCommand(args);
    if (command == u"ocr")
        return cli::ocrCommand(args);
    if (command == u"summarize")
        return cli::summarizeCommand(args);
#ifdef TASKLOOM_HAS_RECORDER
    if (command == u"record")
        return cli::recordCommand(args);
    if (command == u"replay")
        return cli::replayCommand(args);
#else
    if (command == u"record" || command == u"replay")
        return cli::fail(cli::Usage, QStringLiteral("%1: this build has no desktop support (built with TASKLOOM_GUI=OFF)").arg(command));
#endif
    return cli::fail(cli::Usage, QStringLiteral("unknown command \"%1\" (taskloom --help lists them)").arg(command));
}
