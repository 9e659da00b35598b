#pragma once

#include <QList>
#include <QString>

namespace taskloom::engine {

/// One thing wrong with a flow, located by a JSON path into the flow file:
/// `nodes[3].params.url: required parameter missing`.
struct Problem {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    bool isError() const { return severity == Severity::Error; }
    bool operator==(const Problem&) const = default;

    static bool hasErrors(const QList<Problem>& problems)
    {
        for (const Problem& p : problems) {
            if (p.isError())
                return true;
        }
        return false;
    }
};

} // namespace taskloom::engine
