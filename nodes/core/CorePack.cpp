#include "CorePack.hpp"

#include "engine/Credential.hpp"
#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::core {

namespace {

// Generic credential types that any pack (HTTP, mail, SQL, LLM providers) can ask for, so a person can store a
// secret before the node that uses it exists.
void registerCredentialTypes(engine::NodeRegistry& registry)
{
    using engine::CredentialField;
    registry.addCredentialType({QStringLiteral("token"), QStringLiteral("Token"),
                                QStringLiteral("One secret token, such as a bearer token or a personal access token."),
                                {CredentialField{QStringLiteral("token"), QStringLiteral("Token"), true}}});
    registry.addCredentialType({QStringLiteral("usernamePassword"), QStringLiteral("Username and password"),
                                QStringLiteral("A user name and its password, for basic authentication, mail and databases."),
                                {CredentialField{QStringLiteral("username"), QStringLiteral("Username"), false},
                                 CredentialField{QStringLiteral("password"), QStringLiteral("Password"), true}}});
    registry.addCredentialType({QStringLiteral("apiKey"), QStringLiteral("API key"),
                                QStringLiteral("A key a service issues to identify and authorise its callers."),
                                {CredentialField{QStringLiteral("key"), QStringLiteral("Key"), true}}});
}

} // namespace

void registerCoreNodes(engine::NodeRegistry& registry)
{
    registerFlowNodes(registry);
    registerTransformNodes(registry);
    registerFileNodes(registry);
    registerCredentialTypes(registry);
}

} // namespace taskloom::nodes::core
