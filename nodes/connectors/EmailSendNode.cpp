#include "EmailSendNode.hpp"

#include "OAuth2Client.hpp"

#include "engine/ExecutionContext.hpp"
#include "nodes/net/MailClient.hpp"

namespace taskloom::nodes::connectors {

using namespace engine;

namespace {

QStringList addresses(const QString& text)
{
    QStringList out;
    // Commas inside a quoted display name ("Lee, Ann" <ann@x>) do not split.
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if ((c == QLatin1Char(',') || c == QLatin1Char(';')) && !quoted) {
            if (!current.trimmed().isEmpty())
                out.append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

} // namespace

EmailSendNode::EmailSendNode()
{
    m_spec.type = QStringLiteral("connectors.emailSend");
    m_spec.title = QStringLiteral("Send e-mail");
    m_spec.category = QStringLiteral("Connectors");
    m_spec.description = QStringLiteral("Sends one e-mail per item over SMTP: text and HTML, Cc and Bcc, item attachments.");
    m_spec.aliases = {QStringLiteral("mail"), QStringLiteral("smtp"), QStringLiteral("email"), QStringLiteral("notify")};
    m_spec.icon = QStringLiteral("mail-send");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("One e-mail per item")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), QStringLiteral("The items, unchanged")}};
    m_spec.requirements = {QStringLiteral("network")};
    m_spec.credentialTypes = {QStringLiteral("usernamePassword"), QStringLiteral("oauth2AuthorizationCode")};
    m_host = addParam<QString>(ParamSpec::string(QStringLiteral("host"), QStringLiteral("SMTP server")).required().hint(QStringLiteral("smtp.example.com")));
    m_port = addParam<qint64>(ParamSpec::integer(QStringLiteral("port"), QStringLiteral("Port"), 587).range(1, 65535));
    m_security = addParam<QString>(ParamSpec::choice(QStringLiteral("security"), QStringLiteral("Security"),
                                                     {{QStringLiteral("starttls"), QStringLiteral("STARTTLS (port 587)"), {}},
                                                      {QStringLiteral("tls"), QStringLiteral("TLS (port 465)"), {}},
                                                      {QStringLiteral("none"), QStringLiteral("None (local relays only)"), {}}}));
    m_credential = addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Login"), QStringLiteral("usernamePassword"))
                                         .describe(QStringLiteral("Empty: send without logging in.")));
    m_oauth2Credential = addParam<QString>(
        ParamSpec::credential(QStringLiteral("oauth2Credential"), QStringLiteral("OAuth2 sign-in"), QStringLiteral("oauth2AuthorizationCode"))
            .describe(QStringLiteral("Instead of Login, for servers that want OAuth2 (Gmail, Microsoft 365): the account is the "
                                     "credential's username, the token is refreshed when it expires.")));
    m_ignoreTlsErrors = addParam<bool>(ParamSpec::boolean(QStringLiteral("ignoreTlsErrors"), QStringLiteral("Ignore TLS certificate errors"), false));
    m_from = addParam<QString>(ParamSpec::string(QStringLiteral("from"), QStringLiteral("From")).required().hint(QStringLiteral("Reports <reports@example.com>")));
    m_to = addParam<QString>(ParamSpec::string(QStringLiteral("to"), QStringLiteral("To")).required().describe(QStringLiteral("Comma-separated addresses.")));
    m_cc = addParam<QString>(ParamSpec::string(QStringLiteral("cc"), QStringLiteral("Cc")));
    m_bcc = addParam<QString>(ParamSpec::string(QStringLiteral("bcc"), QStringLiteral("Bcc")));
    m_replyTo = addParam<QString>(ParamSpec::string(QStringLiteral("replyTo"), QStringLiteral("Reply to")));
    m_subject = addParam<QString>(ParamSpec::string(QStringLiteral("subject"), QStringLiteral("Subject")));
    m_text = addParam<QString>(ParamSpec::text(QStringLiteral("text"), QStringLiteral("Text")));
    m_html = addParam<QString>(ParamSpec::text(QStringLiteral("html"), QStringLiteral("HTML")).describe(QStringLiteral("With Text as well, mail programs choose.")));
    m_attachments = addParam<QString>(ParamSpec::string(QStringLiteral("attachments"), QStringLiteral("Attach binaries"))
                                          .hint(QStringLiteral("data, report"))
                                          .describe(QStringLiteral("Comma-separated names of the item's binary attachments; * for all.")));
    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 60).range(0, 3600));
    m_spec.errors = {{QStringLiteral("SMTP_CONNECT"), QStringLiteral("The server cannot be reached."), true},
                     {QStringLiteral("SMTP_TIMEOUT"), QStringLiteral("The server took longer than the timeout."), true},
                     {QStringLiteral("SMTP_AUTH"), QStringLiteral("The server refused the login."), false},
                     {QStringLiteral("SMTP_TLS"), QStringLiteral("TLS failed, or the server offers no STARTTLS."), false},
                     {QStringLiteral("SMTP_REJECTED"), QStringLiteral("The server refused the sender or a recipient (5xx)."), false},
                     {QStringLiteral("SMTP_ERROR"), QStringLiteral("A temporary refusal (4xx, retryable) or a bad address."), false},
                     {QStringLiteral("BINARY_NOT_FOUND"), QStringLiteral("An attachment name the item does not have."), false}};
}

