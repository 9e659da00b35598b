// Hot reload of Lua node types in the studio: saving a node file replaces its type, the palette, the inspector
// and the node's ports follow; a file that does not load leaves the type as it was and says why in the log.

#include "StudioTestSupport.hpp"

#include "app/studio/FlowDocument.hpp"
#include "app/studio/InspectorWidget.hpp"
#include "app/studio/LuaNodeWatcher.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/PaletteWidget.hpp"
#include "app/studio/RunPanel.hpp"

#include "engine/NodeRegistry.hpp"
#include "nodes/builtin.hpp"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

namespace {

bool write(const QString& path, const QString& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) == text.toUtf8().size();
}

QString nodeFile(const QString& title, const QString& param, const QString& outputs)
{
    return QStringLiteral("return {\n"
                          "  type = \"acme.shout\",\n"
                          "  title = \"%1\",\n"
                          "  category = \"Text\",\n"
                          "  outputs = { %3 },\n"
                          "  params = {\n"
                          "    { name = \"%2\", type = \"string\", title = \"%2\" },\n"
                          "  },\n"
                          "  execute = function(ctx, items) return items end,\n"
                          "}\n")
        .arg(title, param, outputs);
}

/// A second runtime points the node packs at its own data folder; the shared one gets it back afterwards.
struct RestoreDataDir {
    ~RestoreDataDir() { nodes::setDataDir(test::runtime().dataDir()); }
};

QStringList logLines(const RunPanel& panel)
{
    QStringList lines;
    for (int i = 0; i < panel.log()->topLevelItemCount(); ++i)
        lines.append(panel.log()->topLevelItem(i)->text(1) + u' ' + panel.log()->topLevelItem(i)->text(3));
    return lines;
}

} // namespace

TEST(LuaHotReload, ASavedNodeFileReplacesTheTypeAndABrokenOneKeepsIt)
{
    test::runtime(); // the shared runtime points QSettings at a temporary folder
    RestoreDataDir restore;
    QTemporaryDir data;
    ASSERT_TRUE(QDir(data.path()).mkpath(QStringLiteral("nodes")));
    const QString file = data.path() + QStringLiteral("/nodes/shout.lua");
    ASSERT_TRUE(write(file, nodeFile(QStringLiteral("Shout"), QStringLiteral("marks"), QStringLiteral("\"out\""))));
    auto rt = app::Runtime::create({data.path(), false, data.path() + QStringLiteral("/nodes")});
    ASSERT_TRUE(rt) << rt.error().toStdString();
    ASSERT_TRUE((*rt)->registry().find(u"acme.shout"));

    MainWindow window(**rt);
    auto node = window.document()->makeNode(QStringLiteral("acme.shout"), {0, 0});
    ASSERT_TRUE(node);
    const QString id = node->id;
    window.document()->addNode(std::move(*node));
    window.inspector()->setNode(id);
    ASSERT_TRUE(window.inspector()->field(QStringLiteral("marks")));
    window.palette()->setFilter(QStringLiteral("Louder"));
    EXPECT_TRUE(window.palette()->visibleTypes().isEmpty());

    // Saved with a new title, a renamed parameter and a second output: the watcher notices by itself.
    QSignalSpy changed(window.luaNodeWatcher(), &LuaNodeWatcher::filesChanged);
    ASSERT_TRUE(write(file, nodeFile(QStringLiteral("Shout Louder"), QStringLiteral("suffix"),
                                     QStringLiteral("\"out\", \"quiet\""))));
    ASSERT_TRUE(changed.wait(15000));
    EXPECT_EQ(changed.takeFirst().at(0).toStringList(), QStringList{QFileInfo(file).absoluteFilePath()});
    const NodeType* type = (*rt)->registry().find(u"acme.shout");
    ASSERT_TRUE(type);
    EXPECT_EQ(type->spec().title, u"Shout Louder");
    EXPECT_EQ(window.palette()->visibleTypes(), QStringList{QStringLiteral("acme.shout")});
    EXPECT_TRUE(window.inspector()->field(QStringLiteral("suffix")));
    EXPECT_FALSE(window.inspector()->field(QStringLiteral("marks")));
    EXPECT_EQ(window.document()->ports(*window.document()->node(id)).outputs.size(), 2);
    EXPECT_TRUE(logLines(*window.runPanel()).join(u'\n').contains(QStringLiteral("Reloaded Lua node type acme.shout")));

    // Broken on line 3: an error naming file and line in the log; the type loaded before stays.
    ASSERT_TRUE(write(file, QStringLiteral("return {\n  type = \"acme.shout\",\n  title = = \"Oops\",\n}\n")));
    ASSERT_TRUE(changed.wait(15000));
    type = (*rt)->registry().find(u"acme.shout");
    ASSERT_TRUE(type);
    EXPECT_EQ(type->spec().title, u"Shout Louder");
    EXPECT_TRUE(window.inspector()->field(QStringLiteral("suffix")));
    const QString log = logLines(*window.runPanel()).join(u'\n');
    EXPECT_TRUE(log.contains(QStringLiteral("error Lua node not reloaded"))) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral("shout.lua:3:"))) << log.toStdString();

    // A new file in the folder adds its type to the palette.
    const QString second = data.path() + QStringLiteral("/nodes/whisper.lua");
    ASSERT_TRUE(write(second, nodeFile(QStringLiteral("Whisper"), QStringLiteral("x"), QStringLiteral("\"out\""))
                                  .replace(QStringLiteral("acme.shout"), QStringLiteral("acme.whisper"))));
    window.luaNodeWatcher()->scanNow();
    ASSERT_TRUE((*rt)->registry().find(u"acme.whisper"));
    window.palette()->setFilter(QStringLiteral("Whisper"));
    EXPECT_EQ(window.palette()->visibleTypes(), QStringList{QStringLiteral("acme.whisper")});

    // A file that declares a built-in type is refused the same way.
    ASSERT_TRUE(write(file, nodeFile(QStringLiteral("Noop"), QStringLiteral("x"), QStringLiteral("\"out\""))
                                .replace(QStringLiteral("acme.shout"), QStringLiteral("core.noop"))));
    window.luaNodeWatcher()->scanNow();
    EXPECT_TRUE(logLines(*window.runPanel()).join(u'\n').contains(QStringLiteral("core.noop is a built-in node type")));
    EXPECT_EQ((*rt)->registry().find(u"acme.shout")->spec().title, u"Shout Louder");
}

