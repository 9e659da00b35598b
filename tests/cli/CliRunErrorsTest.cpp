// taskloom run and validate on flows that cannot run (exit 2), nodes that fail (exit 1) and time limits (exit 4):
// one line per error naming the file, node, parameter and value, and nothing half-written left behind.

#include "CliTestSupport.hpp"

#include <QDir>
#include <QFileInfo>

namespace taskloom::tests {

namespace {

class CliRunErrorsTest : public CliTest {
protected:
    /// `taskloom run FLOW --quiet --no-store`: with --quiet, standard error holds only warnings and errors.
    CliResult runQuiet(const QString& flow, const QStringList& extra = {}) const
    {
        return run(QStringList{QStringLiteral("run"), flow, QStringLiteral("--quiet"), QStringLiteral("--no-store")} + extra);
    }

    /// The run failed with one line on standard error, naming the flow file and containing every one of `parts`,
    /// and printed no result.
    static void expectOneErrorLine(const CliResult& r, const QString& flow, const QStringList& parts)
    {
        ASSERT_EQ(r.errLines().size(), 1) << r.describe();
        const QString line = r.errLines().first();
        EXPECT_TRUE(line.startsWith(QStringLiteral("taskloom: ") + flow + QStringLiteral(": "))) << r.describe();
        for (const QString& part : parts)
            EXPECT_TRUE(line.contains(part)) << "missing: " << part.toStdString() << "\n" << r.describe();
        EXPECT_TRUE(r.out.isEmpty()) << r.describe();
    }
};

const QString wire = QStringLiteral(R"({"from": "t", "to": "n"})");

} // namespace

// ---- flows that cannot run: exit 2 ----

TEST_F(CliRunErrorsTest, MalformedJsonNamesLineAndColumn)
{
    const QString flow = writeFile(QStringLiteral("broken.flow.json"), "{\n  \"format\": \"taskloom-flow\",\n  \"nodes\": [,]\n}\n");
    const CliResult r = run({QStringLiteral("run"), flow});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("malformed JSON"), QStringLiteral("line 3, column")});
    EXPECT_FALSE(QFileInfo::exists(dataDir() + QStringLiteral("/runs.db"))) << "an invalid flow records no run";
}

TEST_F(CliRunErrorsTest, MissingFlowFile)
{
    const QString flow = path(QStringLiteral("nowhere/missing.flow.json"));
    const CliResult r = run({QStringLiteral("run"), flow});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("no such file")});
}

