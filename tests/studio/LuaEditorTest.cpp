// The Lua editor in the studio: auto-indent, completion from the Lua host and from the last run's items,
// error markers from a run and from the syntax check while typing, and "Run this node" with its log pane.

#include "StudioTestSupport.hpp"

#include "app/studio/CodeEditor.hpp"
#include "app/studio/InspectorWidget.hpp"
#include "app/studio/LuaRunPane.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/ParamField.hpp"
#include "app/studio/RunPanel.hpp"
#include "app/studio/StudioTranslation.hpp"

#include "scripts/LuaApiNames.hpp"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

namespace {

void type(CodeEditor& e, const QString& text)
{
    for (QChar c : text) {
        if (c == u'\n')
            QTest::keyClick(&e, Qt::Key_Return);
        else
            QTest::keyClicks(&e, QString(c));
    }
}

void cursorToEnd(CodeEditor& e)
{
    QTextCursor c = e.textCursor();
    c.movePosition(QTextCursor::End);
    e.setTextCursor(c);
}

QStringList completionsAfter(CodeEditor& e, const QString& text)
{
    e.setPlainText(text);
    cursorToEnd(e);
    e.complete();
    return e.completions();
}

/// Manual trigger "t" (pinned to two items) -> Lua Code node "c" running `code`.
Flow luaFlow(const QString& code)
{
    Flow f;
    f.id = QStringLiteral("0b8c4f7e-1111-4a3e-9a55-00000000c0de");
    f.name = QStringLiteral("Lua");
    FlowNode t;
    t.id = QStringLiteral("t");
    t.type = QStringLiteral("core.manualTrigger");
    t.name = QStringLiteral("Start");
    FlowNode c;
    c.id = QStringLiteral("c");
    c.type = QStringLiteral("code.lua");
    c.name = QStringLiteral("Script");
    c.position = {250, 0};
    c.params.insert(QStringLiteral("code"), code);
    f.nodes = {t, c};
    f.connections = {{QStringLiteral("t"), QStringLiteral("out"), QStringLiteral("c"), QStringLiteral("in")}};
    return f;
}

ItemList twoPeople()
{
    return {Item(Object{{QStringLiteral("name"), "Ann"},
                        {QStringLiteral("address"), Object{{QStringLiteral("city"), "Oslo"}, {QStringLiteral("zip"), "0150"}}}}),
            Item(Object{{QStringLiteral("name"), "Bo"}, {QStringLiteral("age"), 41}})};
}

struct LuaWindow {
    MainWindow window{test::runtime()};
    explicit LuaWindow(const QString& code)
    {
        window.document()->setFlow(luaFlow(code));
        window.document()->pinOutput(QStringLiteral("t"), twoPeople());
        window.inspector()->setNode(QStringLiteral("c"));
    }
    CodeEditor* editor() const
    {
        ParamField* f = window.inspector()->field(QStringLiteral("code"));
        return f ? qobject_cast<CodeEditor*>(f->editor()) : nullptr;
    }
    LuaRunPane* pane() const { return window.inspector()->luaRunPane(); }
    bool run()
    {
        QSignalSpy finished(window.runController(), &RunController::finished);
        window.runFlow();
        return finished.wait(120000);
    }
    bool clickRunThisNode()
    {
        QSignalSpy finished(window.runController(), &RunController::finished);
        pane()->runButton()->click();
        return window.runController()->isRunning() && finished.wait(120000);
    }
};

} // namespace

TEST(LuaEditor, EnterKeepsAndDeepensIndentationAndClosersDedent)
{
    CodeEditor e;
    type(e, QStringLiteral("function execute(ctx, items)\nfor i, item in ipairs(items) do\nif item.x then\nitem.y = 1\n"
                           "else\nitem.y = 2\nend\nend\nlocal t = {\n1,\n}\nreturn items\nend\n"));
    EXPECT_EQ(e.toPlainText(), QStringLiteral("function execute(ctx, items)\n"
                                              "  for i, item in ipairs(items) do\n"
                                              "    if item.x then\n"
                                              "      item.y = 1\n"
                                              "    else\n"
                                              "      item.y = 2\n"
                                              "    end\n"
                                              "  end\n"
                                              "  local t = {\n"
                                              "    1,\n"
                                              "  }\n"
                                              "  return items\n"
                                              "end\n"));

    // repeat ... until, and a closer in the middle of a line or a word that only starts like one stays put.
    CodeEditor r;
    type(r, QStringLiteral("repeat\nn = n + 1\nuntil n > 3\nending = 1\nif a then b() end\nx = 2"));
    EXPECT_EQ(r.toPlainText(), QStringLiteral("repeat\n  n = n + 1\nuntil n > 3\nending = 1\nif a then b() end\nx = 2"));
}

