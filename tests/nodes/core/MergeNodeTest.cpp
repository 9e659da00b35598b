#include "nodes/core/MergeNode.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using taskloom::nodes::core::MergeNode;

namespace {

// The input port names, joined with "|".
QString inputs(const char* json)
{
    const Ports p = MergeNode().ports(Json::parse(json)->toObject(), NodeSettings());
    QStringList out;
    for (const PortSpec& s : p.inputs)
        out.append(s.name);
    return out.join(u'|');
}

TEST(MergeNode, InputsFollowTheCount)
{
    EXPECT_EQ(inputs("{}"), u"in1|in2");
    EXPECT_EQ(inputs(R"({"inputs": 4})"), u"in1|in2|in3|in4");
    EXPECT_EQ(inputs(R"({"mode": "wait", "inputs": 3})"), u"in1|in2|in3");
    EXPECT_EQ(inputs(R"({"inputs": 99})"), u"in1|in2|in3|in4|in5|in6|in7|in8|in9|in10")
        << "the validator reports the range; ports stay usable";
    EXPECT_EQ(inputs(R"({"inputs": "{{ 5 }}"})"), u"in1|in2");
}

TEST(MergeNode, MatchingFieldsJoinsExactlyTwoInputs)
{
    EXPECT_EQ(inputs(R"({"mode": "matchFields", "inputs": 5})"), u"in1|in2");
}

TEST(MergeNode, OneOutputPlusErrorWhenRouting)
{
    NodeSettings settings;
    settings.onError = OnError::Route;
    const Ports p = MergeNode().ports(Object(), settings);
    ASSERT_EQ(p.outputs.size(), 2);
    EXPECT_EQ(p.outputs[0].name, u"out");
    EXPECT_EQ(p.outputs[1].name, u"error");
}

} // namespace
