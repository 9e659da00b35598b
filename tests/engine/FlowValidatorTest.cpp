#include "TestNodes.hpp"

#include "engine/FlowReader.hpp"
#include "engine/FlowValidator.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

class FlowValidatorTest : public ::testing::Test {
protected:
    std::unique_ptr<NodeRegistry> registry = makeRegistry();
    FakeExpressionEngine expressions;

    QList<Problem> validate(const Flow& f) const { return FlowValidator(*registry, &expressions).validate(f); }

    // "path: message" of the errors (warnings with a "warning: " prefix).
    QStringList problems(const Flow& f) const
    {
        QStringList out;
        for (const Problem& p : validate(f))
            out.append((p.isError() ? QString() : QStringLiteral("warning: ")) + p.toString());
        return out;
    }

    // A flow of one test.params node (after a trigger) with these parameters.
    Flow paramsFlow(Object params) const
    {
        return makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                         node(QStringLiteral("p"), QStringLiteral("test.params"), std::move(params))},
                        {wire("t", "p")});
    }
};

TEST_F(FlowValidatorTest, AValidFlowHasNoProblems)
{
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "https://example.com/{{ item.id }}"},
                                         {"count", 10},
                                         {"ratio", 0},
                                         {"flag", true},
                                         {"mode", "simple"},
                                         {"rows", Array{Object{{"name", "a"}, {"size", 99}}}},
                                         {"body", Object{{"q", "{{ vars.q }}"}}},
                                         {"script", "return {{ not an expression here"}})),
              QStringList());
}

TEST_F(FlowValidatorTest, ParameterTypes)
{
    EXPECT_EQ(problems(paramsFlow(Object{{"url", Array{1}},
                                         {"count", "lots"},
                                         {"ratio", true},
                                         {"flag", "yes"},
                                         {"mode", "weird"},
                                         {"rows", "a,b"},
                                         {"extra", 1}})),
              (QStringList{"warning: nodes[1].params.extra: test.params has no parameter \"extra\" (kept, unused)",
                           "nodes[1].params.url: expected text, found array",
                           "nodes[1].params.count: expected a number, found \"lots\"",
                           "nodes[1].params.ratio: expected a number, found true",
                           "nodes[1].params.flag: expected true or false, found \"yes\"",
                           "nodes[1].params.mode: \"weird\" is not one of \"simple\", \"advanced\"",
                           "nodes[1].params.rows: expected a list, found string"}));
}

TEST_F(FlowValidatorTest, NumbersAndRanges)
{
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "u"}, {"count", 2.5}, {"ratio", 1.5}})),
              (QStringList{"nodes[1].params.count: expected a whole number, found 2.5",
                           "nodes[1].params.ratio: 1.5 is outside the range 0 to 1"}));
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "u"}, {"count", 0}, {"ratio", "0.25"}})),
              QStringList{"nodes[1].params.count: 0 is outside the range 1 to 10"});
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "u"}, {"count", "7"}, {"ratio", -0.0}})), QStringList());
}

TEST_F(FlowValidatorTest, RequiredOnlyWhenVisible)
{
    // url is always required; detail only when mode is "advanced".
    EXPECT_EQ(problems(paramsFlow(Object{{"mode", "simple"}})),
              QStringList{"nodes[1].params.url: required parameter missing"});
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "  "}, {"mode", "advanced"}})),
              (QStringList{"nodes[1].params.url: required parameter missing",
                           "nodes[1].params.detail: required parameter missing"}));
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "u"}, {"mode", "advanced"}, {"detail", "d"}})), QStringList());
    // A missing mode reads as its default ("simple"): detail stays hidden.
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "u"}})), QStringList());
}

TEST_F(FlowValidatorTest, ListRows)
{
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "u"},
                                         {"rows", Array{Object{{"name", "ok"}},
                                                        "not a row",
                                                        Object{{"size", 5}},
                                                        Object{{"name", "big"}, {"size", 100}},
                                                        Object{{"name", "{{ ((x }}"}}}}})),
              (QStringList{"nodes[1].params.rows[1]: expected an object, found string",
                           "nodes[1].params.rows[2].name: required field missing",
                           "nodes[1].params.rows[3].size: 100 is outside the range 0 to 99",
                           "nodes[1].params.rows[4].name: expression {{ ((x }}: line 1: unbalanced parentheses"}));
}

TEST_F(FlowValidatorTest, ExpressionSyntax)
{
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "a {{ ((1 }} b {{ item.x }}"},
                                         {"count", "{{ item.n }}"},
                                         {"mode", "{{ vars.mode }}"},
                                         {"body", Object{{"list", Array{"fine", "{{ ((y }}"}}}},
                                         {"script", "{{ ((ignored: code is not a template }}"}})),
              (QStringList{"nodes[1].params.url: expression {{ ((1 }}: line 1: unbalanced parentheses",
                           "nodes[1].params.body.list[1]: expression {{ ((y }}: line 1: unbalanced parentheses"}));
    EXPECT_EQ(problems(paramsFlow(Object{{"url", "abc {{ item.x"}})),
              QStringList{"nodes[1].params.url: expression: column 5: \"{{\" without a closing \"}}\""});
}

