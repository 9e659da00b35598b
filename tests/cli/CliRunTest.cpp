// taskloom run: the examples, the orders report's numbers, run input, trigger events, variables, --json-events.

#include "CliTestSupport.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>

#include <cmath>

namespace taskloom::tests {

namespace {

const QString examples = QStringLiteral(TASKLOOM_SOURCE_DIR "/examples");

// RFC 4180 rows: quoted fields may hold commas, doubled quotes and newlines.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
            any = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            if (any || !field.isEmpty()) {
                row.append(field);
                rows.append(row);
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

QString readText(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

struct RegionTotal {
    int orders = 0;
    double revenue = 0;
    double largest = 0;
};

// What the orders report should print, worked out here from orders.csv: paid orders of at least minAmount, per
// region: count, sum and maximum of the amount.
QMap<QString, RegionTotal> expectedTotals(const QString& csvPath, double minAmount)
{
    const QList<QStringList> rows = parseCsv(readText(csvPath));
    QMap<QString, RegionTotal> totals;
    if (rows.isEmpty())
        return totals;
    const QStringList header = rows.first();
    const qsizetype region = header.indexOf(QStringLiteral("region"));
    const qsizetype status = header.indexOf(QStringLiteral("status"));
    const qsizetype amount = header.indexOf(QStringLiteral("amount"));
    EXPECT_TRUE(region >= 0 && status >= 0 && amount >= 0) << header.join(u',').toStdString();
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& r = rows[i];
        const double a = r.value(amount).toDouble();
        if (r.value(status) != u"paid" || a < minAmount)
            continue;
        RegionTotal& t = totals[r.value(region)];
        t.orders += 1;
        t.revenue += a;
        t.largest = std::max(t.largest, a);
    }
    return totals;
}

class CliRunTest : public CliTest {
protected:
    /// A copy of examples/orders-report without its out/ folder; returns the flow's path.
    QString copyOrdersReport()
    {
        const QString to = path(QStringLiteral("orders-report"));
        EXPECT_TRUE(copyFolder(examples + QStringLiteral("/orders-report"), to, {QStringLiteral("out")}));
        return QDir(to).filePath(QStringLiteral("orders-report.flow.json"));
    }

    double minAmountOf(const QString& flowPath)
    {
        const QJsonObject flow = parseJson(readText(flowPath).toUtf8()).object();
        const QJsonValue v = flow.value(u"variables").toObject().value(u"minAmount");
        EXPECT_TRUE(v.isDouble()) << "the example's variables.minAmount";
        return v.toDouble();
    }

    /// Runs the report and checks its printed result and CSV against totals worked out from orders.csv.
    /// Returns the printed region items.
    QJsonArray checkOrdersReport(const QString& flowPath, const QStringList& extraArgs, double minAmount)
    {
        const CliResult r = run(QStringList{QStringLiteral("run"), flowPath, QStringLiteral("--no-store")} + extraArgs);
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        const QJsonArray printed = parseJson(r.out).array();
        const QString folder = QFileInfo(flowPath).absolutePath();
        const QMap<QString, RegionTotal> expected = expectedTotals(folder + QStringLiteral("/orders.csv"), minAmount);
        EXPECT_FALSE(expected.isEmpty());

        QJsonArray regions;
        QJsonObject summary;
        for (const QJsonValue& v : printed) {
            if (v.toObject().contains(u"region"))
                regions.append(v);
            else
                summary = v.toObject();
        }
        // The CSV writer reports what it wrote.
        const QString csvPath = folder + QStringLiteral("/out/revenue-by-region.csv");
        EXPECT_EQ(summary.value(u"path").toString(), csvPath) << r.describe();
        EXPECT_EQ(summary.value(u"rows").toInt(), expected.size()) << r.describe();

        EXPECT_EQ(regions.size(), expected.size()) << r.describe();
        double previous = INFINITY;
        for (const QJsonValue& v : regions) {
            const QJsonObject o = v.toObject();
            const QString region = o.value(u"region").toString();
            EXPECT_TRUE(expected.contains(region)) << region.toStdString();
            if (!expected.contains(region))
                continue;
            const RegionTotal& t = expected[region];
            EXPECT_EQ(o.value(u"orders").toInt(), t.orders) << region.toStdString();
            EXPECT_NEAR(o.value(u"revenue").toDouble(), std::floor(t.revenue * 100 + 0.5) / 100, 1e-9) << region.toStdString();
            EXPECT_NEAR(o.value(u"largest").toDouble(), t.largest, 1e-9) << region.toStdString();
            EXPECT_LE(o.value(u"revenue").toDouble(), previous) << "biggest first";
            previous = o.value(u"revenue").toDouble();
        }

        // The CSV holds the same rows, in the same order, with the columns in the order they were made.
        const QList<QStringList> csv = parseCsv(readText(csvPath));
        EXPECT_EQ(csv.size(), regions.size() + 1) << readText(csvPath).toStdString();
        if (csv.size() == regions.size() + 1) {
            EXPECT_EQ(csv.first(), (QStringList{QStringLiteral("region"), QStringLiteral("orders"), QStringLiteral("revenue"),
                                                QStringLiteral("largest")}));
            for (qsizetype i = 0; i < regions.size(); ++i) {
                const QJsonObject o = regions[i].toObject();
                const QStringList& row = csv[i + 1];
                EXPECT_EQ(row.value(0), o.value(u"region").toString());
                EXPECT_EQ(row.value(1).toInt(), o.value(u"orders").toInt());
                EXPECT_NEAR(row.value(2).toDouble(), o.value(u"revenue").toDouble(), 1e-9);
                EXPECT_NEAR(row.value(3).toDouble(), o.value(u"largest").toDouble(), 1e-9);
            }
        }
        return regions;
    }

    QString inputFlow()
    {
        return writeFlow(QStringLiteral("input.flow.json"),
                         {QStringLiteral(R"({"id": "tag", "type": "core.set", "typeVersion": 1, "name": "Tag",
                             "params": {"fields": [{"name": "seen", "value": "{{ item.n }}-{{ vars.tag }}"}]}})")},
                         {QStringLiteral(R"({"from": "t", "to": "tag"})")}, QStringLiteral(R"("variables": {"tag": "x"})"));
    }
};

} // namespace

TEST_F(CliRunTest, EveryExampleRunsAndPrintsJson)
{
    QStringList flows;
    for (const QFileInfo& dir : QDir(examples).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString copy = path(QStringLiteral("examples/") + dir.fileName());
        ASSERT_TRUE(copyFolder(dir.absoluteFilePath(), copy, {QStringLiteral("out")}));
        for (const QString& f : QDir(copy).entryList({QStringLiteral("*.flow.json")}, QDir::Files))
            flows.append(QDir(copy).filePath(f));
    }
    ASSERT_GE(flows.size(), 3) << "examples/ holds the example flows";
    for (const QString& flow : flows) {
        SCOPED_TRACE(flow.toStdString());
        QStringList args{QStringLiteral("run"), flow, QStringLiteral("--no-store")};
        // Examples with custom Lua node types keep them in a nodes/ folder beside the flow.
        if (QFileInfo(QFileInfo(flow).dir().filePath(QStringLiteral("nodes"))).isDir())
            args << QStringLiteral("--nodes-dir") << QFileInfo(flow).dir().filePath(QStringLiteral("nodes"));
        const CliResult r = run(args);
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        const QJsonDocument doc = parseJson(r.out);
        EXPECT_TRUE(doc.isArray()) << r.describe();
        EXPECT_FALSE(doc.array().isEmpty()) << r.describe();
        for (const QJsonValue& v : doc.array())
            EXPECT_TRUE(v.isObject()) << r.describe();
    }
    // --no-store: nothing recorded, no database made.
    EXPECT_FALSE(QFileInfo::exists(dataDir() + QStringLiteral("/runs.db")));
}

TEST_F(CliRunTest, OrdersReportTotalsMatchTheCsv)
{
    const QString flow = copyOrdersReport();
    checkOrdersReport(flow, {}, minAmountOf(flow));
}

TEST_F(CliRunTest, SetChangesTheOrdersReport)
{
    const QString flow = copyOrdersReport();
    const QJsonArray byDefault = checkOrdersReport(flow, {}, minAmountOf(flow));
    ASSERT_NE(minAmountOf(flow), 500.0);
    const QJsonArray over500 = checkOrdersReport(flow, {QStringLiteral("--set"), QStringLiteral("minAmount=500")}, 500);
    EXPECT_NE(byDefault, over500);
    // Fewer orders qualify.
    int before = 0, after = 0;
    for (const QJsonValue& v : byDefault)
        before += v.toObject().value(u"orders").toInt();
    for (const QJsonValue& v : over500)
        after += v.toObject().value(u"orders").toInt();
    EXPECT_LT(after, before);
    EXPECT_GT(after, 0);
}

TEST_F(CliRunTest, InputFromStandardInput)
{
    const QString flow = inputFlow();
    const QStringList args{QStringLiteral("run"), flow, QStringLiteral("--input"), QStringLiteral("-"), QStringLiteral("--no-store")};
    struct Case {
        const char* name;
        QByteArray input;
        QByteArray expected;
    };
    const QList<Case> cases{
        {"array", R"([{"n": 1}, {"n": 2}])", R"([{"n":1,"seen":"1-x"},{"n":2,"seen":"2-x"}])"},
        {"object", R"({"n": 7})", R"([{"n":7,"seen":"7-x"}])"},
        {"json lines", "{\"n\": 1}\n{\"n\": 2}\n\n{\"n\": 3}\n", R"([{"n":1,"seen":"1-x"},{"n":2,"seen":"2-x"},{"n":3,"seen":"3-x"}])"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const CliResult r = run(args, c.input);
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        EXPECT_EQ(parseJson(r.out).toJson(QJsonDocument::Compact), c.expected) << r.describe();
    }
}

TEST_F(CliRunTest, GarbageInputIsAUsageErrorNamingTheLine)
{
    const CliResult r = run({QStringLiteral("run"), inputFlow(), QStringLiteral("--input"), QStringLiteral("-"), QStringLiteral("--no-store")},
                            "{\"n\": 1}\n{\"n\": 2}\nthis is not json\n");
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    ASSERT_EQ(r.errLines().size(), 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(u"standard input: line 3")) << r.describe();
    EXPECT_TRUE(r.out.isEmpty()) << r.describe();

    const CliResult notObject = run({QStringLiteral("run"), inputFlow(), QStringLiteral("--input"), QStringLiteral("-"),
                                     QStringLiteral("--no-store")},
                                    "[{\"n\": 1}, 5]");
    EXPECT_EQ(notObject.exitCode, 2) << notObject.describe();
    EXPECT_TRUE(notObject.errText().contains(u"item 1 is integer, not an object")) << notObject.describe();
}

TEST_F(CliRunTest, SetOverridesVariablesWithTypedValues)
{
    const QString flow = writeFlow(QStringLiteral("vars.flow.json"),
                                   {QStringLiteral(R"({"id": "s", "type": "core.set", "typeVersion": 1, "name": "Vars",
                                       "params": {"fields": [{"name": "zulu", "value": "{{ vars.a + 1 }}"},
                                                             {"name": "alpha", "value": "{{ vars.b }}"}]}})")},
                                   {QStringLiteral(R"({"from": "t", "to": "s"})")},
                                   QStringLiteral(R"("variables": {"a": 1, "b": "one"})"));
    const CliResult r = run({QStringLiteral("run"), flow, QStringLiteral("--no-store"), QStringLiteral("--set"), QStringLiteral("a=41"),
                             QStringLiteral("--set"), QStringLiteral("b=hello world")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    // Typed (a number, added to), and the fields in the order the flow names them, not sorted.
    EXPECT_EQ(r.outText(), QStringLiteral("[\n  {\"zulu\": 42, \"alpha\": \"hello world\"}\n]\n")) << r.describe();

    const CliResult bad = run({QStringLiteral("run"), flow, QStringLiteral("--no-store"), QStringLiteral("--set"), QStringLiteral("novalue")});
    EXPECT_EQ(bad.exitCode, 2) << bad.describe();
    EXPECT_TRUE(bad.errText().contains(u"--set novalue: expected name=value")) << bad.describe();
}

TEST_F(CliRunTest, JsonEventsAreOneObjectPerLineEndingWithTheResult)
{
    const CliResult r = run({QStringLiteral("run"), inputFlow(), QStringLiteral("--json-events"), QStringLiteral("--run-id"),
                             QStringLiteral("events-1"), QStringLiteral("--input"), QStringLiteral("-")},
                            R"([{"n": 1}, {"n": 2}])");
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    ASSERT_TRUE(r.out.endsWith('\n')) << r.describe();
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    ASSERT_GE(lines.size(), 4) << r.describe();
    QStringList kinds;
    for (const QByteArray& line : lines) {
        const QJsonDocument doc = parseJson(line);
        ASSERT_TRUE(doc.isObject()) << line.toStdString();
        kinds.append(doc.object().value(u"event").toString());
        if (kinds.last() != u"result") {
            EXPECT_EQ(doc.object().value(u"runId").toString(), QStringLiteral("events-1")) << line.toStdString();
        }
    }
    EXPECT_EQ(kinds.first(), QStringLiteral("runStarted"));
    EXPECT_EQ(kinds.count(QStringLiteral("nodeFinished")), 2) << kinds.join(u' ').toStdString();
    EXPECT_EQ(kinds.value(kinds.size() - 2), QStringLiteral("runFinished"));
    const QJsonObject result = parseJson(lines.last()).object();
    EXPECT_EQ(result.value(u"event").toString(), QStringLiteral("result"));
    EXPECT_EQ(result.value(u"runId").toString(), QStringLiteral("events-1"));
    EXPECT_EQ(result.value(u"status").toString(), QStringLiteral("succeeded"));
    EXPECT_EQ(QJsonDocument(result.value(u"items").toArray()).toJson(QJsonDocument::Compact),
              R"([{"n":1,"seen":"1-x"},{"n":2,"seen":"2-x"}])");
}

TEST_F(CliRunTest, TriggerFileChoosesTheTrigger)
{
    const QString flow = writeFlow(
        QStringLiteral("two.flow.json"),
        {QStringLiteral(R"({"id": "b", "type": "core.manualTrigger", "typeVersion": 1, "name": "Second", "params": {}})"),
         QStringLiteral(R"({"id": "sa", "type": "core.set", "typeVersion": 1, "name": "From run", "params": {"fields": [{"name": "from", "value": "run"}]}})"),
         QStringLiteral(R"({"id": "sb", "type": "core.set", "typeVersion": 1, "name": "From second", "params": {"fields": [{"name": "from", "value": "second"}]}})")},
        {QStringLiteral(R"({"from": "t", "to": "sa"})"), QStringLiteral(R"({"from": "b", "to": "sb"})")});

    const CliResult both = run({QStringLiteral("run"), flow, QStringLiteral("--no-store")});
    EXPECT_EQ(parseJson(both.out).toJson(QJsonDocument::Compact), R"([{"from":"run"},{"from":"second"}])") << both.describe();

    const QString trigger = writeFile(QStringLiteral("trigger.json"), R"({"node": "Second", "data": {"k": 1}})");
    const CliResult one = run({QStringLiteral("run"), flow, QStringLiteral("--trigger"), trigger, QStringLiteral("--run-id"),
                               QStringLiteral("triggered")});
    EXPECT_EQ(one.exitCode, 0) << one.describe();
    EXPECT_EQ(parseJson(one.out).toJson(QJsonDocument::Compact), R"([{"from":"second"}])") << one.describe();
    EXPECT_EQ(showRun(QStringLiteral("triggered")).value(u"trigger").toString(), QStringLiteral("trigger"));

    // A trigger the flow does not have would skip every trigger and "succeed" doing nothing.
    const QString nope = writeFile(QStringLiteral("nope.json"), R"({"node": "Nope", "data": {}})");
    const CliResult missing = run({QStringLiteral("run"), flow, QStringLiteral("--trigger"), nope, QStringLiteral("--no-store")});
    EXPECT_EQ(missing.exitCode, 2) << missing.describe();
    ASSERT_EQ(missing.errLines().size(), 1) << missing.describe();
    EXPECT_TRUE(missing.errText().contains(u"no trigger node \"Nope\"")) << missing.describe();
    EXPECT_TRUE(missing.errText().contains(u"\"Second\"")) << missing.describe();

    const QString broken = writeFile(QStringLiteral("broken.json"), "{\"node\": ");
    const CliResult malformed = run({QStringLiteral("run"), flow, QStringLiteral("--trigger"), broken, QStringLiteral("--no-store")});
    EXPECT_EQ(malformed.exitCode, 2) << malformed.describe();
    EXPECT_TRUE(malformed.errText().contains(broken)) << malformed.describe();
}

TEST_F(CliRunTest, BadRunIdIsAUsageError)
{
    for (const QString& id : {QStringLiteral("bad id"), QStringLiteral("../escape"), QStringLiteral(".hidden")}) {
        const CliResult r = run({QStringLiteral("run"), inputFlow(), QStringLiteral("--run-id"), id});
        EXPECT_EQ(r.exitCode, 2) << r.describe();
        ASSERT_EQ(r.errLines().size(), 1) << r.describe();
        EXPECT_TRUE(r.errText().contains(QStringLiteral("--run-id ") + id)) << r.describe();
    }
    EXPECT_TRUE(listRuns().isEmpty());
}

} // namespace taskloom::tests
