#include "BrowserWait.hpp"

#include "engine/ExecutionContext.hpp"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace taskloom::nodes::web {

bool waitUntil(engine::ExecutionContext& ctx, qint64 timeoutMs, const std::function<bool()>& done)
{
    if (done())
        return true;
    ctx.checkCancelled();
    const QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(10);
    bool finished = false;
    bool cancelled = false;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done())
            finished = true;
        else if (ctx.isCancelled())
            cancelled = true;
        else if (!deadline.hasExpired())
            return;
        loop.quit();
    });
    tick.start();
    loop.exec();
    if (cancelled)
        throw engine::Cancelled();
    return finished;
}

void pause(engine::ExecutionContext& ctx, qint64 ms)
{
    waitUntil(ctx, ms, [] { return false; });
}

} // namespace taskloom::nodes::web
