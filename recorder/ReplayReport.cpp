#include "ReplayReport.hpp"

#include <cmath>

namespace taskloom::recorder {

using engine::Object;

Object StepReport::toObject() const
{
    Object o{{QStringLiteral("step"), index + 1}, {QStringLiteral("kind"), kind}, {QStringLiteral("ok"), ok}};
    if (!strategy.isEmpty()) {
        o.insert(QStringLiteral("strategy"), strategy);
        o.insert(QStringLiteral("x"), point.x);
        o.insert(QStringLiteral("y"), point.y);
    }
    if (score >= 0) {
        o.insert(QStringLiteral("score"), std::round(score * 1000) / 1000);
        o.insert(QStringLiteral("scale"), scale);
    }
    o.insert(QStringLiteral("ms"), durationMs);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (!screenshot.isEmpty())
        o.insert(QStringLiteral("screenshot"), screenshot);
    return o;
}

Object ReplayReport::toObject() const
{
    engine::Array list;
    for (const StepReport& s : steps)
        list.append(s.toObject());
    Object o{{QStringLiteral("ok"), ok}};
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("steps"), list);
    return o;
}

} // namespace taskloom::recorder
