#pragma once

#include <QString>

namespace taskloom::engine {
class CancellationToken;
struct Credential;
}

namespace taskloom::nodes::connectors {

/// OAuth 2.0 client credentials grant (RFC 6749 section 4.4): trades a client id and secret for an access token.
namespace OAuth2Client {

struct Token {
    QString accessToken;
    QString tokenType; ///< "Bearer" unless the server says otherwise
};

/// Fetches a token with an "oauth2ClientCredentials" credential (tokenUrl, clientId, clientSecret, scope). The
/// client authenticates with HTTP basic, as section 2.3.1 asks servers to support. Throws NodeError naming the
/// token URL and the server's own error text (OAUTH2_FAILED; retryable when the server is unavailable).
Token clientCredentials(const engine::Credential& credential, const engine::CancellationToken* cancel, int timeoutMs);

} // namespace OAuth2Client

} // namespace taskloom::nodes::connectors