TEST_F(FlowValidatorTest, NodeTypeChecksAreReported)
{
    // core.if checks its rules' regular expressions itself (NodeType::checkParams).
    const Flow f = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                             node(QStringLiteral("if"), QStringLiteral("core.if"),
                                  Object{{"rules", Array{Object{{"field", "a"}, {"operator", "matches"}, {"value", "(unclosed"}}}}})},
                            {wire("t", "if")});
    const QStringList p = problems(f);
    ASSERT_EQ(p.size(), 1) << p.join(u'\n').toStdString();
    EXPECT_TRUE(p[0].startsWith(u"nodes[1].params.rules[0].value: invalid regular expression \"(unclosed\""))
        << p[0].toStdString();
}

TEST_F(FlowValidatorTest, ConnectionsToMissingNodesAndPorts)
{
    const Flow f = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                             node(QStringLiteral("if"), QStringLiteral("core.if")),
                             node(QStringLiteral("n"), QStringLiteral("core.noop")),
                             node(QStringLiteral("t2"), QStringLiteral("core.manualTrigger"))},
                            {wire("t", "ghost"), wire("ghost", "n"), wire("if", "n", "maybe"), wire("t", "if", "out", "data"),
                             wire("n", "t2"), wire("if", "n", "true"), wire("if", "n", "true")});
    EXPECT_EQ(problems(f),
              (QStringList{"connections[0].to: no node with id \"ghost\"",
                           "connections[1].from: no node with id \"ghost\"",
                           "connections[2].output: node \"if\" has no output \"maybe\" (outputs: true, false)",
                           "connections[3].input: node \"if\" has no input \"data\" (inputs: in)",
                           "connections[4].input: node \"t2\" has no input \"in\" (inputs: none)",
                           "warning: connections[6]: duplicate of connections[5]"}));
}

TEST_F(FlowValidatorTest, RoutedErrorsAddAnErrorOutput)
{
    FlowNode flaky = node(QStringLiteral("f"), QStringLiteral("test.flaky"));
    const auto flow = [&] {
        return makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), flaky,
                         node(QStringLiteral("e"), QStringLiteral("core.noop"))},
                        {wire("t", "f"), wire("f", "e", "error")});
    };
    EXPECT_EQ(problems(flow()), QStringList{"connections[1].output: node \"f\" has no output \"error\" (outputs: out)"});
    flaky.settings.onError = OnError::Route;
    EXPECT_EQ(problems(flow()), QStringList());
}

TEST_F(FlowValidatorTest, SelfConnection)
{
    const Flow f = makeFlow({node(QStringLiteral("n"), QStringLiteral("core.noop"))}, {wire("n", "n")});
    EXPECT_EQ(problems(f), QStringList{"connections[0]: node \"n\" is connected to itself"});
}

TEST_F(FlowValidatorTest, CyclesNameTheirNodes)
{
    // t -> a -> b -> c -> a, and c -> after: only a, b and c are in the cycle.
    const Flow f = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                             node(QStringLiteral("a"), QStringLiteral("core.noop")),
                             node(QStringLiteral("b"), QStringLiteral("core.noop")),
                             node(QStringLiteral("c"), QStringLiteral("core.noop")),
                             node(QStringLiteral("after"), QStringLiteral("core.noop"))},
                            {wire("t", "a"), wire("a", "b"), wire("b", "c"), wire("c", "a"), wire("c", "after")});
    EXPECT_EQ(problems(f), QStringList{"connections: cycle through \"a\", \"b\", \"c\" (cycles are allowed only through a "
                                       "loop node's return input)"});
}

// t -> loop(in); loop(loop) -> set -> tag -> loop(return); loop(done) -> after
Flow loopFlow(std::vector<Connection> extra = {})
{
    std::vector<Connection> c = {wire("t", "loop"), wire("loop", "set", "loop"), wire("set", "tag"),
                                 wire("tag", "loop", "out", "return"), wire("loop", "after", "done")};
    c.insert(c.end(), extra.begin(), extra.end());
    return makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                     node(QStringLiteral("loop"), QStringLiteral("core.loop"), Object{{"batchSize", 2}}),
                     node(QStringLiteral("set"), QStringLiteral("core.noop")),
                     node(QStringLiteral("tag"), QStringLiteral("test.batchTag")),
                     node(QStringLiteral("after"), QStringLiteral("core.noop")),
                     node(QStringLiteral("other"), QStringLiteral("core.noop"))},
                    std::move(c));
}

TEST_F(FlowValidatorTest, LoopCyclesThroughTheReturnInputAreAllowed)
{
    EXPECT_EQ(problems(loopFlow()), QStringList());
    const QSet<qsizetype> body = FlowValidator::loopBody(loopFlow(), 1, QStringLiteral("loop"));
    EXPECT_EQ(body, (QSet<qsizetype>{2, 3}));
}

