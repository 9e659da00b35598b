#include "KeySource.hpp"

#include <QStringList>

namespace taskloom::vault {

QString KeySource::describe() const
{
    QString text = kind == Kind::Keyring ? QStringLiteral("OS keyring entry %1").arg(location)
                                         : QStringLiteral("key file %1").arg(location);
    QStringList notes;
    if (created)
        notes << QStringLiteral("new");
    if (!reason.isEmpty())
        notes << reason;
    if (!notes.isEmpty())
        text += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral("; ")));
    return text;
}

} // namespace taskloom::vault