TEST_F(CliRunErrorsTest, EveryMistakeIsListedWithItsPath)
{
    const QString flow = writeFlow(
        QStringLiteral("mistakes.flow.json"),
        {QStringLiteral(R"({"id": "r", "type": "core.csvRead", "typeVersion": 1, "name": "Read", "params": {}})"),
         QStringLiteral(R"({"id": "x", "type": "acme.crm", "typeVersion": 1, "name": "Mystery", "params": {}})"),
         QStringLiteral(R"({"id": "s", "type": "core.set", "typeVersion": 1, "name": "Set", "params": {"fields": [{"name": "a", "value": "{{ item. }}"}]}})"),
         QStringLiteral(R"({"id": "w", "type": "core.wait", "typeVersion": 1, "name": "Wait", "params": {"seconds": -5}})")},
        {QStringLiteral(R"({"from": "t", "to": "r"})"), QStringLiteral(R"({"from": "r", "to": "s"})"),
         QStringLiteral(R"({"from": "s", "to": "w"})"), QStringLiteral(R"({"from": "w", "to": "s"})")});
    const QStringList expected{
        QStringLiteral(R"(nodes[1].params.path (node "Read"): required parameter missing)"),
        QStringLiteral(R"(nodes[2].type (node "Mystery"): unknown node type "acme.crm")"),
        QStringLiteral(R"(nodes[3].params.fields[0].value (node "Set"): expression {{ item. }}:)"),
        QStringLiteral(R"(nodes[4].params.seconds (node "Wait"): -5 is outside the range)"),
        QStringLiteral(R"(connections: cycle through "Set", "Wait")"),
    };
    const CliResult r = run({QStringLiteral("run"), flow});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    const QStringList lines = r.errLines();
    // Each problem once (the reader and the validator both notice an unknown type), one line each.
    EXPECT_EQ(lines.size(), expected.size()) << r.describe();
    for (const QString& e : expected) {
        int found = 0;
        for (const QString& line : lines)
            found += line.startsWith(QStringLiteral("taskloom: ") + flow + QStringLiteral(": ")) && line.contains(e) ? 1 : 0;
        EXPECT_EQ(found, 1) << e.toStdString() << "\n" << r.describe();
    }
    EXPECT_TRUE(r.out.isEmpty());

    // validate lists the same problems and also exits 2.
    const CliResult v = run({QStringLiteral("validate"), flow});
    EXPECT_EQ(v.exitCode, 2) << v.describe();
    EXPECT_EQ(v.errLines().size(), expected.size()) << v.describe();
    for (const QString& e : expected)
        EXPECT_TRUE(v.errText().contains(flow + QStringLiteral(": error: ") + e)) << e.toStdString() << "\n" << v.describe();
    EXPECT_TRUE(v.out.isEmpty()) << v.describe();

    const CliResult j = run({QStringLiteral("validate"), flow, QStringLiteral("--json")});
    EXPECT_EQ(j.exitCode, 2) << j.describe();
    const QJsonObject report = parseJson(j.out).object();
    EXPECT_EQ(report.value(u"file").toString(), flow);
    EXPECT_FALSE(report.value(u"ok").toBool(true));
    QStringList paths;
    for (const QJsonValue& p : report.value(u"problems").toArray()) {
        EXPECT_EQ(p.toObject().value(u"severity").toString(), QStringLiteral("error"));
        paths.append(p.toObject().value(u"path").toString());
    }
    paths.sort();
    EXPECT_EQ(paths, (QStringList{QStringLiteral("connections"), QStringLiteral("nodes[1].params.path"), QStringLiteral("nodes[2].type"),
                                  QStringLiteral("nodes[3].params.fields[0].value"), QStringLiteral("nodes[4].params.seconds")}))
        << j.describe();
}

TEST_F(CliRunErrorsTest, UnknownNodeType)
{
    const QString flow = writeFlow(QStringLiteral("unknown.flow.json"),
                                   {QStringLiteral(R"({"id": "n", "type": "acme.crm", "typeVersion": 1, "name": "CRM", "params": {}})")},
                                   {wire});
    const CliResult r = run({QStringLiteral("run"), flow});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("nodes[1].type (node \"CRM\")"), QStringLiteral("unknown node type \"acme.crm\"")});
}

TEST_F(CliRunErrorsTest, ExpressionSyntaxError)
{
    const QString flow = writeFlow(
        QStringLiteral("expression.flow.json"),
        {QStringLiteral(R"({"id": "n", "type": "core.set", "typeVersion": 1, "name": "Label", "params": {"fields": [{"name": "x", "value": "Hi {{ item. }}"}]}})")},
        {wire});
    const CliResult r = run({QStringLiteral("run"), flow});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("nodes[1].params.fields[0].value (node \"Label\")"), QStringLiteral("{{ item. }}")});
}

TEST_F(CliRunErrorsTest, Cycle)
{
    const QString flow = writeFlow(
        QStringLiteral("cycle.flow.json"),
        {QStringLiteral(R"({"id": "a", "type": "core.noop", "typeVersion": 1, "name": "A", "params": {}})"),
         QStringLiteral(R"({"id": "b", "type": "core.noop", "typeVersion": 1, "name": "B", "params": {}})"),
         QStringLiteral(R"({"id": "m", "type": "core.merge", "typeVersion": 1, "name": "Join", "params": {"mode": "append"}})")},
        {QStringLiteral(R"({"from": "t", "to": "m", "input": "in1"})"), QStringLiteral(R"({"from": "m", "to": "a"})"),
         QStringLiteral(R"({"from": "a", "to": "b"})"), QStringLiteral(R"({"from": "b", "to": "m", "input": "in2"})")});
    const CliResult r = run({QStringLiteral("run"), flow});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("connections: cycle through")});
}