TEST_F(FlowValidatorTest, LoopBodyMayNotConnectOutside)
{
    // Back into the loop's own "in": not through "return". (It is also a cycle.)
    EXPECT_EQ(problems(loopFlow({wire("tag", "loop")})),
              (QStringList{"connections[5]: \"tag\" is inside the loop body of \"loop\" and cannot connect to \"loop\" outside it; "
                           "use the loop's other output for what comes after the loop",
                           "connections: cycle through \"loop\", \"set\", \"tag\" (cycles are allowed only through a loop node's "
                           "return input)"}));
}

TEST_F(FlowValidatorTest, TheBodyCannotAlsoTakeTheDoneOutput)
{
    // set -> after makes "after" part of the body (it is reached from "loop"), so loop.done -> after can never
    // deliver: the body runs only from the loop output.
    EXPECT_EQ(problems(loopFlow({wire("set", "after")})),
              QStringList{"connections[4]: \"after\" is inside the loop body of \"loop\" (it is reached from the \"loop\" "
                          "output) and cannot also take its \"done\" output; connect the end of the body to \"return\""});
}

TEST_F(FlowValidatorTest, ABodyMayEndWithoutReturning)
{
    // A dead end inside the body: its items are dropped, which is allowed.
    EXPECT_EQ(problems(loopFlow({wire("set", "other")})), QStringList());
    EXPECT_EQ(FlowValidator::loopBody(loopFlow({wire("set", "other")}), 1, QStringLiteral("loop")), (QSet<qsizetype>{2, 3, 5}));
}

TEST_F(FlowValidatorTest, OutsideNodesMayNotFeedTheBody)
{
    EXPECT_EQ(problems(loopFlow({wire("t", "tag")})),
              QStringList{"connections[5]: \"t\" is outside the loop body of \"loop\" and cannot feed \"tag\" inside it"});
}

TEST_F(FlowValidatorTest, OnlyTheBodyReturnsToTheLoop)
{
    EXPECT_EQ(problems(loopFlow({wire("t", "loop", "out", "return")})),
              QStringList{"connections[5]: only nodes inside the loop body of \"loop\" can connect to its \"return\" input"});
}

TEST_F(FlowValidatorTest, ACycleInsideALoopBodyIsStillACycle)
{
    const QStringList p = problems(loopFlow({wire("tag", "set")}));
    ASSERT_EQ(p.size(), 1) << p.join(u'\n').toStdString();
    EXPECT_TRUE(p[0].startsWith(u"connections: cycle through \"set\", \"tag\"")) << p[0].toStdString();
}

TEST_F(FlowValidatorTest, PlaceholdersAreErrors)
{
    auto r = FlowReader::parse(R"({"format": "taskloom-flow", "version": 1, "id": "x", "name": "n",
        "nodes": [{"id": "a", "type": "acme.crm", "name": "CRM"}, {"id": "b", "type": "core.noop", "name": "B"}],
        "connections": [{"from": "a", "output": "anything", "to": "b"}]})",
                               *registry);
    ASSERT_TRUE(r.flow.has_value());
    EXPECT_EQ(problems(*r.flow), QStringList{"nodes[0].type: unknown node type \"acme.crm\" (node \"CRM\")"});
}

TEST_F(FlowValidatorTest, ReaderAndValidatorTogetherReportEveryMistake)
{
    // Five different mistakes, each reported once with its path.
    auto r = FlowReader::parse(R"({"format": "taskloom-flow", "version": 1, "id": "x", "name": "five mistakes",
        "nodes": [
          {"id": "t", "type": "core.manualTrigger", "name": "Start"},
          {"id": "w", "type": "core.wait", "name": "Wait", "params": {"seconds": -1}},
          {"id": "l", "type": "core.log", "name": "Log", "params": {"message": "{{ ((item }}"}},
          {"id": "p", "type": "test.params", "name": "Params", "params": {}},
          {"id": "s", "type": "core.noop", "name": "Sink", "settings": {"onError": "ignore"}}
        ],
        "connections": [{"from": "t", "to": "w"}, {"from": "w", "to": "l"}, {"from": "l", "to": "p"},
                        {"from": "p", "output": "results", "to": "s"}]})",
                               *registry);
    ASSERT_TRUE(r.flow.has_value());
    QStringList all;
    for (const Problem& p : r.problems + validate(*r.flow))
        all.append(p.toString());
    EXPECT_EQ(all, (QStringList{"nodes[4].settings.onError: expected \"stop\", \"continue\" or \"route\", found \"ignore\"",
                                "nodes[1].params.seconds: -1 is outside the range 0 to 2678400",
                                "nodes[2].params.message: expression {{ ((item }}: line 1: unbalanced parentheses",
                                "nodes[3].params.url: required parameter missing",
                                "connections[3].output: node \"Params\" has no output \"results\" (outputs: out)"}));
}

} // namespace
