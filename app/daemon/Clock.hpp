#pragma once

#include <QDateTime>

namespace taskloom::daemon {

/// The daemon's idea of now, injected so tests can move time without sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace taskloom::daemon
