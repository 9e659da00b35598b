#pragma once

#include "Geometry.hpp"

#include "engine/Value.hpp"

#include <QList>
#include <QString>

namespace taskloom::recorder {

/// What happened to one step: how its target was found (strategy and score) or why it failed.
struct StepReport {
    int index = 0; ///< 0-based
    QString kind;
    bool ok = false;
    QString strategy; ///< image, window, absolute, or empty for steps without a target
    double score = -1; ///< image: the match score
    double scale = 1;
    Point point;
    qint64 durationMs = 0;
    QString error;
    QString screenshot; ///< failure screenshot with the search region marked

    engine::Object toObject() const;
};

struct ReplayReport {
    bool ok = true;
    bool cancelled = false;
    QString error; ///< the first failure, "step 3 (click): target not found: ..."
    QList<StepReport> steps;

    engine::Object toObject() const;
};

} // namespace taskloom::recorder
