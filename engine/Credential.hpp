#pragma once

#include "Value.hpp"

#include <QList>
#include <QString>

namespace taskloom::engine {

/// A named secret: flows refer to it by name only; the values live in a CredentialStore.
struct Credential {
    QString name;
    QString type;   ///< a CredentialTypeSpec type, e.g. "httpBasic"
    Object fields;  ///< field name -> value (strings)

    QString field(QStringView name) const { return fields.value(name).toText(); }
};

struct CredentialField {
    QString name;
    QString title;
    bool secret = true; ///< never shown again after saving, redacted everywhere
    bool optional = false; ///< may be left empty
    bool managed = false;  ///< written by Taskloom itself (OAuth2 tokens), never asked for
};

/// A kind of credential and the fields it holds, declared by the pack that uses it.
struct CredentialTypeSpec {
    QString type;
    QString title;
    QString description;
    QList<CredentialField> fields;

    Value toValue() const;
};

} // namespace taskloom::engine
