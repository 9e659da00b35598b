#pragma once

#include "engine/Credential.hpp"

#include <QByteArray>
#include <QString>

#include <utility>

class QDateTime;
class QUrl;

namespace taskloom::engine {
class CancellationToken;
class ExecutionContext;
}

namespace taskloom::nodes::connectors {

/// OAuth 2.0 clients: the client credentials grant (RFC 6749 section 4.4) and the authorization code grant with
/// PKCE (RFC 7636) for native apps (RFC 8252: a loopback redirect, see OAuth2Authorize.hpp), with token refresh.
namespace OAuth2Client {

struct Token {
    QString accessToken;
    QString tokenType;       ///< "Bearer" unless the server says otherwise
    QString refreshToken;    ///< empty when the server sent none
    qint64 expiresInSeconds = 0; ///< 0: the server did not say
};

/// Fetches a token with an "oauth2ClientCredentials" credential (tokenUrl, clientId, clientSecret, scope). The
/// client authenticates with HTTP basic, as section 2.3.1 asks servers to support. Throws NodeError naming the
/// token URL and the server's own error text (OAUTH2_FAILED; retryable when the server is unavailable).
Token clientCredentials(const engine::Credential& credential, const engine::CancellationToken* cancel, int timeoutMs);

/// A PKCE pair: a random 64-character verifier and its S256 challenge (base64url of its SHA-256, no padding).
struct Pkce {
    QString verifier;
    QString challenge;
};
Pkce makePkce();
QString pkceChallenge(const QString& verifier);
/// A random URL-safe string of `length` characters from the system's secure generator (state values, verifiers).
QString randomToken(int length);

/// The address the user's browser opens: the credential's authUrl with response_type=code, client_id,
/// redirect_uri, scope, state and the S256 code challenge. Throws NodeError when authUrl is not http(s).
QUrl authorizationUrl(const engine::Credential& credential, const QString& redirectUri, const QString& state,
                      const QString& codeChallenge);
/// Trades an authorization code for tokens (grant_type=authorization_code with the PKCE verifier).
Token exchangeCode(const engine::Credential& credential, const QString& code, const QString& codeVerifier,
                   const QString& redirectUri, const engine::CancellationToken* cancel, int timeoutMs);
/// Trades the credential's refresh token for a new access token (grant_type=refresh_token).
Token refresh(const engine::Credential& credential, const engine::CancellationToken* cancel, int timeoutMs);
/// The credential with `token` stored in its managed fields: accessToken, refreshToken (the old one is kept
/// when the server sent none, as section 6 allows), expiresAt (ISO-8601 UTC, empty when unknown).
engine::Credential withToken(engine::Credential credential, const Token& token, const QDateTime& now);

/// The Authorization header value for an "oauth2AuthorizationCode" credential. A token that expires within a
/// minute is refreshed first and the refreshed credential saved back to the store (one refresh at a time per
/// credential in this process). Throws NodeError (OAUTH2_FAILED) when the credential was never authorized.
QByteArray authorizationHeader(const engine::ExecutionContext& ctx, const QString& credentialName, int timeoutMs);
/// The same, as the bare access token (for SASL XOAUTH2 in mail), with the credential it came from.
std::pair<QString, engine::Credential> accessToken(const engine::ExecutionContext& ctx, const QString& credentialName, int timeoutMs);

} // namespace OAuth2Client

} // namespace taskloom::nodes::connectors
