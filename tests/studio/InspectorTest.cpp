// The inspector is generated for every registered node type; edits become undoable document changes.

#include "StudioTestSupport.hpp"

#include "app/studio/InspectorWidget.hpp"
#include "app/studio/ParamField.hpp"
#include "engine/NodeRegistry.hpp"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

TEST(Inspector, BuildsAFieldForEveryParameterOfEveryNodeType)
{
    auto doc = test::makeDocument();
    doc->newFlow();
    InspectorWidget inspector(*doc);
    inspector.resize(380, 700);
    const QList<const NodeType*> types = test::runtime().registry().types();
    ASSERT_GT(types.size(), 20);
    for (const NodeType* type : types) {
        SCOPED_TRACE(type->spec().type.toStdString());
        auto node = doc->makeNode(type->spec().type, {0, 0});
        ASSERT_TRUE(node);
        doc->addNode(*node);
        inspector.setNode(node->id);
        EXPECT_EQ(inspector.nameEdit()->text(), node->name);
        EXPECT_EQ(inspector.fields().size(), type->spec().params.size());
        for (const ParamSpec& p : type->spec().params) {
            ParamField* f = inspector.field(p.name);
            ASSERT_TRUE(f) << p.name.toStdString();
            // What the field shows for the defaults is what the flow holds: opening a node changes nothing.
            const Value shown = f->value();
            const Value held = node->params.value(p.name);
            if (!held.isNull() && p.type != ParamType::Json) {
                EXPECT_EQ(shown.toText(), held.toText()) << p.name.toStdString();
            }
        }
        EXPECT_EQ(doc->node(node->id)->params, node->params);
    }
}

TEST(Inspector, EditingAFieldIsUndoableAndSurvivesUndo)
{
    auto doc = test::makeDocument();
    doc->newFlow();
    auto csv = doc->makeNode(QStringLiteral("core.csvRead"), {0, 0});
    ASSERT_TRUE(csv);
    doc->addNode(*csv);
    InspectorWidget inspector(*doc);
    inspector.setNode(csv->id);
    ParamField* path = inspector.field(QStringLiteral("path"));
    ASSERT_TRUE(path);
    auto* line = path->editor()->findChild<QLineEdit*>(QStringLiteral("path"));
    ASSERT_TRUE(line);
    line->setFocus();
    QTest::keyClicks(line, QStringLiteral("orders.csv"));
    EXPECT_EQ(doc->node(csv->id)->params.value(u"path").toString(), u"orders.csv");
    EXPECT_TRUE(doc->undoStack()->undoText().contains(u"of \"Read CSV"))
        << doc->undoStack()->undoText().toStdString();
    doc->undoStack()->undo();
    EXPECT_TRUE(doc->node(csv->id)->params.value(u"path").toString().isEmpty());
    ParamField* again = inspector.field(QStringLiteral("path"));
    EXPECT_TRUE(again->value().toString().isEmpty()) << "the inspector follows undo";
}

