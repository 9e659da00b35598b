#pragma once

#include <QString>

#include <expected>
#include <functional>

class QUrl;

namespace taskloom::engine {
class CancellationToken;
struct Credential;
}

namespace taskloom::nodes::connectors {

/// The OAuth 2.0 authorization code grant for a native app (RFC 8252): a one-shot HTTP listener on
/// 127.0.0.1 receives the browser's redirect, the state is checked, and the code is traded for tokens with the
/// PKCE verifier (RFC 7636). No event loop: blocking sockets with poll, so the CLI and tests can call it.
struct AuthorizeOptions {
    quint16 port = 0;          ///< 0: any free port (the redirect URI names it; register a loopback URI without port)
    int timeoutMs = 300'000;   ///< how long to wait for the user to finish in the browser
    /// Shows the authorization URL to the user (prints it, opens a browser). Called once, before waiting.
    std::function<void(const QUrl& url, const QString& redirectUri)> openBrowser;
    const engine::CancellationToken* cancel = nullptr;
};

/// Runs the whole grant for an "oauth2AuthorizationCode" credential and returns it with accessToken,
/// refreshToken and expiresAt filled in. Errors name the credential and the cause (the server's `error`, a state
/// mismatch, a timeout, the token endpoint's answer).
std::expected<engine::Credential, QString> authorizeInteractively(const engine::Credential& credential,
                                                                  const AuthorizeOptions& options);

} // namespace taskloom::nodes::connectors
