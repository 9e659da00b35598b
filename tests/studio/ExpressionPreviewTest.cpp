// Expression previews in the inspector: a field holding {{ }} shows its value on the last run's first input
// item, or the evaluation error.

#include "StudioTestSupport.hpp"

#include "app/studio/ExpressionPreview.hpp"
#include "app/studio/InspectorWidget.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/RunPanel.hpp"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

namespace {

FlowNode setNode(const QString& value)
{
    FlowNode n;
    n.id = QStringLiteral("s");
    n.name = QStringLiteral("Set");
    n.type = QStringLiteral("core.set");
    n.params.insert(QStringLiteral("fields"), Array{Object{{QStringLiteral("name"), "x"}, {QStringLiteral("value"), value}}});
    return n;
}

} // namespace

TEST(ExpressionPreview, EvaluatesOnTheFirstInputItemLikeARun)
{
    const auto& rt = test::runtime();
    PreviewData data;
    data.hasRun = true;
    data.expectsInput = true;
    data.input = {Item(Object{{QStringLiteral("price"), 2.5}, {QStringLiteral("qty"), 4}}),
                  Item(Object{{QStringLiteral("price"), 100}, {QStringLiteral("qty"), 1}})};
    data.outputsByName.insert(QStringLiteral("Start"), {Item(Object{{QStringLiteral("who"), "Ada"}})});
    const Object vars{{QStringLiteral("rate"), 3}};

    const FlowNode typed = setNode(QStringLiteral("{{ item.price * item.qty * vars.rate }}"));
    EXPECT_TRUE(paramHasExpression(rt.registry(), typed, QStringLiteral("fields")));
    auto v = previewParam(rt.registry(), &rt.expressions(), typed, QStringLiteral("fields"), vars, data);
    ASSERT_TRUE(v) << v.error().toStdString();
    EXPECT_EQ(previewText(*v), u"[{\"name\":\"x\",\"value\":30}]") << "a single expression keeps its type";

    auto text = previewParam(rt.registry(), &rt.expressions(), setNode(QStringLiteral("Hi {{ node[\"Start\"].json.who }}")),
                             QStringLiteral("fields"), vars, data);
    ASSERT_TRUE(text) << text.error().toStdString();
    EXPECT_TRUE(previewText(*text).contains(QStringLiteral("\"Hi Ada\"")));

    auto bad = previewParam(rt.registry(), &rt.expressions(), setNode(QStringLiteral("{{ item.nothing.deeper }}")),
                            QStringLiteral("fields"), vars, data);
    ASSERT_FALSE(bad);
    EXPECT_FALSE(bad.error().isEmpty());
    auto syntax = previewParam(rt.registry(), &rt.expressions(), setNode(QStringLiteral("{{ item.price + }}")),
                               QStringLiteral("fields"), vars, data);
    ASSERT_FALSE(syntax);

    EXPECT_FALSE(paramHasExpression(rt.registry(), setNode(QStringLiteral("plain")), QStringLiteral("fields")));
    EXPECT_EQ(previewText(Value(QString(400, u'a')), 10), QStringLiteral("aaaaaaaaaa…"));
}

TEST(ExpressionPreview, TheInspectorShowsPreviewsAfterARun)
{
    QTemporaryDir dir;
    const QString path = test::copyExample(dir, QStringLiteral("orders-report"));
    MainWindow window(test::runtime());
    ASSERT_TRUE(window.openFile(path, false));
    InspectorWidget* inspector = window.inspector();
    inspector->setNode(QStringLiteral("write"));
    ParamField* pathField = inspector->field(QStringLiteral("path"));
    ASSERT_TRUE(pathField);
    EXPECT_TRUE(pathField->preview().startsWith(QStringLiteral("Run the flow"))) << pathField->preview().toStdString();
    ParamField* lineEnding = inspector->field(QStringLiteral("lineEnding"));
    ASSERT_TRUE(lineEnding);
    EXPECT_TRUE(lineEnding->preview().isEmpty()) << "no expression, no preview";

    QSignalSpy finished(window.runController(), &RunController::finished);
    window.runFlow();
    ASSERT_TRUE(finished.wait(120000));
    EXPECT_EQ(pathField->preview(), u"= out/revenue-by-region.csv");

    // Editing the field updates the preview at once, with the item from the node's input.
    inspector->setNode(QStringLiteral("round"));
    ParamField* fields = inspector->field(QStringLiteral("fields"));
    ASSERT_TRUE(fields);
    const Item first = window.runPanel()->outputOf(QStringLiteral("totals")).first();
    const QString region = first.json().value(u"region").toString();
    ASSERT_FALSE(region.isEmpty());
    Object params = window.document()->node(QStringLiteral("round"))->params;
    params.insert(QStringLiteral("fields"), Array{Object{{QStringLiteral("name"), "r"}, {QStringLiteral("value"), "{{ item.region }}!"}}});
    window.document()->setParams(QStringLiteral("round"), params, QStringLiteral("fields"));
    fields = inspector->field(QStringLiteral("fields"));
    EXPECT_TRUE(fields->preview().contains(region + u'!')) << fields->preview().toStdString();
    EXPECT_FALSE(fields->previewIsError());

    params.insert(QStringLiteral("fields"), Array{Object{{QStringLiteral("name"), "r"}, {QStringLiteral("value"), "{{ item.region.x.y }}"}}});
    window.document()->setParams(QStringLiteral("round"), params, QStringLiteral("fields"));
    fields = inspector->field(QStringLiteral("fields"));
    EXPECT_TRUE(fields->previewIsError()) << fields->preview().toStdString();
    EXPECT_FALSE(fields->preview().isEmpty());
}