TEST(LuaEditor, TabAndShiftTabIndentTheSelectedLines)
{
    CodeEditor e;
    e.setPlainText(QStringLiteral("a = 1\nb = 2\nc = 3"));
    QTextCursor c = e.textCursor();
    c.setPosition(2);
    c.setPosition(9, QTextCursor::KeepAnchor); // from line 1 into line 2
    e.setTextCursor(c);
    QTest::keyClick(&e, Qt::Key_Tab);
    EXPECT_EQ(e.toPlainText(), QStringLiteral("  a = 1\n  b = 2\nc = 3"));
    QTest::keyClick(&e, Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_EQ(e.toPlainText(), QStringLiteral("a = 1\nb = 2\nc = 3"));
    // Without a selection Tab inserts one level at the cursor and stays in the editor.
    cursorToEnd(e);
    QTest::keyClick(&e, Qt::Key_Tab);
    EXPECT_EQ(e.toPlainText(), QStringLiteral("a = 1\nb = 2\nc = 3  "));
}

TEST(LuaEditor, CompletesTheApiTheLuaHostInstalls)
{
    const QStringList host = scripts::luaApiNames();
    // The list comes from a real sandbox: the helpers are there, what the sandbox removes is not.
    for (const char* name : {"json.encode", "regex.match", "csv.parse", "base64.decode", "hash.sha256", "date.now",
                             "ctx.log", "ctx.params", "ctx.credential", "ctx.progress", "string.format", "ipairs"})
        EXPECT_TRUE(host.contains(QString::fromLatin1(name))) << name;
    for (const char* name : {"io", "debug", "os.execute", "string.dump", "loadfile", "dofile"})
        EXPECT_FALSE(host.contains(QString::fromLatin1(name))) << name;

    CodeEditor e;
    QStringList offered = completionsAfter(e, QStringLiteral("local s = json."));
    EXPECT_TRUE(offered.contains(QStringLiteral("encode")) && offered.contains(QStringLiteral("decode"))) << offered.join(u' ').toStdString();
    EXPECT_FALSE(offered.contains(QStringLiteral("sha256")));
    offered = completionsAfter(e, QStringLiteral("ctx:"));
    EXPECT_TRUE(offered.contains(QStringLiteral("log")));
    offered = completionsAfter(e, QStringLiteral("regex.ma"));
    EXPECT_EQ(offered, (QStringList{QStringLiteral("match"), QStringLiteral("matchAll")}));
    // Ctrl+Space on a bare word: keywords and globals.
    e.setPlainText(QStringLiteral("  ret"));
    cursorToEnd(e);
    QTest::keyClick(&e, Qt::Key_Space, Qt::ControlModifier);
    EXPECT_EQ(e.completions(), QStringList{QStringLiteral("return")});

    // Typing the dot opens the popup; Enter inserts the highlighted name.
    e.setPlainText({});
    e.show();
    QTest::keyClicks(&e, QStringLiteral("hash.sha2"));
    ASSERT_TRUE(e.completer()->popup()->isVisible());
    EXPECT_EQ(e.completions(), QStringList{QStringLiteral("sha256")});
    QTest::keyClick(e.completer()->popup(), Qt::Key_Return);
    EXPECT_EQ(e.toPlainText(), QStringLiteral("hash.sha256"));

    // Closed with Esc, typing on after the dot opens it again.
    QTest::keyClicks(&e, QStringLiteral(" .. json."));
    ASSERT_TRUE(e.completer()->popup()->isVisible());
    QTest::keyClick(e.completer()->popup(), Qt::Key_Escape);
    EXPECT_FALSE(e.completer()->popup()->isVisible());
    QTest::keyClicks(&e, QStringLiteral("d"));
    EXPECT_TRUE(e.completer()->popup()->isVisible());
    EXPECT_EQ(e.completions(), QStringList{QStringLiteral("decode")});
}

TEST(LuaEditor, CompletesItemFieldsSeenOnTheNodesInputInTheLastRun)
{
    LuaWindow w(QStringLiteral("function execute(ctx, items)\n  return items\nend"));
    ASSERT_TRUE(w.editor());
    EXPECT_TRUE(w.editor()->fieldPaths().isEmpty()) << "no run yet";
    ASSERT_TRUE(w.run());
    CodeEditor* e = w.editor();
    ASSERT_TRUE(e);
    EXPECT_EQ(e->fieldPaths(), (QStringList{QStringLiteral("name"), QStringLiteral("address"),
                                            QStringLiteral("address.city"), QStringLiteral("address.zip"),
                                            QStringLiteral("age")}));
    EXPECT_EQ(completionsAfter(*e, QStringLiteral("for _, item in ipairs(items) do\n  local v = item.")),
              (QStringList{QStringLiteral("address"), QStringLiteral("age"), QStringLiteral("name")}));
    EXPECT_EQ(completionsAfter(*e, QStringLiteral("items[1].address.")),
              (QStringList{QStringLiteral("city"), QStringLiteral("zip")}));
    // ctx.params. offers the node's own parameters; a library's members stay what the host installs.
    const QStringList params = completionsAfter(*e, QStringLiteral("local m = ctx.params."));
    EXPECT_TRUE(params.contains(QStringLiteral("code")) && params.contains(QStringLiteral("mode"))) << params.join(u' ').toStdString();
    EXPECT_TRUE(completionsAfter(*e, QStringLiteral("json.encode.")).isEmpty());
}

TEST(LuaEditor, AFailingRunMarksTheLineOfTheError)
{
    LuaWindow w(QStringLiteral("function execute(ctx, items)\n"
                               "  for i, item in ipairs(items) do\n"
                               "    if i == 2 then error(\"no age for \" .. item.name) end\n"
                               "  end\n"
                               "  return items\n"
                               "end"));
    EXPECT_TRUE(w.editor()->markers().isEmpty());
    ASSERT_TRUE(w.run());
    CodeEditor* e = w.editor();
    EXPECT_EQ(e->errorLines(), QSet<int>{3});
    EXPECT_TRUE(e->markers().value(3).contains(QStringLiteral("no age for Bo"))) << e->markers().value(3).toStdString();
    EXPECT_TRUE(w.pane()->status().contains(QStringLiteral("no age for Bo"))) << w.pane()->status().toStdString();

    // Fixed and run again: the marker goes.
    Object params = w.window.document()->node(QStringLiteral("c"))->params;
    params.insert(QStringLiteral("code"), QStringLiteral("function execute(ctx, items)\n  return items\nend"));
    w.window.document()->setParams(QStringLiteral("c"), params, QStringLiteral("code"));
    ASSERT_TRUE(w.run());
    EXPECT_TRUE(w.editor()->markers().isEmpty());
}

TEST(LuaEditor, ASyntaxErrorIsMarkedWhileTypingAndClearedWhenFixed)
{
    CodeEditor e;
    e.setPlainText(QStringLiteral("function execute(ctx, items)\n  local x = = 1\n  return items\nend"));
    // The check runs by itself shortly after typing stops.
    for (int i = 0; i < 100 && e.markers().isEmpty(); ++i)
        QTest::qWait(50);
    EXPECT_EQ(e.errorLines(), QSet<int>{2});
    EXPECT_TRUE(e.syntaxError().startsWith(QStringLiteral("code:2:"))) << e.syntaxError().toStdString();
    EXPECT_FALSE(e.extraSelections().isEmpty());

    e.setPlainText(QStringLiteral("function execute(ctx, items)\n  local x = 1\n  return items\nend"));
    e.checkSyntaxNow();
    EXPECT_TRUE(e.markers().isEmpty());
    EXPECT_TRUE(e.syntaxError().isEmpty());
    EXPECT_TRUE(e.extraSelections().isEmpty());
}

TEST(LuaEditor, RunThisNodeShowsItsLogAndReRunsOnTheLastInputs)
{
    LuaWindow w(QStringLiteral("function execute(ctx, items)\n"
                               "  ctx.log(\"got \" .. #items .. \" items\")\n"
                               "  print(\"first is \" .. items[1].name)\n"
                               "  return items\n"
                               "end"));
    ASSERT_TRUE(w.pane());
    EXPECT_EQ(w.pane()->status(), QStringLiteral("Not run yet."));
    // No run yet: the nodes it needs run first.
    ASSERT_TRUE(w.clickRunThisNode());
    EXPECT_EQ(w.pane()->output()->toPlainText(), QStringLiteral("got 2 items\nfirst is Ann"));
    EXPECT_EQ(w.pane()->status(), QStringLiteral("2 item(s) out"));

    // Edited and run again: only this node, on the inputs it had; its earlier lines are replaced.
    Object params = w.window.document()->node(QStringLiteral("c"))->params;
    params.insert(QStringLiteral("code"), QStringLiteral("function execute(ctx, items)\n"
                                                         "  ctx.warn(\"dropping \" .. items[2].name)\n"
                                                         "  return { items[1] }\n"
                                                         "end"));
    w.window.document()->setParams(QStringLiteral("c"), params, QStringLiteral("code"));
    ASSERT_TRUE(w.clickRunThisNode());
    EXPECT_EQ(w.pane()->output()->toPlainText(), QStringLiteral("warning: dropping Bo"));
    EXPECT_EQ(w.pane()->status(), QStringLiteral("1 item(s) out"));
    EXPECT_EQ(w.window.runPanel()->outputOf(QStringLiteral("c")).size(), 1);
}

TEST(LuaEditor, TheRunPaneIsTranslated)
{
    ASSERT_EQ(StudioTranslation::install(*qApp, QStringLiteral("ko")), u"ko");
    {
        LuaRunPane pane;
        EXPECT_EQ(pane.runButton()->text(), QStringLiteral("▶ 이 노드 실행"));
        pane.setResult({true, false, {}, {}, 3});
        EXPECT_EQ(pane.status(), QStringLiteral("출력 항목 3개"));
    }
    StudioTranslation::uninstall(*qApp);
    LuaRunPane english;
    EXPECT_EQ(english.runButton()->text(), QStringLiteral("▶ Run this node"));
}
