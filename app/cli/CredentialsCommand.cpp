// taskloom credentials add|list|remove: the vault. Values come from a prompt or standard input, never argv,
// so they stay out of shell history and process listings.

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/CredentialStore.hpp"
#include "engine/Json.hpp"

#include "nodes/connectors/OAuth2Authorize.hpp"

#include <QFile>
#include <QProcess>
#include <QUrl>

#include <termios.h>
#include <unistd.h>

namespace taskloom::cli {

using namespace engine;

namespace {

QString prompt(const QString& label, bool secret)
{
    err(label + QStringLiteral(": "));
    termios old{};
    const bool tty = isatty(STDIN_FILENO);
    if (secret && tty) {
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= tcflag_t(~ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    QString line = QString::fromUtf8(in.readLine());
    if (secret && tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err(QString());
    }
    while (line.endsWith(u'\n') || line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

// Standard input that is not a terminal: a JSON object of fields, "field=value" lines, or (for a credential
// with one field) the value itself.
std::expected<Object, QString> fieldsFromStdin(const QList<CredentialField>& fields)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("cannot read standard input"));
    QByteArray bytes = in.readAll();
    auto json = Json::parse(bytes);
    if (json && json->isObject()) {
        Object o;
        for (const auto& [k, v] : json->objectRef())
            o.insert(k, v.toText());
        return o;
    }
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    if (fields.size() == 1)
        return Object{{fields.first().name, QString::fromUtf8(bytes)}};
    Object o;
    for (const QByteArray& line : bytes.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (line.trimmed().isEmpty())
            continue;
        if (eq <= 0)
            return std::unexpected(QStringLiteral("standard input: expected a JSON object or field=value lines"));
        o.insert(QString::fromUtf8(line.left(eq)).trimmed(), QString::fromUtf8(line.mid(eq + 1)));
    }
    return o;
}

QCommandLineOption dataDirOption()
{
    return QCommandLineOption(QStringLiteral("data-dir"), QStringLiteral("Data folder (default $TASKLOOM_HOME or ~/.local/share/taskloom)."),
                              QStringLiteral("dir"));
}

// The vault is opened only once the arguments are known to be good: opening it may create a key or ask the keyring.
std::expected<CredentialStore*, int> openStore(app::Runtime& rt, const QString& command)
{
    auto store = rt.credentials();
    if (!store)
        return std::unexpected(fail(NodeFailed, QStringLiteral("%1: %2").arg(command, store.error())));
    return *store;
}

int add(const QStringList& args)
{
    CommandLine cl(QStringLiteral("credentials add"),
                   QStringLiteral("Adds or replaces a credential. Field values are asked for (or read from standard input: a JSON object, "
                                  "field=value lines, or the value alone for one-field types), never taken from the command line."));
    cl.addPositional(QStringLiteral("name"), QStringLiteral("The name flows refer to."));
    const QCommandLineOption type(QStringLiteral("type"), QStringLiteral("The credential type (taskloom nodes --json lists them)."), QStringLiteral("type"));
    cl.addOption(type);
    cl.addOption(dataDirOption());
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const QString name = cl.parser().positionalArguments().first();
    if (!cl.parser().isSet(type))
        return fail(Usage, QStringLiteral("credentials add %1: --type is required").arg(name));
    const QString typeId = cl.parser().value(type);
    auto runtime = app::Runtime::create({cl.parser().value(dataDirOption()), true});
    if (!runtime)
        return fail(Usage, runtime.error());
    app::Runtime& rt = **runtime;
    const CredentialTypeSpec* spec = rt.registry().credentialType(typeId);
    if (!spec) {
        QStringList known;
        for (const CredentialTypeSpec& c : rt.registry().credentialTypes())
            known.append(c.type);
        return fail(Usage, QStringLiteral("credentials add %1: unknown type \"%2\" (known: %3)").arg(name, typeId, known.join(QStringLiteral(", "))));
    }
    Object fields;
    if (isatty(STDIN_FILENO)) {
        for (const CredentialField& f : spec->fields) {
            if (f.managed)
                continue;
            const QString label = f.title.isEmpty() ? f.name : f.title;
            fields.insert(f.name, prompt(f.optional ? label + QStringLiteral(" (optional)") : label, f.secret));
        }
    } else {
        auto read = fieldsFromStdin(spec->fields);
        if (!read)
            return fail(Usage, QStringLiteral("credentials add %1: %2").arg(name, read.error()));
        fields = *read;
    }
    for (const CredentialField& f : spec->fields) {
        if (!fields.contains(f.name) && !f.optional && !f.managed)
            return fail(Usage, QStringLiteral("credentials add %1: field \"%2\" missing").arg(name, f.name));
    }
    for (const QString& k : fields.keys()) {
        bool known = false;
        for (const CredentialField& f : spec->fields)
            known = known || f.name == k;
        if (!known)
            return fail(Usage, QStringLiteral("credentials add %1: type %2 has no field \"%3\"").arg(name, typeId, k));
    }
    auto store = openStore(rt, QStringLiteral("credentials add %1").arg(name));
    if (!store)
        return store.error();
    if (auto r = (*store)->put(Credential{name, typeId, fields}); !r)
        return fail(NodeFailed, QStringLiteral("credentials add %1: %2").arg(name, r.error()));
    out(QStringLiteral("saved credential \"%1\" (%2)\n").arg(name, typeId));
    return Ok;
}

int authorize(const QStringList& args)
{
    CommandLine cl(QStringLiteral("credentials authorize"),
                   QStringLiteral("Signs in to an OAuth2 service for an oauth2AuthorizationCode credential: opens (or prints) the "
                                  "authorization address, waits for the browser's redirect on 127.0.0.1, and saves the tokens."));
    cl.addPositional(QStringLiteral("name"), QStringLiteral("The credential (add it first with --type oauth2AuthorizationCode)."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Loopback port for the redirect (default: any free port)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Seconds to wait for the browser (default 300)."),
                                     QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption noBrowser(QStringLiteral("no-browser"), QStringLiteral("Only print the address; do not start a browser."));
    cl.addOption(port);
    cl.addOption(timeout);
    cl.addOption(noBrowser);
    cl.addOption(dataDirOption());
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const QString name = cl.parser().positionalArguments().first();
    bool okPort = false, okTimeout = false;
    const uint portValue = cl.parser().value(port).toUInt(&okPort);
    const int seconds = cl.parser().value(timeout).toInt(&okTimeout);
    if (!okPort || portValue > 65535)
        return fail(Usage, QStringLiteral("credentials authorize %1: --port \"%2\" is not a port number").arg(name, cl.parser().value(port)));
    if (!okTimeout || seconds <= 0)
        return fail(Usage, QStringLiteral("credentials authorize %1: --timeout \"%2\" is not a positive number of seconds")
                               .arg(name, cl.parser().value(timeout)));
    auto runtime = app::Runtime::create({cl.parser().value(dataDirOption()), true});
    if (!runtime)
        return fail(Usage, runtime.error());
    auto store = openStore(**runtime, QStringLiteral("credentials authorize %1").arg(name));
    if (!store)
        return store.error();
    auto credential = (*store)->get(name);
    if (!credential)
        return fail(Usage, QStringLiteral("credentials authorize %1: %2").arg(name, credential.error()));
    if (credential->type != u"oauth2AuthorizationCode")
        return fail(Usage, QStringLiteral("credentials authorize %1: the credential is of type %2, not oauth2AuthorizationCode")
                               .arg(name, credential->type));
    nodes::connectors::AuthorizeOptions options;
    options.port = quint16(portValue);
    options.timeoutMs = seconds * 1000;
    const bool browser = !cl.parser().isSet(noBrowser) && (qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY"));
    options.openBrowser = [&](const QUrl& url, const QString& redirectUri) {
        err(QStringLiteral("Open this address in a browser and sign in:\n\n  %1\n\nWaiting for the redirect to %2 ...")
                .arg(url.toString(QUrl::FullyEncoded), redirectUri));
        if (browser)
            QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
    };
    auto authorized = nodes::connectors::authorizeInteractively(*credential, options);
    if (!authorized)
        return fail(NodeFailed, QStringLiteral("credentials authorize: %1").arg(authorized.error()));
    if (auto r = (*store)->put(*authorized); !r)
        return fail(NodeFailed, QStringLiteral("credentials authorize %1: %2").arg(name, r.error()));
    const QString expires = authorized->field(u"expiresAt");
    out(QStringLiteral("authorized \"%1\"%2\n").arg(name, expires.isEmpty() ? QString() : QStringLiteral(" (access token valid until %1)").arg(expires)));
    return Ok;
}

} // namespace

int credentialsCommand(const QStringList& args)
{
    const QString usage =
        QStringLiteral("usage: taskloom credentials add NAME --type TYPE | authorize NAME | list | remove NAME [--data-dir DIR]");
    if (args.isEmpty()) // a usage error: the usage goes to standard error, like every other one
        return fail(Usage, usage);
    if (args.first() == u"--help" || args.first() == u"-h") {
        out(usage + u'\n');
        return Ok;
    }
    const QString sub = args.first();
    if (sub != u"add" && sub != u"authorize" && sub != u"list" && sub != u"remove")
        return fail(Usage, QStringLiteral("credentials: unknown command \"%1\"; %2").arg(sub, usage));
    const QStringList rest = args.mid(1);
    // Each sub-command parses its own arguments (--help, usage errors) before it opens anything.
    if (sub == u"add")
        return add(rest);
    if (sub == u"authorize")
        return authorize(rest);
    CommandLine cl(QStringLiteral("credentials ") + sub,
                   sub == u"list" ? QStringLiteral("Lists credential names and types (never values).") : QStringLiteral("Removes a credential."));
    cl.addOption(dataDirOption());
    if (sub == u"remove")
        cl.addPositional(QStringLiteral("name"), QStringLiteral("The credential to remove."));
    if (auto code = cl.parse(rest, sub == u"remove" ? 1 : 0, sub == u"remove" ? 1 : 0))
        return *code;
    auto runtime = app::Runtime::create({cl.parser().value(dataDirOption()), true});
    if (!runtime)
        return fail(Usage, runtime.error());
    auto store = openStore(**runtime, QStringLiteral("credentials ") + sub);
    if (!store)
        return store.error();
    if (sub == u"remove") {
        const QString name = cl.parser().positionalArguments().first();
        if (auto r = (*store)->remove(name); !r)
            return fail(Usage, QStringLiteral("credentials remove %1: %2").arg(name, r.error()));
        out(QStringLiteral("removed credential \"%1\"\n").arg(name));
        return Ok;
    }
    auto entries = (*store)->list();
    if (!entries)
        return fail(NodeFailed, QStringLiteral("credentials list: %1").arg(entries.error()));
    QString text;
    for (const CredentialStore::Entry& e : *entries)
        text += QStringLiteral("%1  %2\n").arg(e.name, -30).arg(e.type);
    if (entries->isEmpty())
        err(QStringLiteral("no credentials in %1").arg((*runtime)->dataDir()));
    out(text);
    return Ok;
}

} // namespace taskloom::cli
