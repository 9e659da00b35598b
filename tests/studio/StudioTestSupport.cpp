#include "StudioTestSupport.hpp"

#include <QApplication>
#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

namespace taskloom::studio::test {

namespace {

/// Widgets need a QApplication; gtest_main owns main(), so an environment creates one before the first test.
class StudioEnvironment : public ::testing::Environment {
public:
    void SetUp() override
    {
        static int argc = 1;
        static char name[] = "studio_tests";
        static char* argv[] = {name, nullptr};
        m_app = std::make_unique<QApplication>(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("TaskloomTests"));
        QApplication::setApplicationName(QStringLiteral("studio_tests"));
    }
    void TearDown() override
    {
        s_runtime.reset();
        m_app.reset();
    }

    static std::unique_ptr<app::Runtime> s_runtime;
    static std::unique_ptr<QTemporaryDir> s_dataDir;

private:
    std::unique_ptr<QApplication> m_app;
};

std::unique_ptr<app::Runtime> StudioEnvironment::s_runtime;
std::unique_ptr<QTemporaryDir> StudioEnvironment::s_dataDir;

[[maybe_unused]] const auto* registered = ::testing::AddGlobalTestEnvironment(new StudioEnvironment);

} // namespace

app::Runtime& runtime()
{
    if (!StudioEnvironment::s_runtime) {
        StudioEnvironment::s_dataDir = std::make_unique<QTemporaryDir>();
        // QSettings (recent files, window layout) must not touch the real user's configuration either.
        qputenv("XDG_CONFIG_HOME", (StudioEnvironment::s_dataDir->path() + QStringLiteral("/config")).toUtf8());
        auto rt = app::Runtime::create({StudioEnvironment::s_dataDir->path(), false});
        if (!rt)
            throw std::runtime_error(rt.error().toStdString());
        StudioEnvironment::s_runtime = std::move(*rt);
    }
    return *StudioEnvironment::s_runtime;
}

std::unique_ptr<FlowDocument> makeDocument()
{
    return std::make_unique<FlowDocument>(runtime().registry(), &runtime().expressions());
}

engine::Flow chainFlow()
{
    using namespace engine;
    Flow f;
    f.id = QStringLiteral("0b8c4f7e-1111-4a3e-9a55-000000000001");
    f.name = QStringLiteral("Chain");
    const auto node = [](QString id, QString type, QString name, double x) {
        FlowNode n;
        n.id = std::move(id);
        n.type = std::move(type);
        n.name = std::move(name);
        n.position = {x, 0};
        return n;
    };
    f.nodes.push_back(node(QStringLiteral("t"), QStringLiteral("core.manualTrigger"), QStringLiteral("Start"), 0));
    f.nodes.push_back(node(QStringLiteral("a"), QStringLiteral("core.noop"), QStringLiteral("A"), 250));
    f.nodes.push_back(node(QStringLiteral("b"), QStringLiteral("core.noop"), QStringLiteral("B"), 500));
    f.nodes.push_back(node(QStringLiteral("c"), QStringLiteral("core.noop"), QStringLiteral("C"), 750));
    f.connections = {{QStringLiteral("t"), QStringLiteral("out"), QStringLiteral("a"), QStringLiteral("in")},
                     {QStringLiteral("a"), QStringLiteral("out"), QStringLiteral("b"), QStringLiteral("in")},
                     {QStringLiteral("b"), QStringLiteral("out"), QStringLiteral("c"), QStringLiteral("in")}};
    return f;
}

QString copyExample(const QTemporaryDir& dir, const QString& name)
{
    const QDir src(QStringLiteral(TASKLOOM_SOURCE_DIR "/examples/") + name);
    QString flow;
    for (const QFileInfo& f : src.entryInfoList(QDir::Files)) {
        const QString to = dir.path() + u'/' + f.fileName();
        QFile::copy(f.absoluteFilePath(), to);
        if (f.fileName().endsWith(QStringLiteral(".flow.json")))
            flow = to;
    }
    return flow;
}

} // namespace taskloom::studio::test
