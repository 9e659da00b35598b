#include "nodes/core/SwitchNode.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using taskloom::nodes::core::SwitchNode;

namespace {

Object params(QByteArrayView json) { return Json::parse(json)->toObject(); }

QStringList names(const QList<PortSpec>& ports)
{
    QStringList out;
    for (const PortSpec& p : ports)
        out.append(p.name);
    return out;
}

TEST(SwitchNode, CaseNamesAreUniqueWithDefaults)
{
    const SwitchNode node;
    EXPECT_EQ(node.caseNames(params(R"({"cases": [{"name": " big "}, {}, {"name": "big"}, {"name": "big 2"}, {"name": "fallback"},
                                                  {"name": "error"}, {"name": "case 2"}]})")),
              (QStringList{QStringLiteral("big"), QStringLiteral("case 2"), QStringLiteral("big 2"), QStringLiteral("big 2 2"),
                           QStringLiteral("fallback 2"), QStringLiteral("error 2"), QStringLiteral("case 2 2")}));
    EXPECT_TRUE(node.caseNames(Object()).isEmpty());
}

TEST(SwitchNode, ModeChoosesTheCaseList)
{
    const SwitchNode node;
    const char* both = R"({"cases": [{"name": "r"}], "valueCases": [{"name": "v1"}, {"value": "x"}]%1})";
    EXPECT_EQ(node.caseNames(params(QString::fromLatin1(both).arg(QString()).toUtf8())), QStringList{QStringLiteral("r")});
    EXPECT_EQ(node.caseNames(params(QString::fromLatin1(both).arg(QStringLiteral(", \"mode\": \"value\"")).toUtf8())),
              (QStringList{QStringLiteral("v1"), QStringLiteral("case 2")}));
}

TEST(SwitchNode, PortsFollowCasesFallbackAndErrorRouting)
{
    const SwitchNode node;
    NodeSettings settings;
    Ports p = node.ports(params(R"({"cases": [{"name": "a"}, {}]})"), settings);
    EXPECT_EQ(names(p.inputs), QStringList{QStringLiteral("in")});
    EXPECT_EQ(names(p.outputs), (QStringList{QStringLiteral("a"), QStringLiteral("case 2")}));
    settings.onError = OnError::Route;
    p = node.ports(params(R"({"cases": [{"name": "a"}], "fallback": true})"), settings);
    EXPECT_EQ(names(p.outputs), (QStringList{QStringLiteral("a"), QStringLiteral("fallback"), QStringLiteral("error")}));
}

} // namespace
