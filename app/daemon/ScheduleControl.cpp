#include "ScheduleControl.hpp"

#include "Notifier.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace taskloom::daemon {

namespace {

// The inspect-only daemon never starts a run.
class NoLauncher final : public Launcher {
public:
    std::expected<void, QString> start(const Job&, Finished) override { return std::unexpected(QStringLiteral("inspect only")); }
    int running() const override { return 0; }
};

// Tells a running daemon to re-read its flows. False when none is running (no endpoint, or it does not answer).
bool pokeDaemon(const QString& dataDir)
{
    const QDir dir(Daemon::daemonDir(dataDir));
    QFile endpoint(dir.filePath(QStringLiteral("endpoint.json")));
    QFile token(dir.filePath(QStringLiteral("token")));
    if (!endpoint.open(QIODevice::ReadOnly) || !token.open(QIODevice::ReadOnly))
        return false;
    auto e = engine::Json::parse(endpoint.readAll());
    if (!e || !e->isObject())
        return false;
    const engine::Object& o = e->objectRef();
    const QString url = QStringLiteral("http://%1:%2/api/reload").arg(o.value(u"address").toText()).arg(o.value(u"port").toInt());
    return bool(Notifier::postJson(url, "{}", 3000, QString::fromUtf8(token.readAll()).trimmed()));
}

} // namespace

std::expected<std::unique_ptr<ScheduleControl>, QString> ScheduleControl::open(app::Runtime& runtime, const QString& flowsDir)
{
    std::unique_ptr<ScheduleControl> c(new ScheduleControl);
    c->m_runtime = &runtime;
    c->m_launcher = std::make_unique<NoLauncher>();
    Daemon::Options o;
    o.flowsDir = flowsDir;
    o.listenPort = -1;
    o.inspectOnly = true;
    o.log = [](const QString&) {};
    static SystemClock clock;
    auto d = Daemon::create(runtime, o, clock, *c->m_launcher);
    if (!d)
        return std::unexpected(d.error());
    c->m_daemon = std::move(*d);
    c->m_daemon->reloadFlows();
    return c;
}

ScheduleControl::~ScheduleControl() = default;

QString ScheduleControl::flowsDir() const
{
    return m_daemon->flowsDir();
}

bool ScheduleControl::inFolder(const QString& flowsDir, const QString& path)
{
    if (!path.endsWith(QStringLiteral(".flow.json")))
        return false;
    const QString dir = QFileInfo(flowsDir).canonicalFilePath();
    const QString file = QFileInfo(QFileInfo(path).absolutePath()).canonicalFilePath();
    return !dir.isEmpty() && file == dir;
}

std::expected<ScheduleControl::Switched, QString> ScheduleControl::setEnabled(const QString& idNameOrPath, bool enabled)
{
    if (auto r = m_daemon->setEnabled(idNameOrPath, enabled); !r)
        return std::unexpected(r.error());
    return Switched{pokeDaemon(m_runtime->dataDir())};
}

} // namespace taskloom::daemon
