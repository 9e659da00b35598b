#include "FileNodesTestSupport.hpp"

using namespace taskloom;
using namespace taskloom::engine;

namespace {

class JsonNodes : public tests::FlowFixture {};

} // namespace

TEST_F(JsonNodes, ReadArrayObjectAndItemsPath)
{
    put("list.json", "\xEF\xBB\xBF[{\"b\":1,\"a\":2},{\"b\":3},7]");
    put("one.json", "{\"data\":{\"orders\":[{\"id\":1},{\"id\":2}]}}");
    add("Start", "core.manualTrigger");
    add("Read", "core.jsonRead", {{"path", "list.json"}});
    chain({"Start", "Read"});
    RunResult r = run(2);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"b":1,"a":2},{"b":3},{"value":7}])");

    m_flow.nodes[1].params.insert(QStringLiteral("path"), QStringLiteral("one.json"));
    r = run();
    EXPECT_EQ(json(r.output), R"([{"data":{"orders":[{"id":1},{"id":2}]}}])");
    m_flow.nodes[1].params.insert(QStringLiteral("itemsPath"), QStringLiteral("data.orders"));
    r = run();
    EXPECT_EQ(json(r.output), R"([{"id":1},{"id":2}])");
}

TEST_F(JsonNodes, JsonLinesStreamAndNameTheBrokenLine)
{
    put("events.jsonl", "{\"n\":1}\n\n{\"n\":2}\r\n{\"n\":3}\n{\"n\":4,}\n");
    add("Start", "core.manualTrigger");
    add("Read", "core.jsonRead", {{"path", "events.jsonl"}});
    chain({"Start", "Read"});
    const RunResult r = run(1);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "JSON_PARSE_ERROR");
    EXPECT_TRUE(r.error.contains(QStringLiteral("events.jsonl\": line 5, column"))) << r.error.toStdString();

    put("events.jsonl", "{\"n\":1}\n\n{\"n\":2}\r\n");
    const RunResult ok = run(1);
    EXPECT_EQ(json(ok.output), R"([{"n":1},{"n":2}])");
}

TEST_F(JsonNodes, WriteArrayPrettyAndLines)
{
    const ItemList input = {Item(Object{{"z", 1}, {"a", Array{1, 2}}}), Item(Object{{"z", 2}})};
    add("Start", "core.manualTrigger");
    add("Write", "core.jsonWrite", {{"path", "out.json"}});
    chain({"Start", "Write"});
    RunResult r = run(1, input);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(contents("out.json"), "[{\"z\":1,\"a\":[1,2]},{\"z\":2}]\n");
    EXPECT_EQ(json(r.output), QStringLiteral(R"([{"path":"%1","items":2}])").arg(QDir::toNativeSeparators(path("out.json"))));

    m_flow.nodes[1].params.insert(QStringLiteral("pretty"), true);
    run(1, input);
    EXPECT_EQ(contents("out.json"), "[\n  {\n    \"z\": 1,\n    \"a\": [\n      1,\n      2\n    ]\n  },\n  {\n    \"z\": 2\n  }\n]\n");

    m_flow.nodes[1].params = {{"path", "out.jsonl"}, {"format", "lines"}, {"mode", "append"}};
    run(1, input);
    run(1, input);
    EXPECT_EQ(contents("out.jsonl"), "{\"z\":1,\"a\":[1,2]}\n{\"z\":2}\n{\"z\":1,\"a\":[1,2]}\n{\"z\":2}\n");
    EXPECT_EQ(files(), (QStringList{"out.json", "out.jsonl"}));
}

TEST_F(JsonNodes, AppendingToAnArrayIsRefused)
{
    const NodeType* type = m_registry.find(u"core.jsonWrite");
    EXPECT_EQ(type->checkParams(Object{{"mode", "append"}}).size(), 1);
    EXPECT_TRUE(type->checkParams(Object{{"mode", "append"}, {"format", "lines"}}).isEmpty());
}

TEST_F(JsonNodes, ParseIntoFieldSameFieldOrMerge)
{
    const ItemList input = {Item(Object{{"id", 1}, {"body", R"({"x":1,"id":9})"}})};
    add("Start", "core.manualTrigger");
    add("Parse", "core.jsonParse", {{"field", "body"}});
    chain({"Start", "Parse"});
    EXPECT_EQ(json(run(1024, input).output), R"([{"id":1,"body":{"x":1,"id":9}}])");
    m_flow.nodes[1].params = {{"field", "body"}, {"output", "field"}, {"targetField", "parsed.value"}};
    EXPECT_EQ(json(run(1024, input).output), R"([{"id":1,"body":"{\"x\":1,\"id\":9}","parsed":{"value":{"x":1,"id":9}}}])");
    m_flow.nodes[1].params = {{"field", "body"}, {"output", "merge"}};
    EXPECT_EQ(json(run(1024, input).output), R"([{"id":9,"body":"{\"x\":1,\"id\":9}","x":1}])");
}

TEST_F(JsonNodes, ParseErrorsNameFieldAndPosition)
{
    add("Start", "core.manualTrigger");
    add("Parse", "core.jsonParse", {{"field", "body"}});
    chain({"Start", "Parse"});
    RunResult r = run(1024, {Item(Object{{"body", "{\"a\":1,\n\"b\" 2}"}})});
    EXPECT_EQ(r.errorCode, "JSON_PARSE_ERROR");
    EXPECT_TRUE(r.error.contains("field \"body\" is not valid JSON: line 2, column 5")) << r.error.toStdString();
    r = run(1024, {Item(Object{{"other", 1}})});
    EXPECT_EQ(r.errorCode, "FIELD_MISSING");
    m_flow.nodes[1].params = {{"field", "body"}, {"output", "merge"}};
    r = run(1024, {Item(Object{{"body", "[1]"}})});
    EXPECT_EQ(r.errorCode, "NOT_AN_OBJECT");
}

TEST_F(JsonNodes, StringifyFieldOrWholeItem)
{
    const ItemList input = {Item(Object{{"id", 1}, {"order", Object{{"n", 2}}}})};
    add("Start", "core.manualTrigger");
    add("Text", "core.jsonStringify", {{"field", "order"}});
    chain({"Start", "Text"});
    EXPECT_EQ(json(run(1024, input).output), R"([{"id":1,"order":"{\"n\":2}"}])");
    m_flow.nodes[1].params = {{"source", "item"}, {"pretty", true}};
    EXPECT_EQ(json(run(1024, input).output),
              R"([{"id":1,"order":{"n":2},"json":"{\n  \"id\": 1,\n  \"order\": {\n    \"n\": 2\n  }\n}"}])");
}
