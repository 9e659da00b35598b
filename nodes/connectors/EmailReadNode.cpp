#include "EmailReadNode.hpp"

#include "OAuth2Client.hpp"

#include "engine/ExecutionContext.hpp"
#include "nodes/net/ImapClient.hpp"
#include "nodes/net/MailParser.hpp"

#include <QSet>

namespace taskloom::nodes::connectors {

using namespace engine;

EmailReadNode::EmailReadNode()
{
    m_spec.type = QStringLiteral("connectors.emailRead");
    m_spec.title = QStringLiteral("Read e-mail (IMAP)");
    m_spec.category = QStringLiteral("Connectors");
    m_spec.description = QStringLiteral("Reads messages from an IMAP folder: one item per message with subject, sender, "
                                        "recipients, date, text and HTML, and the attachments as binaries.");
    m_spec.aliases = {QStringLiteral("mail"), QStringLiteral("imap"), QStringLiteral("inbox"), QStringLiteral("email")};
    m_spec.icon = QStringLiteral("mail-receive");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Messages"), {}}};
    m_spec.requirements = {QStringLiteral("network")};
    m_spec.credentialTypes = {QStringLiteral("usernamePassword"), QStringLiteral("oauth2AuthorizationCode")};
    m_host = addParam<QString>(ParamSpec::string(QStringLiteral("host"), QStringLiteral("IMAP server")).required().hint(QStringLiteral("imap.example.com")));
    m_port = addParam<qint64>(ParamSpec::integer(QStringLiteral("port"), QStringLiteral("Port"), 993).range(1, 65535));
    m_security = addParam<QString>(ParamSpec::choice(QStringLiteral("security"), QStringLiteral("Security"),
                                                     {{QStringLiteral("tls"), QStringLiteral("TLS (port 993)"), {}},
                                                      {QStringLiteral("starttls"), QStringLiteral("STARTTLS (port 143)"), {}},
                                                      {QStringLiteral("none"), QStringLiteral("None (local servers only)"), {}}}));
    m_credential = addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Login"), QStringLiteral("usernamePassword"))
                                         .describe(QStringLiteral("User name and password; or leave empty and use OAuth2 sign-in.")));
    m_oauth2Credential = addParam<QString>(
        ParamSpec::credential(QStringLiteral("oauth2Credential"), QStringLiteral("OAuth2 sign-in"), QStringLiteral("oauth2AuthorizationCode"))
            .describe(QStringLiteral("Instead of Login, for servers that want OAuth2 (Gmail, Microsoft 365): the account is the "
                                     "credential's username, the token is refreshed when it expires.")));
    m_ignoreTlsErrors = addParam<bool>(ParamSpec::boolean(QStringLiteral("ignoreTlsErrors"), QStringLiteral("Ignore TLS certificate errors"), false));
    m_folder = addParam<QString>(ParamSpec::string(QStringLiteral("folder"), QStringLiteral("Folder")).defaults(QStringLiteral("INBOX")));
    m_criteria = addParam<QString>(ParamSpec::string(QStringLiteral("criteria"), QStringLiteral("Search"))
                                       .defaults(QStringLiteral("UNSEEN"))
                                       .describe(QStringLiteral("IMAP SEARCH criteria: UNSEEN, ALL, FROM \"ann\", SUBJECT \"invoice\", SINCE 1-May-2024 ...")));
    m_markAsRead = addParam<bool>(ParamSpec::boolean(QStringLiteral("markAsRead"), QStringLiteral("Mark as read"), true));
    m_maxMessages = addParam<qint64>(ParamSpec::integer(QStringLiteral("maxMessages"), QStringLiteral("Max messages"), 50)
                                         .range(0, std::nullopt)
                                         .describe(QStringLiteral("The newest ones; 0: all that match.")));
    m_attachments = addParam<bool>(ParamSpec::boolean(QStringLiteral("attachments"), QStringLiteral("Attachments as binaries"), true));
    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 60).range(0, 3600));
    m_spec.errors = {{QStringLiteral("IMAP_CONNECT"), QStringLiteral("The server cannot be reached."), true},
                     {QStringLiteral("IMAP_TIMEOUT"), QStringLiteral("The server took longer than the timeout."), true},
                     {QStringLiteral("IMAP_AUTH"), QStringLiteral("The server refused the login."), false},
                     {QStringLiteral("IMAP_TLS"), QStringLiteral("TLS failed, or the server offers no STARTTLS."), false},
                     {QStringLiteral("IMAP_ERROR"), QStringLiteral("No such folder, or the server refused the search."), false}};
}

