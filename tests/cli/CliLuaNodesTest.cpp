// Lua node types through the `taskloom` program: listed by `nodes --json` like built-ins, the example flows run
// headless, a broken node file is a one-line warning that leaves the other nodes usable, and grants come from
// settings.json.

#include "CliTestSupport.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace taskloom::tests;

namespace {

const QString exampleDir = QStringLiteral(TASKLOOM_SOURCE_DIR "/examples/custom-nodes");

class CliLuaNodesTest : public CliTest {
protected:
    QString copyExample()
    {
        const QString to = path(QStringLiteral("custom-nodes"));
        EXPECT_TRUE(copyFolder(exampleDir, to, {QStringLiteral("out")}));
        return to;
    }
};

} // namespace

TEST_F(CliLuaNodesTest, NodesJsonListsLuaNodesLikeBuiltIns)
{
    const CliResult r = run({QStringLiteral("nodes"), QStringLiteral("--json"), QStringLiteral("--nodes-dir"), exampleDir + QStringLiteral("/nodes")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    QStringList types;
    QJsonObject rrn;
    for (const QJsonValue& v : parseJson(r.out).object().value(u"nodes").toArray()) {
        types.append(v.toObject().value(u"type").toString());
        if (types.last() == u"example.rrnMask")
            rrn = v.toObject();
    }
    EXPECT_TRUE(types.contains(u"core.csvRead"));
    EXPECT_TRUE(types.contains(u"example.rrnMask"));
    EXPECT_TRUE(types.contains(u"example.currencyConvert"));
    EXPECT_TRUE(types.contains(u"text.regexExtract")) << "bundled";
    EXPECT_EQ(rrn.value(u"title").toString(), u"Mask Korean RRN");
    EXPECT_EQ(rrn.value(u"outputs").toArray().size(), 2);
    EXPECT_FALSE(rrn.value(u"params").toArray().isEmpty());
    // Without the folder the example types are unknown.
    const CliResult plain = run({QStringLiteral("nodes"), QStringLiteral("example.rrnMask")});
    EXPECT_EQ(plain.exitCode, 2) << plain.describe();
}

TEST_F(CliLuaNodesTest, ExampleFlowsRunHeadless)
{
    const QString dir = copyExample();
    const QString nodes = dir + QStringLiteral("/nodes");
    CliResult r = run({QStringLiteral("run"), dir + QStringLiteral("/mask-rrn.flow.json"), QStringLiteral("--nodes-dir"), nodes});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    QFile masked(dir + QStringLiteral("/out/customers-masked.json"));
    ASSERT_TRUE(masked.open(QIODevice::ReadOnly));
    const QByteArray text = masked.readAll();
    EXPECT_TRUE(text.contains("900115-1******")) << text.toStdString();
    EXPECT_FALSE(text.contains("900115-1234567")) << "no full number left";
    EXPECT_FALSE(r.out.contains("1234567")) << r.describe();

    r = run({QStringLiteral("run"), dir + QStringLiteral("/convert-prices.flow.json"), QStringLiteral("--nodes-dir"), nodes,
             QStringLiteral("--set"), QStringLiteral("currency=USD")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    const QString csv = [&] {
        QFile f(dir + QStringLiteral("/out/prices-converted.csv"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }();
    EXPECT_TRUE(csv.contains(u"53.42,USD,1.0705,2024-06-28")) << csv.toStdString();
    EXPECT_TRUE(r.outText().contains(u"unknown currency XYZ")) << r.describe();

    // Both runs are in the run store, the Lua node recorded like any other.
    const QJsonArray runs = listRuns();
    ASSERT_EQ(runs.size(), 2);
    const QJsonObject detail = showRun(runs[1].toObject().value(u"id").toString());
    QJsonObject mask;
    for (const QJsonValue& n : detail.value(u"nodes").toArray()) {
        if (n.toObject().value(u"node").toString() == u"Mask RRNs")
            mask = n.toObject();
    }
    EXPECT_EQ(mask.value(u"status").toString(), u"succeeded") << QJsonDocument(detail).toJson().toStdString();
    EXPECT_EQ(mask.value(u"itemsIn").toInt(), 5);
    EXPECT_EQ(mask.value(u"itemsOut").toInt(), 5);
}

TEST_F(CliLuaNodesTest, ABrokenNodeFileIsAWarningAndTheRestLoads)
{
    const QString dir = copyExample();
    writeFile(QStringLiteral("custom-nodes/nodes/broken.lua"), "return {\n  type = \"x.broken\",\n  tittle = \"B\",\n}\n");
    const CliResult r = run({QStringLiteral("run"), dir + QStringLiteral("/mask-rrn.flow.json"), QStringLiteral("--nodes-dir"),
                             dir + QStringLiteral("/nodes"), QStringLiteral("--quiet")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("warning: Lua node not loaded: ") + dir + QStringLiteral("/nodes/broken.lua:3: tittle: unknown field (did you mean \"title\"?)")))
        << r.describe();
}

TEST_F(CliLuaNodesTest, NodesFolderAndGrantsComeFromSettings)
{
    writeFile(QStringLiteral("data/my-nodes/lister.lua"),
              "return {\n  type = \"x.lister\",\n  title = \"Lister\",\n  capabilities = { files = \"read\" },\n"
              "  execute = function(ctx, items)\n    return { { count = #files.list(ctx.params.folder) } }\n  end,\n"
              "  params = { { name = \"folder\", type = \"folder\" } },\n}\n");
    writeFile(QStringLiteral("inbox/a.txt"), "a");
    writeFile(QStringLiteral("inbox/b.txt"), "b");
    const QString flow = writeFlow(QStringLiteral("list.flow.json"),
                                   {QStringLiteral(R"({"id": "l", "type": "x.lister", "typeVersion": 1, "name": "List", "params": {"folder": "%1"}})")
                                        .arg(path(QStringLiteral("inbox")))},
                                   {QStringLiteral(R"({"from": "t", "to": "l"})")});
    writeFile(QStringLiteral("data/settings.json"), R"({"lua": {"nodesFolder": "my-nodes"}})");
    CliResult r = run({QStringLiteral("run"), flow, QStringLiteral("--no-store")});
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(u"file access is not granted to node type x.lister")) << r.describe();

    writeFile(QStringLiteral("data/settings.json"),
              QStringLiteral(R"({"lua": {"nodesFolder": "my-nodes", "grants": {"x.lister": {"files": ["%1"]}}}})")
                  .arg(path(QStringLiteral("inbox")))
                  .toUtf8());
    r = run({QStringLiteral("run"), flow, QStringLiteral("--no-store")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_EQ(parseJson(r.out).array().at(0).toObject().value(u"count").toInt(), 2) << r.describe();

    writeFile(QStringLiteral("data/settings.json"), R"({"lua": {"grants": {"x.lister": {"files": "/"}}}})");
    r = run({QStringLiteral("run"), flow, QStringLiteral("--no-store")});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    EXPECT_TRUE(r.errText().contains(u"lua.grants[\"x.lister\"].files: expected a list")) << r.describe();
}
