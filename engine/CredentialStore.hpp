#pragma once

#include "Credential.hpp"

#include <expected>

namespace taskloom::engine {

/// Where credentials live. The engine knows only this interface; the vault (vault/) implements it with an
/// encrypted file. Implementations are safe to call from several threads.
class CredentialStore {
public:
    struct Entry {
        QString name;
        QString type;
    };

    virtual ~CredentialStore() = default;

    virtual std::expected<Credential, QString> get(const QString& name) const = 0;
    /// Names and types only, never values.
    virtual std::expected<QList<Entry>, QString> list() const = 0;
    virtual std::expected<void, QString> put(const Credential& credential) = 0;
    virtual std::expected<void, QString> remove(const QString& name) = 0;
};

} // namespace taskloom::engine