TEST_F(CliRunErrorsTest, ValidateAGoodFlow)
{
    const QString flow = writeFlow(QStringLiteral("good.flow.json"),
                                   {QStringLiteral(R"({"id": "n", "type": "core.noop", "typeVersion": 1, "name": "Pass", "params": {}})")},
                                   {wire});
    const CliResult r = run({QStringLiteral("validate"), flow});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_EQ(r.outText(), flow + QStringLiteral(": ok (2 nodes, 1 connections)\n")) << r.describe();
    EXPECT_TRUE(r.err.isEmpty()) << r.describe();

    const CliResult j = run({QStringLiteral("validate"), QStringLiteral("--json"), flow});
    EXPECT_EQ(j.exitCode, 0) << j.describe();
    const QJsonObject report = parseJson(j.out).object();
    EXPECT_TRUE(report.value(u"ok").toBool());
    EXPECT_TRUE(report.value(u"problems").toArray().isEmpty()) << j.describe();
}

// ---- nodes that fail: exit 1 ----

TEST_F(CliRunErrorsTest, MissingInputCsvNamesNodeParameterAndPath)
{
    const QString flow = writeFlow(QStringLiteral("read.flow.json"),
                                   {QStringLiteral(R"({"id": "n", "type": "core.csvRead", "typeVersion": 1, "name": "Read orders", "params": {"path": "in/orders.csv"}})")},
                                   {wire});
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("node \"Read orders\" (core.csvRead)"), QStringLiteral("parameter \"path\" = \"in/orders.csv\""),
                                 QStringLiteral("no such file"), path(QStringLiteral("in/orders.csv"))});
}

TEST_F(CliRunErrorsTest, UnwritableOutputLeavesNothingBehind)
{
    writeFile(QStringLiteral("work/blocker"), "a regular file, not a folder\n");
    const QString flow = writeFlow(QStringLiteral("work/write.flow.json"),
                                   {QStringLiteral(R"({"id": "n", "type": "core.csvWrite", "typeVersion": 1, "name": "Write report", "params": {"path": "blocker/sub/report.csv"}})")},
                                   {wire});
    const QStringList before = filesBelow(path(QStringLiteral("work")));
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("node \"Write report\" (core.csvWrite)"),
                                 QStringLiteral("parameter \"path\" = \"blocker/sub/report.csv\"")});
    EXPECT_EQ(filesBelow(path(QStringLiteral("work"))), before) << "no output and no temporary file";
}

TEST_F(CliRunErrorsTest, OutputPathThatIsAFolderLeavesNothingBehind)
{
    ASSERT_TRUE(QDir().mkpath(path(QStringLiteral("work/out/report.csv"))));
    const QString flow = writeFlow(QStringLiteral("work/write.flow.json"),
                                   {QStringLiteral(R"({"id": "n", "type": "core.csvWrite", "typeVersion": 1, "name": "Write", "params": {"path": "out/report.csv"}})")},
                                   {wire});
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("node \"Write\""), QStringLiteral("parameter \"path\" = \"out/report.csv\""),
                                 QStringLiteral("folder")});
    EXPECT_EQ(filesBelow(path(QStringLiteral("work/out"))), QStringList()) << "no temporary file beside it";
}

TEST_F(CliRunErrorsTest, FailureWhileWritingLeavesNoPartialFile)
{
    // 3,000 rows stream through in batches: the writer has the first batches before row 2,500 fails the run.
    QByteArray csv = "n,v\n";
    for (int i = 0; i < 3000; ++i)
        csv += QByteArray::number(i) + ',' + QByteArray::number(i * 2) + '\n';
    writeFile(QStringLiteral("work/big.csv"), csv);
    const QString flow = writeFlow(
        QStringLiteral("work/partial.flow.json"),
        {QStringLiteral(R"({"id": "r", "type": "core.csvRead", "typeVersion": 1, "name": "Read", "params": {"path": "big.csv"}})"),
         QStringLiteral(R"({"id": "l", "type": "code.lua", "typeVersion": 1, "name": "Check", "params": {"mode": "each",
             "code": "function execute(ctx, item)\n  if tonumber(item.n) == 2500 then error('row 2500 is bad') end\n  return item\nend\n"}})"),
         QStringLiteral(R"({"id": "w", "type": "core.csvWrite", "typeVersion": 1, "name": "Write", "params": {"path": "out/result.csv"}})")},
        {QStringLiteral(R"({"from": "t", "to": "r"})"), QStringLiteral(R"({"from": "r", "to": "l"})"), QStringLiteral(R"({"from": "l", "to": "w"})")});
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("node \"Check\" (code.lua)"), QStringLiteral("code:2: row 2500 is bad")});
    EXPECT_EQ(filesBelow(path(QStringLiteral("work/out"))), QStringList()) << "neither the file nor its temporary copy";
}