TEST(LuaHotReload, AFileSavedDuringARunIsReloadedAfterIt)
{
    test::runtime();
    RestoreDataDir restore;
    QTemporaryDir data;
    ASSERT_TRUE(QDir(data.path()).mkpath(QStringLiteral("nodes")));
    const QString file = data.path() + QStringLiteral("/nodes/shout.lua");
    ASSERT_TRUE(write(file, nodeFile(QStringLiteral("Shout"), QStringLiteral("marks"), QStringLiteral("\"out\""))));
    auto rt = app::Runtime::create({data.path(), false, data.path() + QStringLiteral("/nodes")});
    ASSERT_TRUE(rt) << rt.error().toStdString();
    MainWindow window(**rt);
    window.document()->setFlow(test::chainFlow());

    QSignalSpy finished(window.runController(), &RunController::finished);
    window.runFlow();
    ASSERT_TRUE(window.runController()->isRunning());
    ASSERT_TRUE(write(file, nodeFile(QStringLiteral("Shout Later"), QStringLiteral("marks"), QStringLiteral("\"out\""))));
    window.reloadLuaNodeFiles({file});
    ASSERT_TRUE(window.runController()->isRunning()) << "the run ends only when its end reaches the event loop";
    EXPECT_EQ((*rt)->registry().find(u"acme.shout")->spec().title, u"Shout") << "not replaced under a running run";
    ASSERT_TRUE(finished.wait(120000));
    EXPECT_EQ((*rt)->registry().find(u"acme.shout")->spec().title, u"Shout Later");
}

TEST(LuaHotReload, ANodesFolderCreatedAfterStartIsWatched)
{
    test::runtime();
    RestoreDataDir restore;
    QTemporaryDir data;
    const QString folder = data.path() + QStringLiteral("/nodes");
    auto rt = app::Runtime::create({data.path(), false, folder});
    ASSERT_TRUE(rt) << rt.error().toStdString();
    MainWindow window(**rt);
    ASSERT_TRUE(QDir(data.path()).mkpath(QStringLiteral("nodes")));
    // The parent's watch sees the folder appear and watches it; then a node file saved in it is loaded.
    for (int i = 0; i < 40 && !(*rt)->registry().find(u"acme.shout"); ++i) {
        if (i == 10) {
            ASSERT_TRUE(write(folder + QStringLiteral("/shout.lua"),
                              nodeFile(QStringLiteral("Shout"), QStringLiteral("marks"), QStringLiteral("\"out\""))));
        }
        QTest::qWait(250);
    }
    ASSERT_TRUE((*rt)->registry().find(u"acme.shout"));
    EXPECT_EQ((*rt)->registry().find(u"acme.shout")->spec().title, u"Shout");
}
