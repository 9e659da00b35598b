// The shared harness for golden flow tests. Each folder under tests/golden/ holds:
//   flow.json      a flow
//   expected.json  {"status": "succeeded", "output": [...], "nodes": {"Name": [...]}, "error": "substring",
//                   "files": {"name": "text"}, "input": [...], "variables": {...}}
// The run gets the variable `tmp` (a fresh folder); "files" are read from there after the run. Items compare
// as JSON text, so field order is checked too.

#include "engine/Executor.hpp"
#include "engine/FlowReader.hpp"
#include "engine/FlowValidator.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/builtin.hpp"
#include "scripts/LuaExpressionEngine.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// QString printing for gtest messages (test names and failures).
inline void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }

using namespace taskloom;
using namespace taskloom::engine;

namespace {

QStringList goldenCases()
{
    QStringList out;
    const QDir dir(QStringLiteral(TASKLOOM_SOURCE_DIR "/tests/golden"));
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFile::exists(dir.filePath(name + QStringLiteral("/flow.json"))))
            out.append(name);
    }
    return out;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString itemsText(const ItemList& items)
{
    Array a;
    for (const Item& i : items)
        a.append(i.toExternalJson());
    return QString::fromUtf8(Json::serialize(Value(a), Json::WriteOptions{true, 0}));
}

QString valueText(const Value& v)
{
    return QString::fromUtf8(Json::serialize(v, Json::WriteOptions{true, 0}));
}

class GoldenFlow : public ::testing::TestWithParam<QString> {};

TEST_P(GoldenFlow, MatchesExpected)
{
    const QString dir = QStringLiteral(TASKLOOM_SOURCE_DIR "/tests/golden/") + GetParam();
    NodeRegistry registry;
    nodes::registerBuiltinNodes(registry);
    scripts::LuaExpressionEngine expressions;

    auto expected = Json::parse(readFile(dir + QStringLiteral("/expected.json")));
    ASSERT_TRUE(expected.has_value()) << "expected.json: " << expected.error().toString().toStdString();
    const Object& exp = expected->objectRef();

    FlowReader::Result loaded = FlowReader::load(dir + QStringLiteral("/flow.json"), registry);
    QList<Problem> problems = loaded.problems;
    if (loaded.flow)
        problems.append(FlowValidator(registry, &expressions).validate(*loaded.flow));
    QStringList errors;
    for (const Problem& p : problems) {
        if (p.isError())
            errors.append(p.toString());
    }
    if (exp.contains(u"invalid")) {
        ASSERT_FALSE(errors.isEmpty()) << "the flow was expected to be invalid";
        EXPECT_TRUE(errors.join(u'\n').contains(exp.value(u"invalid").toText()))
            << "problems: " << errors.join(u'\n').toStdString();
        return;
    }
    ASSERT_TRUE(errors.isEmpty()) << errors.join(u'\n').toStdString();

    QTemporaryDir tmp;
    RunOptions options;
    options.flowPath = dir + QStringLiteral("/flow.json");
    options.variables = exp.value(u"variables").toObject();
    options.variables.insert(QStringLiteral("tmp"), tmp.path());
    for (const Value& v : exp.value(u"input").arrayRef())
        options.input.append(Item(v.toObject()));
    Executor executor(registry, &expressions);
    const RunResult result = executor.run(*loaded.flow, options);

    const QString status = exp.value(u"status").isNull() ? QStringLiteral("succeeded") : exp.value(u"status").toText();
    EXPECT_EQ(runStatusName(result.status), status) << result.error.toStdString();
    if (exp.contains(u"error")) {
        EXPECT_TRUE(result.error.contains(exp.value(u"error").toText())) << "error was: " << result.error.toStdString();
    }
    if (exp.contains(u"output")) {
        EXPECT_EQ(itemsText(result.output), valueText(exp.value(u"output")));
    }
    for (const auto& [name, items] : exp.value(u"nodes").objectRef()) {
        const FlowNode* node = loaded.flow->nodeByName(name);
        ASSERT_NE(node, nullptr) << "no node named " << name.toStdString();
        EXPECT_EQ(itemsText(result.outputs.value(node->id)), valueText(items)) << "node " << name.toStdString();
    }
    for (const auto& [name, text] : exp.value(u"files").objectRef()) {
        const QString path = QDir(tmp.path()).filePath(name);
        if (text.isNull()) {
            EXPECT_FALSE(QFile::exists(path)) << name.toStdString() << " should not exist";
        } else {
            EXPECT_EQ(QString::fromUtf8(readFile(path)), text.toText()) << "file " << name.toStdString();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Flows, GoldenFlow, ::testing::ValuesIn(goldenCases()),
                         [](const ::testing::TestParamInfo<QString>& info) {
                             QString n = info.param;
                             n.replace(u'-', u'_');
                             return n.toStdString();
                         });

} // namespace
