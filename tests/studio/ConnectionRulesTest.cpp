// Which connections the canvas accepts, and the reason it gives for the others.

#include "StudioTestSupport.hpp"

#include "app/studio/ConnectionRules.hpp"

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

namespace {

QString reasonFor(const FlowDocument& doc, PortRef a, PortRef b)
{
    QString reason;
    EXPECT_FALSE(ConnectionRules::resolve(doc, a, b, &reason).has_value());
    return reason;
}

} // namespace

TEST(ConnectionRules, AcceptsOutputToInputInEitherDragDirection)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    QString reason;
    auto c = ConnectionRules::resolve(*doc, {QStringLiteral("c"), QStringLiteral("in"), false},
                                      {QStringLiteral("t"), QStringLiteral("out"), true}, &reason);
    ASSERT_TRUE(c) << reason.toStdString();
    EXPECT_EQ(c->fromNode, u"t");
    EXPECT_EQ(c->toNode, u"c");
}

TEST(ConnectionRules, RefusesWrongDirection)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    EXPECT_TRUE(reasonFor(*doc, {QStringLiteral("a"), QStringLiteral("out"), true}, {QStringLiteral("c"), QStringLiteral("out"), true})
                    .startsWith(u"Wrong direction"));
    EXPECT_TRUE(reasonFor(*doc, {QStringLiteral("a"), QStringLiteral("in"), false}, {QStringLiteral("c"), QStringLiteral("in"), false})
                    .startsWith(u"Wrong direction"));
    auto r = ConnectionRules::refusal(*doc, {QStringLiteral("a"), QStringLiteral("in"), QStringLiteral("c"), QStringLiteral("in")});
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->startsWith(u"Wrong direction"));
}

TEST(ConnectionRules, RefusesCycles)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    const QString reason = reasonFor(*doc, {QStringLiteral("c"), QStringLiteral("out"), true}, {QStringLiteral("a"), QStringLiteral("in"), false});
    EXPECT_TRUE(reason.startsWith(u"Cycle")) << reason.toStdString();
    EXPECT_TRUE(reason.contains(u"\"A\"")) << reason.toStdString();
    EXPECT_TRUE(reasonFor(*doc, {QStringLiteral("b"), QStringLiteral("out"), true}, {QStringLiteral("b"), QStringLiteral("in"), false})
                    .startsWith(u"Cycle"));
    // connectPorts gives the same refusal and adds nothing.
    auto refused = doc->connectPorts({QStringLiteral("c"), QStringLiteral("out"), QStringLiteral("a"), QStringLiteral("in")});
    ASSERT_TRUE(refused);
    EXPECT_EQ(doc->flow().connections.size(), 3u);
}

TEST(ConnectionRules, RefusesIncompatiblePortsAndDuplicates)
{
    auto doc = test::makeDocument();
    Flow f = test::chainFlow();
    FlowNode unknown;
    unknown.id = QStringLiteral("u");
    unknown.type = QStringLiteral("vendor.mystery");
    unknown.name = QStringLiteral("Mystery");
    unknown.placeholder = true;
    unknown.raw = Object{{QStringLiteral("id"), QStringLiteral("u")}, {QStringLiteral("type"), QStringLiteral("vendor.mystery")}};
    f.nodes.push_back(unknown);
    f.connections.push_back({QStringLiteral("u"), QStringLiteral("out"), QStringLiteral("c"), QStringLiteral("in")});
    doc->setFlow(f);
    auto noPort = ConnectionRules::refusal(*doc, {QStringLiteral("a"), QStringLiteral("nope"), QStringLiteral("c"), QStringLiteral("in")});
    ASSERT_TRUE(noPort);
    EXPECT_TRUE(noPort->startsWith(u"Incompatible")) << noPort->toStdString();
    auto toUnknown = ConnectionRules::refusal(*doc, {QStringLiteral("u"), QStringLiteral("out"), QStringLiteral("b"), QStringLiteral("in")});
    ASSERT_TRUE(toUnknown);
    EXPECT_TRUE(toUnknown->startsWith(u"Incompatible")) << toUnknown->toStdString();
    EXPECT_TRUE(toUnknown->contains(u"vendor.mystery"));
    auto twice = ConnectionRules::refusal(*doc, {QStringLiteral("a"), QStringLiteral("out"), QStringLiteral("b"), QStringLiteral("in")});
    ASSERT_TRUE(twice);
    EXPECT_EQ(*twice, u"Already connected");
}

TEST(ConnectionRules, ALoopMayReturnToItsReturnInput)
{
    auto doc = test::makeDocument();
    doc->newFlow();
    auto loop = doc->makeNode(QStringLiteral("core.loop"), {200, 0});
    auto body = doc->makeNode(QStringLiteral("core.noop"), {400, 0});
    ASSERT_TRUE(loop && body);
    doc->addNode(*loop);
    doc->addNode(*body);
    ASSERT_FALSE(doc->connectPorts({loop->id, QStringLiteral("loop"), body->id, QStringLiteral("in")}));
    EXPECT_FALSE(doc->connectPorts({body->id, QStringLiteral("out"), loop->id, QStringLiteral("return")}))
        << "the return input closes the one cycle a flow may have";
    auto intoIn = doc->connectPorts({body->id, QStringLiteral("out"), loop->id, QStringLiteral("in")});
    ASSERT_TRUE(intoIn);
    EXPECT_TRUE(intoIn->startsWith(u"Cycle"));
}