Exec EmailSendNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            sendItem(ctx, items[i], i);
            out.push(0, items[i]);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

void EmailSendNode::sendItem(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    net::SmtpSettings s;
    s.host = ctx.param(m_host, item, index).trimmed();
    if (s.host.isEmpty())
        throw NodeError::param(m_host.name(), s.host, QStringLiteral("no SMTP server named"));
    s.port = int(ctx.param(m_port, item, index));
    const QString security = ctx.param(m_security, item, index);
    s.security = security == QLatin1String("tls") ? net::SmtpSettings::Security::Tls
                 : security == QLatin1String("none") ? net::SmtpSettings::Security::None
                                                     : net::SmtpSettings::Security::StartTls;
    if (const QString oauth = ctx.param(m_oauth2Credential).trimmed(); !oauth.isEmpty()) {
        const auto [token, c] = OAuth2Client::accessToken(ctx, oauth, 30'000);
        s.user = c.field(u"username");
        if (s.user.isEmpty())
            throw NodeError::param(m_oauth2Credential.name(), oauth, QStringLiteral("the credential has no username (the mailbox address)"));
        s.bearerToken = token;
    } else if (const QString cred = ctx.param(m_credential); !cred.trimmed().isEmpty()) {
        const Credential c = ctx.credential(cred);
        s.user = c.field(u"username");
        s.password = c.field(u"password");
    }
    s.verifyTls = !ctx.param(m_ignoreTlsErrors, item, index);
    s.timeoutMs = int(ctx.param(m_timeout, item, index) * 1000);
    s.cancel = &ctx.cancellation();

    net::MailMessage m;
    m.from = ctx.param(m_from, item, index).trimmed();
    if (net::mailAddress(m.from).isEmpty())
        throw NodeError::param(m_from.name(), m.from, QStringLiteral("not an e-mail address"));
    auto list = [&](const Param<QString>& p) {
        const QStringList all = addresses(ctx.param(p, item, index));
        for (const QString& a : all)
            if (net::mailAddress(a).isEmpty())
                throw NodeError::param(p.name(), a, QStringLiteral("not an e-mail address"));
        return all;
    };
    m.to = list(m_to);
    m.cc = list(m_cc);
    m.bcc = list(m_bcc);
    if (m.to.isEmpty() && m.cc.isEmpty() && m.bcc.isEmpty())
        throw NodeError::param(m_to.name(), QString(), QStringLiteral("no recipients"));
    m.replyTo = ctx.param(m_replyTo, item, index).trimmed();
    m.subject = ctx.param(m_subject, item, index);
    m.text = ctx.param(m_text, item, index);
    m.html = ctx.param(m_html, item, index);
    const QString attach = ctx.param(m_attachments, item, index).trimmed();
    const QStringList names = attach == QLatin1String("*") ? item.binaries().keys()
                                                           : attach.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString name : names) {
        name = name.trimmed();
        const BinaryRef b = item.binary(name);
        if (!b)
            throw NodeError::param(m_attachments.name(), name, QStringLiteral("the item has no binary of that name"),
                                   QStringLiteral("BINARY_NOT_FOUND"));
        auto bytes = b->bytes();
        if (!bytes)
            throw NodeError::param(m_attachments.name(), name, bytes.error(), QStringLiteral("BINARY_NOT_FOUND"));
        m.attachments.append({b->fileName().isEmpty() ? name : b->fileName(), b->mimeType().toLatin1(), *bytes});
    }
    if (auto sent = net::sendMail(s, m); !sent)
        throw sent.error().toNodeError();
}

} // namespace taskloom::nodes::connectors
