#pragma once

#include "Value.hpp"

#include <QString>

#include <exception>

namespace taskloom::engine {

/// What a node throws when it fails. The executor catches it at the node boundary, prefixes the node's name and
/// type, and applies the node's retry and on-error settings. Messages name the parameter and the value.
class NodeError : public std::exception {
public:
    enum class Retry { No, Yes };

    NodeError(QString code, QString message, Retry retry = Retry::No, int retryAfterMs = -1)
        : m_code(std::move(code)), m_message(std::move(message)), m_retryable(retry == Retry::Yes),
          m_retryAfterMs(retryAfterMs), m_utf8(m_message.toUtf8())
    {}

    /// A parameter error: "parameter \"path\" = \"/x.csv\": no such file".
    static NodeError param(const QString& name, const Value& value, const QString& problem,
                           QString code = QStringLiteral("INVALID_PARAMETER"));

    const QString& code() const { return m_code; }
    const QString& message() const { return m_message; }
    bool retryable() const { return m_retryable; }
    /// A server's Retry-After, or -1.
    int retryAfterMs() const { return m_retryAfterMs; }
    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    QString m_code;
    QString m_message;
    bool m_retryable;
    int m_retryAfterMs;
    QByteArray m_utf8;
};

/// Thrown by ExecutionContext::checkCancelled() when the run was cancelled or the node's time ran out.
class Cancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

} // namespace taskloom::engine
