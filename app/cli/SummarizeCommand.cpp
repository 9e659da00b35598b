// taskloom summarize: the Summarize node on one text, without a flow file. It runs a two-node flow through the
// same executor as `taskloom run`, so retries (429 / 5xx with Retry-After), timeouts and cancellation behave
// exactly as in a flow.

#include "Cli.hpp"
#include "InterruptibleRun.hpp"
#include "CommandLine.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/CredentialStore.hpp"

#include <QFile>

#include <cstdlib>

namespace taskloom::cli {

using namespace engine;

namespace {

// Holds the key from OPENAI_API_KEY for this one run, so it is used and redacted like any stored credential.
class EnvironmentCredential final : public CredentialStore {
public:
    explicit EnvironmentCredential(Credential c) : m_credential(std::move(c)) {}
    std::expected<Credential, QString> get(const QString& name) const override
    {
        if (name == m_credential.name)
            return m_credential;
        return std::unexpected(QStringLiteral("no credential named \"%1\"").arg(name));
    }
    std::expected<QList<Entry>, QString> list() const override { return QList<Entry>{{m_credential.name, m_credential.type}}; }
    std::expected<void, QString> put(const Credential&) override { return std::unexpected(QStringLiteral("read-only")); }
    std::expected<void, QString> remove(const QString&) override { return std::unexpected(QStringLiteral("read-only")); }

private:
    Credential m_credential;
};

// Prints the node's log lines (model, tokens, latency per call) and retries on stderr when asked to.
class SummarizePrinter final : public RunObserver {
public:
    explicit SummarizePrinter(bool verbose) : m_verbose(verbose) {}
    void onEvent(const RunEvent& e) override
    {
        if (e.type == RunEvent::Type::NodeRetry)
            err(QStringLiteral("taskloom: %1").arg(e.message));
        else if (e.type == RunEvent::Type::Log && (m_verbose || e.level >= LogLevel::Warning))
            err(QStringLiteral("taskloom: %1").arg(e.message));
    }

private:
    bool m_verbose;
};

std::expected<QString, QString> readText(const QString& path)
{
    QFile f;
    const bool ok = path == u"-" ? f.open(stdin, QIODevice::ReadOnly) : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!ok)
        return std::unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
    return QString::fromUtf8(f.readAll());
}

} // namespace

int summarizeCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("summarize"),
                   QStringLiteral("Summarizes a text file (or standard input) and prints the summary.\n"
                                  "Without --base-url the built-in offline summarizer (TextRank) is used; with it, any "
                                  "OpenAI-compatible server (OpenAI, Ollama, llama.cpp, vLLM, LM Studio). The API key comes "
                                  "from --credential or the OPENAI_API_KEY environment variable."));
    cl.addPositional(QStringLiteral("file"), QStringLiteral("The text file; - reads standard input."));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"), QStringLiteral("The server's base URL, e.g. http://localhost:11434/v1."), QStringLiteral("url"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("The model name."), QStringLiteral("name"));
    const QCommandLineOption credential(QStringLiteral("credential"), QStringLiteral("A stored credential (openAiCompatible or apiKey) with the key, and optionally base URL and model."), QStringLiteral("name"));
    const QCommandLineOption sentences(QStringLiteral("sentences"), QStringLiteral("Length in sentences (default 3)."), QStringLiteral("n"));
    const QCommandLineOption chars(QStringLiteral("chars"), QStringLiteral("Length in characters instead of sentences."), QStringLiteral("n"));
    const QCommandLineOption style(QStringLiteral("style"), QStringLiteral("paragraph (default), bullets or headline."), QStringLiteral("style"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Seconds for one model call (default 120)."), QStringLiteral("s"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Print each model call's tokens and latency on standard error."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Where credentials live (default $TASKLOOM_HOME or ~/.local/share/taskloom)."), QStringLiteral("dir"));
    for (const auto& o : {baseUrl, model, credential, sentences, chars, style, timeout, verbose, dataDir})
        cl.addOption(o);
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const QCommandLineParser& p = cl.parser();
    const QString file = p.positionalArguments().first();

    Object params;
    const auto positive = [&p](const QCommandLineOption& o, qint64 max) -> std::optional<qint64> {
        bool ok = false;
        const qint64 v = p.value(o).toLongLong(&ok);
        return ok && v > 0 && v <= max ? std::optional<qint64>(v) : std::nullopt;
    };
    if (p.isSet(sentences)) {
        auto n = positive(sentences, 100);
        if (!n)
            return fail(Usage, QStringLiteral("--sentences %1: expected a number from 1 to 100").arg(p.value(sentences)));
        params.insert(QStringLiteral("sentences"), *n);
    }
    if (p.isSet(chars)) {
        auto n = positive(chars, 100000);
        if (!n || *n < 20)
            return fail(Usage, QStringLiteral("--chars %1: expected a number from 20 to 100000").arg(p.value(chars)));
        params.insert(QStringLiteral("lengthUnit"), QStringLiteral("characters"));
        params.insert(QStringLiteral("characters"), *n);
    }
    if (p.isSet(style)) {
        const QString s = p.value(style);
        if (s != u"paragraph" && s != u"bullets" && s != u"headline")
            return fail(Usage, QStringLiteral("--style %1: expected paragraph, bullets or headline").arg(s));
        params.insert(QStringLiteral("style"), s);
    }
    if (p.isSet(timeout)) {
        auto n = positive(timeout, 3600);
        if (!n)
            return fail(Usage, QStringLiteral("--timeout %1: expected seconds from 1 to 3600").arg(p.value(timeout)));
        params.insert(QStringLiteral("timeout"), *n);
    }
    if (p.isSet(baseUrl))
        params.insert(QStringLiteral("baseUrl"), p.value(baseUrl));
    if (p.isSet(model))
        params.insert(QStringLiteral("model"), p.value(model));
    if (p.isSet(baseUrl) && !p.isSet(model) && !p.isSet(credential))
        return fail(Usage, QStringLiteral("--base-url needs --model (or a --credential that names one)"));

    auto text = readText(file);
    if (!text)
        return fail(Usage, text.error());

    auto runtime = app::Runtime::create({p.value(dataDir), true});
    if (!runtime)
        return fail(Usage, runtime.error());

    std::unique_ptr<EnvironmentCredential> envKey;
    app::Runtime::RunRequest request;
    if (p.isSet(credential)) {
        params.insert(QStringLiteral("credential"), p.value(credential));
    } else if (const QByteArray key = qgetenv("OPENAI_API_KEY"); !key.isEmpty() && p.isSet(baseUrl)) {
        envKey = std::make_unique<EnvironmentCredential>(
            Credential{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("apiKey"), {{QStringLiteral("key"), QString::fromUtf8(key)}}});
        params.insert(QStringLiteral("credential"), QStringLiteral("OPENAI_API_KEY"));
        request.options.credentials = envKey.get();
    }

    Flow flow;
    flow.id = QStringLiteral("taskloom-summarize");
    flow.name = QStringLiteral("taskloom summarize");
    FlowNode trigger;
    trigger.id = trigger.name = QStringLiteral("input");
    trigger.type = QStringLiteral("core.manualTrigger");
    FlowNode node;
    node.id = QStringLiteral("summarize");
    node.name = QStringLiteral("Summarize");
    node.type = QStringLiteral("llm.summarize");
    node.params = params;
    flow.nodes = {trigger, node};
    flow.connections.push_back({trigger.id, QStringLiteral("out"), node.id, QStringLiteral("in")});
    const QString where = file == u"-" ? QStringLiteral("standard input") : file;
    for (const Problem& problem : (*runtime)->validate(flow)) {
        if (problem.isError())
            return fail(Usage, problem.toString());
    }

    request.flow = &flow;
    request.record = false;
    request.options.input = {Item(Object{{QStringLiteral("text"), *text}})};
    SummarizePrinter printer(p.isSet(verbose));
    request.options.observers.append(&printer);

    app::Runtime::RunOutcome outcome = runInterruptibly(**runtime, std::move(request));

    for (const QString& w : outcome.warnings)
        err(QStringLiteral("taskloom: warning: ") + w);
    const RunResult& result = outcome.result;
    if (result.status != RunStatus::Succeeded) {
        QString error = result.error;
        // The node's message names the item field; for this command the text came from a file.
        error.replace(QStringLiteral("parameter \"field\" = \"text\""), where);
        err(QStringLiteral("taskloom: %1").arg(error));
        return result.exitCode();
    }
    out(result.output.value(0).json().value(u"summary").toText() + u'\n');
    return Ok;
}

} // namespace taskloom::cli
