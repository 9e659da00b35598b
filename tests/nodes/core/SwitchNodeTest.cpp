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
    const Object cases = params(R"({"cases": [{"name": " big "}, {}, {"name": "big"}, {"name": "big 2"},
                                              {"name": "fallback"}, {"name": "error"}, {"name": "case 2"}]})");
    EXPECT_EQ(node.caseNames(cases).join(u'|'), u"big|case 2|big 2|big 2 2|fallback 2|error 2|case 2 2");
    EXPECT_TRUE(node.caseNames(Object()).isEmpty());
}

TEST(SwitchNode, ModeChoosesTheCaseList)
{
    const SwitchNode node;
    const char* both = R"({"cases": [{"name": "r"}], "valueCases": [{"name": "v1"}, {"value": "x"}]%1})";
    const QString byValue = QStringLiteral(", \"mode\": \"value\"");
    EXPECT_EQ(node.caseNames(params(QString::fromLatin1(both).arg(QString()).toUtf8())).join(u'|'), u"r");
    EXPECT_EQ(node.caseNames(params(QString::fromLatin1(both).arg(byValue).toUtf8())).join(u'|'), u"v1|case 2");
}

TEST(SwitchNode, PortsFollowCasesFallbackAndErrorRouting)
{
    const SwitchNode node;
    NodeSettings settings;
    Ports p = node.ports(params(R"({"cases": [{"name": "a"}, {}]})"), settings);
    EXPECT_EQ(names(p.inputs).join(u'|'), u"in");
    EXPECT_EQ(names(p.outputs).join(u'|'), u"a|case 2");
    settings.onError = OnError::Route;
    p = node.ports(params(R"({"cases": [{"name": "a"}], "fallback": true})"), settings);
    EXPECT_EQ(names(p.outputs).join(u'|'), u"a|fallback|error");
}

} // namespace
