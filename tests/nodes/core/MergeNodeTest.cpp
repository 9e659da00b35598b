#include "nodes/core/MergeNode.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using taskloom::nodes::core::MergeNode;

namespace {

QStringList inputs(const char* json)
{
    const Ports p = MergeNode().ports(Json::parse(json)->toObject(), NodeSettings());
    QStringList out;
    for (const PortSpec& s : p.inputs)
        out.append(s.name);
    return out;
}

TEST(MergeNode, InputsFollowTheCount)
{
    EXPECT_EQ(inputs("{}"), (QStringList{QStringLiteral("in1"), QStringLiteral("in2")}));
    EXPECT_EQ(inputs(R"({"inputs": 4})"), (QStringList{QStringLiteral("in1"), QStringLiteral("in2"), QStringLiteral("in3"), QStringLiteral("in4")}));
    EXPECT_EQ(inputs(R"({"mode": "wait", "inputs": 3})").size(), 3);
    EXPECT_EQ(inputs(R"({"inputs": 99})").size(), MergeNode::maxInputs) << "the validator reports the range; ports stay usable";
    EXPECT_EQ(inputs(R"({"inputs": "{{ 5 }}"})").size(), 2);
}

TEST(MergeNode, MatchingFieldsJoinsExactlyTwoInputs)
{
    EXPECT_EQ(inputs(R"({"mode": "matchFields", "inputs": 5})"), (QStringList{QStringLiteral("in1"), QStringLiteral("in2")}));
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
