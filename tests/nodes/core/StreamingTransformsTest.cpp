// Limit, Aggregate, Remove Duplicates and Split Out fed many small batches through the real executor: their
// per-run state must carry across calls, and what they emit must not depend on how the input was batched.

#include "CountingSource.hpp"

#include "engine/Executor.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/core/CorePack.hpp"

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

/// One node of a chain: its type and its parameters as JSON.
struct Step {
    const char* type;
    const char* params;
};

class StreamingTransforms : public ::testing::TestWithParam<qsizetype> {
protected:
    StreamingTransforms()
    {
        nodes::core::registerCoreNodes(m_registry);
        m_registry.add(std::make_shared<nodes::core::test::CountingSource>());
    }

    /// `count` generated items -> steps...; returns the last step's items as compact JSON.
    std::string run(qint64 count, const QList<Step>& steps, qint64 groups = 3)
    {
        Flow flow;
        flow.id = QStringLiteral("streaming");
        FlowNode source;
        source.id = source.name = QStringLiteral("source");
        source.type = QStringLiteral("test.count");
        source.params = Object{{QStringLiteral("count"), count}, {QStringLiteral("groups"), groups}};
        flow.nodes.push_back(source);
        QString previous = source.id;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            FlowNode n;
            n.id = n.name = QStringLiteral("node%1").arg(i);
            n.type = QString::fromLatin1(steps[i].type);
            n.params = Json::parse(steps[i].params)->toObject();
            flow.nodes.push_back(n);
            flow.connections.push_back({previous, QStringLiteral("out"), n.id, QStringLiteral("in")});
            previous = n.id;
        }
        Executor executor(m_registry, nullptr);
        RunOptions options;
        options.batchSize = GetParam();
        const RunResult result = executor.run(flow, options);
        EXPECT_EQ(result.status, RunStatus::Succeeded) << result.error.toStdString();
        Array a;
        for (const Item& i : result.output)
            a.append(i.json());
        return Json::serialize(Value(a)).toStdString();
    }

    NodeRegistry m_registry;
};

TEST_P(StreamingTransforms, LimitKeepsTheFirstItemsAcrossBatches)
{
    EXPECT_EQ(run(100, {{"core.limit", R"({"count": 3})"}}),
              R"([{"n":0,"group":"g0"},{"n":1,"group":"g1"},{"n":2,"group":"g2"}])");
    EXPECT_EQ(run(100, {{"core.limit", R"({"count": 3})"},
                        {"core.aggregate", R"({"aggregations": [{"function": "count"}]})"}}),
              R"([{"count":3}])");
}

TEST_P(StreamingTransforms, LimitKeepsTheLastItemsAcrossBatches)
{
    EXPECT_EQ(run(100, {{"core.limit", R"({"count": 2, "keep": "last"})"}}),
              R"([{"n":98,"group":"g2"},{"n":99,"group":"g0"}])");
}

TEST_P(StreamingTransforms, AggregateFoldsEveryBatch)
{
    EXPECT_EQ(run(100, {{"core.aggregate", R"({"groupBy": [{"field": "group"}], "aggregations": [
                                              {"function": "count"}, {"function": "sum", "field": "n"},
                                              {"function": "min", "field": "n"}, {"function": "max", "field": "n"},
                                              {"function": "average", "field": "n"}]})"}}),
              R"([{"group":"g0","count":34,"sum_n":1683,"min_n":0,"max_n":99,"average_n":49.5},)"
              R"({"group":"g1","count":33,"sum_n":1617,"min_n":1,"max_n":97,"average_n":49},)"
              R"({"group":"g2","count":33,"sum_n":1650,"min_n":2,"max_n":98,"average_n":50}])");
}

TEST_P(StreamingTransforms, RemoveDuplicatesRemembersEarlierBatches)
{
    EXPECT_EQ(run(50, {{"core.removeDuplicates", R"({"compare": "fields", "fields": [{"field": "group"}]})"}}, 4),
              R"([{"n":0,"group":"g0"},{"n":1,"group":"g1"},{"n":2,"group":"g2"},{"n":3,"group":"g3"}])");
    EXPECT_EQ(run(50,
                  {{"core.removeDuplicates", R"({"compare": "allExcept", "fields": [{"field": "n"}]})"},
                   {"core.aggregate", R"({"aggregations": [{"function": "collectList", "field": "n"}]})"}},
                  2),
              R"([{"collectList_n":[0,1]}])");
}

TEST_P(StreamingTransforms, SwitchAndSplitOutStream)
{
    EXPECT_EQ(run(20, {{"core.set", R"({"fields": [{"name": "pair", "value": "[1, 2]", "type": "json"}]})"},
                       {"core.splitOut", R"({"field": "pair", "keepOtherFields": true})"},
                       {"core.switch", R"({"mode": "value", "field": "pair",
                                           "valueCases": [{"name": "out", "value": "2"}]})"},
                       {"core.aggregate", R"({"aggregations": [{"function": "count"},
                                                              {"function": "sum", "field": "pair"}]})"}}),
              R"([{"count":20,"sum_pair":40}])");
}

INSTANTIATE_TEST_SUITE_P(BatchSizes, StreamingTransforms,
                         ::testing::Values(qsizetype(1), qsizetype(7), qsizetype(1024)));

} // namespace