Exec EmailReadNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            readItem(ctx, items[i], i, out);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

void EmailReadNode::readItem(ExecutionContext& ctx, const Item& item, qsizetype index, Outputs& out) const
{
    net::ImapSettings s;
    s.host = ctx.param(m_host, item, index).trimmed();
    if (s.host.isEmpty())
        throw NodeError::param(m_host.name(), s.host, QStringLiteral("no IMAP server named"));
    s.port = int(ctx.param(m_port, item, index));
    const QString security = ctx.param(m_security, item, index);
    s.security = security == QLatin1String("starttls") ? net::SmtpSettings::Security::StartTls
                 : security == QLatin1String("none")  ? net::SmtpSettings::Security::None
                                                       : net::SmtpSettings::Security::Tls;
    if (const QString oauth = ctx.param(m_oauth2Credential).trimmed(); !oauth.isEmpty()) {
        const auto [token, c] = OAuth2Client::accessToken(ctx, oauth, 30'000);
        s.user = c.field(u"username");
        if (s.user.isEmpty())
            throw NodeError::param(m_oauth2Credential.name(), oauth, QStringLiteral("the credential has no username (the mailbox address)"));
        s.bearerToken = token;
    } else {
        const QString login = ctx.param(m_credential).trimmed();
        if (login.isEmpty())
            throw NodeError::param(m_credential.name(), login, QStringLiteral("choose a login or an OAuth2 sign-in"));
        const Credential c = ctx.credential(login);
        s.user = c.field(u"username");
        s.password = c.field(u"password");
    }
    s.verifyTls = !ctx.param(m_ignoreTlsErrors, item, index);
    s.timeoutMs = int(ctx.param(m_timeout, item, index) * 1000);
    s.cancel = &ctx.cancellation();
    const QString folder = ctx.param(m_folder, item, index).trimmed();
    const bool markAsRead = ctx.param(m_markAsRead, item, index);
    const qint64 max = ctx.param(m_maxMessages, item, index);
    const bool withAttachments = ctx.param(m_attachments, item, index);

    net::ImapSession imap(s);
    auto uids = imap.search(folder, ctx.param(m_criteria, item, index));
    if (!uids)
        throw uids.error().toNodeError();
    std::sort(uids->begin(), uids->end());
    if (max > 0 && uids->size() > max)
        *uids = uids->mid(uids->size() - max);
    // Fetching marks a message read; to leave it as it was, remember which ones were unread.
    QSet<qint64> unread;
    if (!markAsRead && !uids->isEmpty()) {
        auto u = imap.search(folder, QStringLiteral("UNSEEN"));
        if (!u)
            throw u.error().toNodeError();
        unread = QSet<qint64>(u->begin(), u->end());
    }
    for (qint64 uid : *uids) {
        ctx.checkCancelled();
        auto raw = imap.fetch(folder, uid);
        if (!raw)
            throw raw.error().toNodeError();
        if (markAsRead) {
            if (auto r = imap.setSeen(folder, uid, true); !r)
                throw r.error().toNodeError();
        } else if (unread.contains(uid)) {
            if (auto r = imap.setSeen(folder, uid, false); !r)
                throw r.error().toNodeError();
        }
        const net::ParsedMail m = net::parseMail(*raw);
        Array names;
        Item result;
        for (qsizetype a = 0; a < m.attachments.size(); ++a) {
            names.append(m.attachments[a].fileName);
            if (withAttachments)
                result.setBinary(QStringLiteral("attachment_%1").arg(a),
                                 ctx.makeBinary(m.attachments[a].data, QString::fromLatin1(m.attachments[a].contentType), m.attachments[a].fileName));
        }
        result.setJson(Object{{QStringLiteral("uid"), uid},
                              {QStringLiteral("folder"), folder},
                              {QStringLiteral("subject"), m.subject},
                              {QStringLiteral("from"), m.from},
                              {QStringLiteral("to"), m.to},
                              {QStringLiteral("cc"), m.cc},
                              {QStringLiteral("date"), m.date},
                              {QStringLiteral("messageId"), m.messageId},
                              {QStringLiteral("text"), m.text},
                              {QStringLiteral("html"), m.html},
                              {QStringLiteral("attachments"), names}});
        out.push(0, std::move(result));
    }
}

} // namespace taskloom::nodes::connectors
