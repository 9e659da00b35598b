#include "NodeContext.hpp"

#include "CredentialStore.hpp"
#include "NodeRegistry.hpp"

#include <QDir>
#include <QFileInfo>

namespace taskloom::engine {

ExpressionScope NodeContext::scope(const Item* item, qsizetype index) const
{
    ExpressionScope s;
    s.item = item;
    s.index = item ? index : -1;
    s.items = &m_call.inputs.main();
    s.variables = &m_run.variables();
    s.env = &m_run.options().env;
    s.cancellation = &m_token;
    RunScheduler* run = &m_run;
    s.nodeOutput = [run](const QString& name) { return run->nodeOutput(name); };
    return s;
}

Value NodeContext::paramValue(const QString& name, const Item* item, qsizetype index) const
{
    return m_node.params->resolve(name, scope(item, index));
}

Value NodeContext::evaluateText(const QString& paramName, const QString& text, const Item* item, qsizetype index) const
{
    return m_node.params->evaluateText(paramName, text, scope(item, index));
}

Credential NodeContext::credential(const QString& name) const
{
    const CredentialStore* store = m_run.options().credentials;
    if (name.trimmed().isEmpty())
        throw NodeError(QStringLiteral("CREDENTIAL_MISSING"), QStringLiteral("no credential selected"));
    if (!store)
        throw NodeError(QStringLiteral("CREDENTIAL_UNAVAILABLE"),
                        QStringLiteral("credential \"%1\": no credential store is open").arg(name));
    auto c = store->get(name);
    if (!c)
        throw NodeError(QStringLiteral("CREDENTIAL_NOT_FOUND"), QStringLiteral("credential \"%1\": %2").arg(name, c.error()));
    redactSecrets(*c);
    return *c;
}

void NodeContext::updateCredential(const Credential& credential) const
{
    CredentialStore* store = m_run.options().credentials;
    if (!store)
        throw NodeError(QStringLiteral("CREDENTIAL_UNAVAILABLE"),
                        QStringLiteral("credential \"%1\": no credential store is open").arg(credential.name));
    redactSecrets(credential);
    if (auto ok = store->put(credential); !ok)
        throw NodeError(QStringLiteral("CREDENTIAL_UNAVAILABLE"),
                        QStringLiteral("credential \"%1\" not saved: %2").arg(credential.name, ok.error()));
}

void NodeContext::redactSecrets(const Credential& c) const
{
    const CredentialTypeSpec* type = m_run.registryCredentialType(c.type);
    for (const auto& [field, value] : c.fields) {
        bool secret = true;
        if (type) {
            for (const CredentialField& f : type->fields) {
                if (f.name == field)
                    secret = f.secret;
            }
        }
        if (secret)
            m_run.redactor().addSecret(value.toText());
    }
}

void NodeContext::log(LogLevel level, const QString& message)
{
    RunEvent e = m_run.nodeEvent(RunEvent::Type::Log, m_node);
    e.level = level;
    e.message = message;
    m_run.emitEvent(std::move(e));
}

void NodeContext::logRecord(LogLevel level, const QString& message, const Object& data)
{
    RunEvent e = m_run.nodeEvent(RunEvent::Type::Log, m_node);
    e.level = level;
    e.message = message;
    e.data = data;
    m_run.emitEvent(std::move(e));
}

void NodeContext::progress(double fraction, const QString& message)
{
    // Progress is for people watching; more than a few updates a second is noise.
    if (m_lastProgress.isValid() && m_lastProgress.elapsed() < 200 && fraction < 1.0)
        return;
    m_lastProgress.start();
    RunEvent e = m_run.nodeEvent(RunEvent::Type::Progress, m_node);
    e.progress = fraction;
    e.message = message;
    m_run.emitEvent(std::move(e));
}

QString NodeContext::resolvePath(const QString& path) const
{
    QString p = path;
    if (p.startsWith(u"~/"))
        p = QDir::homePath() + p.mid(1);
    if (QFileInfo(p).isAbsolute() || m_run.options().flowPath.isEmpty())
        return QDir::cleanPath(QFileInfo(p).absoluteFilePath());
    return QDir::cleanPath(QFileInfo(m_run.options().flowPath).absoluteDir().absoluteFilePath(p));
}

BinaryRef NodeContext::makeBinary(QByteArray data, const QString& mimeType, const QString& fileName)
{
    auto b = Binary::fromBytes(std::move(data), mimeType, fileName, m_run.temporaryDirectory());
    if (!b)
        throw NodeError(QStringLiteral("BINARY_SPILL_FAILED"), b.error(), NodeError::Retry::Yes);
    return *b;
}

Item NodeContext::withError(const Item& item, const NodeError& error, const QString& nodeName)
{
    Item out = item;
    out.json().insert(QStringLiteral("error"), Object{{QStringLiteral("message"), error.message()},
                                                      {QStringLiteral("code"), error.code()},
                                                      {QStringLiteral("node"), nodeName}});
    return out;
}

void NodeContext::failItem(const Item& item, const NodeError& error, Outputs& out)
{
    const OnError policy = m_node.flowNode->settings.onError;
    if (policy == OnError::Stop)
        throw error;
    const NodeError redacted(error.code(), m_run.redactor().redact(error.message()));
    const int port = policy == OnError::Continue ? 0 : m_run.errorPort(m_node);
    out.push(port, withError(item, redacted, m_node.flowNode->name));
    log(LogLevel::Warning, redacted.message());
}

std::expected<ItemList, QString> NodeContext::runLoopBody(const ItemList& batch)
{
    return m_run.runLoopBody(m_node, batch, m_token);
}

std::expected<ItemList, QString> NodeContext::runSubflow(const QString& path, const ItemList& input)
{
    return m_run.runSubflow(resolvePath(path), input, m_token);
}

} // namespace taskloom::engine