TEST_F(CliRunErrorsTest, LuaEndlessLoopHitsTheBudget)
{
    const QString flow = writeFlow(
        QStringLiteral("loop.flow.json"),
        {QStringLiteral(R"({"id": "n", "type": "code.lua", "typeVersion": 1, "name": "Spin", "params": {"code": "function execute(ctx, items)\n  local i = 0\n  while true do i = i + 1 end\nend\n"}})")},
        {wire});
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_LT(r.elapsedMs, 5000) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("node \"Spin\" (code.lua)"), QStringLiteral("code:3:"), QStringLiteral("instruction budget")});
}

TEST_F(CliRunErrorsTest, LuaRuntimeErrorNamesTheLine)
{
    const QString flow = writeFlow(
        QStringLiteral("boom.flow.json"),
        {QStringLiteral(R"({"id": "n", "type": "code.lua", "typeVersion": 1, "name": "Boom", "params": {"code": "function execute(ctx, items)\n  local t = nil\n\n  return t.field\nend\n"}})")},
        {wire});
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("node \"Boom\" (code.lua)"), QStringLiteral("code:4:")});
}

TEST_F(CliRunErrorsTest, StopWithErrorFailsWithItsMessage)
{
    const QString flow = writeFlow(
        QStringLiteral("stop.flow.json"),
        {QStringLiteral(R"({"id": "n", "type": "core.stopError", "typeVersion": 1, "name": "Give up", "params": {"message": "quota of {{ vars.quota }} reached", "code": "QUOTA"}})")},
        {wire}, QStringLiteral(R"("variables": {"quota": 12})"));
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("node \"Give up\" (core.stopError)"), QStringLiteral("quota of 12 reached")});
}

// ---- time limits: exit 4 ----

TEST_F(CliRunErrorsTest, NodeTimeout)
{
    const QString flow = writeFlow(
        QStringLiteral("slow.flow.json"),
        {QStringLiteral(R"({"id": "n", "type": "core.wait", "typeVersion": 1, "name": "Slow", "params": {"seconds": 10}, "settings": {"timeout": 0.3}})")},
        {wire});
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 4) << r.describe();
    EXPECT_LT(r.elapsedMs, 3000) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("node \"Slow\" (core.wait)"), QStringLiteral("timed out after 0.3 s")});
}

TEST_F(CliRunErrorsTest, FlowTimeout)
{
    const QString flow = writeFlow(
        QStringLiteral("slow.flow.json"),
        {QStringLiteral(R"({"id": "n", "type": "core.wait", "typeVersion": 1, "name": "Slow", "params": {"seconds": 10}})")},
        {wire}, QStringLiteral(R"("settings": {"timeout": 0.3})"));
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 4) << r.describe();
    EXPECT_LT(r.elapsedMs, 3000) << r.describe();
    expectOneErrorLine(r, flow, {QStringLiteral("timeout of 0.3 s")});
}

TEST_F(CliRunErrorsTest, WarningsAreSaidBeforeTheRunAndDoNotStopIt)
{
    // A misspelt parameter is kept (the flow file is not changed behind the user's back) but must not pass silently.
    const QString flow = writeFlow(QStringLiteral("typo.flow.json"),
                                   {QStringLiteral(R"({"id": "n", "type": "core.noop", "typeVersion": 1, "name": "Pass", "params": {"colour": "red"}})")},
                                   {wire});
    const CliResult r = runQuiet(flow);
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    ASSERT_EQ(r.errLines().size(), 1) << r.describe();
    EXPECT_EQ(r.errLines().first(),
              QStringLiteral("taskloom: warning: %1: nodes[1].params.colour (node \"Pass\"): core.noop has no parameter \"colour\" (kept, unused)").arg(flow))
        << r.describe();
}

} // namespace taskloom::tests