TEST(Inspector, VisibilityRulesFollowValues)
{
    auto doc = test::makeDocument();
    doc->newFlow();
    InspectorWidget inspector(*doc);
    inspector.show();
    int checked = 0;
    for (const NodeType* type : test::runtime().registry().types()) {
        auto node = doc->makeNode(type->spec().type, {0, 0});
        doc->addNode(*node);
        inspector.setNode(node->id);
        for (const ParamSpec& p : type->spec().params) {
            if (p.showIf.size() != 1 || p.showIf.first().values.isEmpty())
                continue;
            const VisibilityRule& rule = p.showIf.first();
            const ParamSpec* controller = type->spec().param(rule.param);
            if (!controller || controller->type != ParamType::Options)
                continue;
            SCOPED_TRACE((type->spec().type + u'.' + p.name).toStdString());
            Object params = doc->node(node->id)->params;
            params.insert(rule.param, rule.values.first());
            doc->setParams(node->id, params);
            EXPECT_TRUE(inspector.field(p.name)->isVisible());
            for (const ParamOption& o : controller->options) {
                if (!rule.values.contains(Value(o.value))) {
                    params.insert(rule.param, o.value);
                    doc->setParams(node->id, params);
                    EXPECT_FALSE(inspector.field(p.name)->isVisible());
                    break;
                }
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 0) << "some node type has a visibility rule";
}

TEST(Inspector, ShowsValidationErrorsOnTheField)
{
    auto doc = test::makeDocument();
    doc->newFlow();
    auto csv = doc->makeNode(QStringLiteral("core.csvRead"), {0, 0});
    doc->addNode(*csv);
    InspectorWidget inspector(*doc);
    inspector.setNode(csv->id);
    doc->validate();
    EXPECT_FALSE(inspector.field(QStringLiteral("path"))->error().isEmpty()) << "the required path is missing";
}

TEST(Inspector, SettingsTabEditsNodeSettings)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    InspectorWidget inspector(*doc);
    inspector.setNode(QStringLiteral("a"));
    auto* disabled = inspector.tabs()->widget(1)->findChild<QCheckBox*>();
    ASSERT_TRUE(disabled);
    // The first checkbox is the retry override; find the "Disabled" one by its text.
    for (QCheckBox* box : inspector.tabs()->widget(1)->findChildren<QCheckBox*>()) {
        if (box->text().startsWith(u"Disabled"))
            disabled = box;
    }
    disabled->setChecked(true);
    EXPECT_TRUE(doc->node(QStringLiteral("a"))->settings.disabled);
    doc->undoStack()->undo();
    EXPECT_FALSE(doc->node(QStringLiteral("a"))->settings.disabled);
}

TEST(Inspector, RenameFromTheNameField)
{
    auto doc = test::makeDocument();
    Flow f = test::chainFlow();
    f.nodes[2].params.insert(QStringLiteral("x"), QStringLiteral("{{ node[\"A\"].json }}"));
    doc->setFlow(f);
    InspectorWidget inspector(*doc);
    inspector.setNode(QStringLiteral("a"));
    inspector.nameEdit()->setText(QStringLiteral("Alpha"));
    Q_EMIT inspector.nameEdit()->editingFinished();
    EXPECT_EQ(doc->node(QStringLiteral("a"))->name, u"Alpha");
    EXPECT_EQ(doc->node(QStringLiteral("b"))->params.value(u"x").toString(), u"{{ node[\"Alpha\"].json }}");
    inspector.nameEdit()->setText(QStringLiteral("B"));
    Q_EMIT inspector.nameEdit()->editingFinished();
    EXPECT_EQ(doc->node(QStringLiteral("a"))->name, u"Alpha") << "a taken name is refused";
    EXPECT_EQ(inspector.nameEdit()->text(), u"Alpha");
}

TEST(Inspector, ScheduleTriggersPreviewTheirNextRuns)
{
    auto doc = test::makeDocument();
    doc->newFlow();
    auto trigger = doc->makeNode(QStringLiteral("core.scheduleTrigger"), {0, 0});
    ASSERT_TRUE(trigger);
    trigger->params.insert(QStringLiteral("mode"), QStringLiteral("cron"));
    trigger->params.insert(QStringLiteral("cron"), QStringLiteral("30 7 * * *"));
    trigger->params.insert(QStringLiteral("timezone"), QStringLiteral("Asia/Seoul"));
    doc->addNode(*trigger);
    InspectorWidget inspector(*doc);
    inspector.setNode(trigger->id);
    ASSERT_TRUE(inspector.nextRuns());
    const QStringList lines = inspector.nextRuns()->text().split(u'\n');
    ASSERT_EQ(lines.size(), 6) << inspector.nextRuns()->text().toStdString();
    EXPECT_TRUE(lines[0].contains(QStringLiteral("Asia/Seoul"))) << lines[0].toStdString();
    for (const QString& l : lines.mid(1))
        EXPECT_TRUE(l.trimmed().endsWith(QStringLiteral("T07:30:00+09:00"))) << l.toStdString();

    // An impossible expression shows why instead of times; other node types have no preview.
    ParamField* cron = inspector.field(QStringLiteral("cron"));
    ASSERT_TRUE(cron);
    cron->setValue(QStringLiteral("30 25 * * *"));
    Q_EMIT cron->edited();
    ASSERT_TRUE(inspector.nextRuns());
    EXPECT_TRUE(inspector.nextRuns()->text().contains(QStringLiteral("hour 25 is out of range"))) << inspector.nextRuns()->text().toStdString();
    auto csv = doc->makeNode(QStringLiteral("core.csvRead"), {0, 0});
    doc->addNode(*csv);
    inspector.setNode(csv->id);
    EXPECT_EQ(inspector.nextRuns(), nullptr);
}
