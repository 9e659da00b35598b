#include "Credential.hpp"

namespace taskloom::engine {

Value CredentialTypeSpec::toValue() const
{
    Array fs;
    for (const CredentialField& f : fields) {
        fs.append(Object{{QStringLiteral("name"), f.name},
                         {QStringLiteral("title"), f.title},
                         {QStringLiteral("secret"), f.secret},
                         {QStringLiteral("optional"), f.optional},
                         {QStringLiteral("managed"), f.managed}});
    }
    return Object{{QStringLiteral("type"), type},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("fields"), fs}};
}

} // namespace taskloom::engine
