#include "ConnectorsPack.hpp"

#include "ChatWebhookNode.hpp"
#include "EmailReadNode.hpp"
#include "EmailSendNode.hpp"
#include "FeedReadNode.hpp"
#include "HtmlExtractNode.hpp"
#include "HttpRequestNode.hpp"
#include "ShellCommandNode.hpp"
#include "SqlNode.hpp"
#include "XlsxReadNode.hpp"
#include "XlsxWriteNode.hpp"

#include "engine/Credential.hpp"
#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::connectors {

ConnectorGrants ConnectorGrants::fromSettings(const engine::Object& settings)
{
    ConnectorGrants g;
    g.shell = settings.value(u"shell").objectRef().value(u"enabled").toBool(false);
    return g;
}

namespace {

void registerCredentialTypes(engine::NodeRegistry& registry)
{
    using engine::CredentialField;
    registry.addCredentialType(
        {QStringLiteral("oauth2ClientCredentials"), QStringLiteral("OAuth2 client credentials"),
         QStringLiteral("A client id and secret traded for an access token at the token URL (RFC 6749, section 4.4)."),
         {CredentialField{QStringLiteral("tokenUrl"), QStringLiteral("Token URL"), false},
          CredentialField{QStringLiteral("clientId"), QStringLiteral("Client id"), false},
          CredentialField{QStringLiteral("clientSecret"), QStringLiteral("Client secret"), true},
          CredentialField{QStringLiteral("scope"), QStringLiteral("Scope"), false}}});
    registry.addCredentialType(
        {QStringLiteral("oauth2AuthorizationCode"), QStringLiteral("OAuth2 authorization code (PKCE)"),
         QStringLiteral("A user signs in once in the browser (taskloom credentials authorize NAME); the tokens are kept "
                        "here and refreshed when they expire. Register http://127.0.0.1/callback as the redirect URI."),
         {CredentialField{QStringLiteral("authUrl"), QStringLiteral("Authorization URL"), false},
          CredentialField{QStringLiteral("tokenUrl"), QStringLiteral("Token URL"), false},
          CredentialField{QStringLiteral("clientId"), QStringLiteral("Client id"), false},
          CredentialField{QStringLiteral("clientSecret"), QStringLiteral("Client secret"), true, true},
          CredentialField{QStringLiteral("scope"), QStringLiteral("Scope"), false, true},
          CredentialField{QStringLiteral("username"), QStringLiteral("Account (mail: the mailbox address)"), false, true},
          CredentialField{QStringLiteral("accessToken"), QStringLiteral("Access token"), true, true, true},
          CredentialField{QStringLiteral("refreshToken"), QStringLiteral("Refresh token"), true, true, true},
          CredentialField{QStringLiteral("expiresAt"), QStringLiteral("Access token expires"), false, true, true}}});
    registry.addCredentialType({QStringLiteral("webhookUrl"), QStringLiteral("Webhook URL"),
                                QStringLiteral("An incoming-webhook address (Slack, Teams, ...): whoever has it can post."),
                                {CredentialField{QStringLiteral("url"), QStringLiteral("URL"), true}}});
}

} // namespace

void registerConnectorNodes(engine::NodeRegistry& registry, const ConnectorGrants& grants)
{
    registry.add(std::make_shared<HttpRequestNode>());
    registry.add(std::make_shared<HtmlExtractNode>());
    registry.add(std::make_shared<FeedReadNode>());
    registry.add(std::make_shared<SqlNode>());
    registry.add(std::make_shared<ShellCommandNode>(grants.shell));
    registry.add(std::make_shared<ChatWebhookNode>());
    registry.add(std::make_shared<EmailSendNode>());
    registry.add(std::make_shared<EmailReadNode>());
    registry.add(std::make_shared<XlsxReadNode>());
    registry.add(std::make_shared<XlsxWriteNode>());
    registerCredentialTypes(registry);
}

} // namespace taskloom::nodes::connectors
