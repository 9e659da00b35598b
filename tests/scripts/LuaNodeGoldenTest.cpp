// Golden flow tests for the example Lua node types (examples/custom-nodes/nodes) and the bundled ones. Each
// folder under tests/scripts/golden/ holds flow.json and expected.json, read like tests/golden:
//   {"status": "succeeded", "input": [...], "variables": {...}, "nodes": {"Name": [...]}, "error": "substring"}
// Items compare as JSON text, so field order is checked too.

#include "engine/Executor.hpp"
#include "engine/FlowReader.hpp"
#include "engine/FlowValidator.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/builtin.hpp"
#include "scripts/LuaExpressionEngine.hpp"
#include "scripts/LuaNodes.hpp"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

inline void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }

using namespace taskloom;
using namespace taskloom::engine;

namespace {

const QString goldenDir = QStringLiteral(TASKLOOM_SOURCE_DIR "/tests/scripts/golden");
const QString exampleNodes = QStringLiteral(TASKLOOM_SOURCE_DIR "/examples/custom-nodes/nodes");

QStringList cases()
{
    QStringList out;
    for (const QString& name : QDir(goldenDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFile::exists(goldenDir + u'/' + name + QStringLiteral("/flow.json")))
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

class LuaNodeGolden : public ::testing::TestWithParam<QString> {};

TEST_P(LuaNodeGolden, MatchesExpected)
{
    const QString dir = goldenDir + u'/' + GetParam();
    NodeRegistry registry;
    nodes::registerBuiltinNodes(registry);
    const QStringList problems = scripts::loadLuaNodes(registry, {exampleNodes, {}});
    ASSERT_TRUE(problems.isEmpty()) << problems.join(u'\n').toStdString();
    scripts::LuaExpressionEngine expressions;

    auto expected = Json::parse(readFile(dir + QStringLiteral("/expected.json")));
    ASSERT_TRUE(expected.has_value()) << "expected.json: " << expected.error().toString().toStdString();
    const Object& exp = expected->objectRef();
    FlowReader::Result loaded = FlowReader::load(dir + QStringLiteral("/flow.json"), registry);
    QStringList errors;
    for (const Problem& p : loaded.problems)
        errors.append(p.toString());
    if (loaded.flow) {
        for (const Problem& p : FlowValidator(registry, &expressions).validate(*loaded.flow)) {
            if (p.isError())
                errors.append(p.toString());
        }
    }
    ASSERT_TRUE(errors.isEmpty() && loaded.flow) << errors.join(u'\n').toStdString();

    RunOptions options;
    options.flowPath = dir + QStringLiteral("/flow.json");
    options.variables = exp.value(u"variables").toObject();
    for (const Value& v : exp.value(u"input").arrayRef())
        options.input.append(Item(v.toObject()));
    Executor executor(registry, &expressions);
    const RunResult result = executor.run(*loaded.flow, options);

    const QString status = exp.value(u"status").isNull() ? QStringLiteral("succeeded") : exp.value(u"status").toText();
    EXPECT_EQ(runStatusName(result.status), status) << result.error.toStdString();
    if (exp.contains(u"error")) {
        EXPECT_TRUE(result.error.contains(exp.value(u"error").toText())) << "error was: " << result.error.toStdString();
    }
    for (const auto& [name, items] : exp.value(u"nodes").objectRef()) {
        const FlowNode* node = loaded.flow->nodeByName(name);
        ASSERT_NE(node, nullptr) << "no node named " << name.toStdString();
        EXPECT_EQ(itemsText(result.outputs.value(node->id)), QString::fromUtf8(Json::serialize(items, Json::WriteOptions{true, 0})))
            << "node " << name.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Flows, LuaNodeGolden, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<QString>& info) {
                             QString n = info.param;
                             n.replace(u'-', u'_');
                             return n.toStdString();
                         });

} // namespace
