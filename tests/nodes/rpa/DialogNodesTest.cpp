// The message and input dialog nodes through the real executor, on the main thread of an offscreen QApplication.
// A driver timer plays the person: it waits for the modal dialog, checks what it shows, types and answers.

#include "nodes/core/CorePack.hpp"
#include "nodes/rpa/RpaPack.hpp"

#include "engine/Executor.hpp"
#include "engine/NodeRegistry.hpp"
#include "scripts/LuaExpressionEngine.hpp"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>

using namespace taskloom;
using engine::Item;
using engine::ItemList;
using engine::Object;
using engine::RunResult;
using engine::RunStatus;

namespace {

/// Answers every modal dialog that opens with `answer` (called with the dialog), counting them.
class Person {
public:
    explicit Person(std::function<void(QDialog*)> answer) : m_answer(std::move(answer))
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            // Marked rather than remembered by address: the next dialog may live where the last one did.
            if (!dialog || dialog->property("answered").toBool() || !dialog->isVisible())
                return;
            dialog->setProperty("answered", true);
            ++m_seen;
            m_answer(dialog);
        });
        m_timer.start();
    }
    int dialogsSeen() const { return m_seen; }

private:
    std::function<void(QDialog*)> m_answer;
    QTimer m_timer;
    int m_seen = 0;
};

QString labelText(QDialog* d)
{
    QStringList texts;
    for (auto* l : d->findChildren<QLabel*>())
        texts << l->text();
    return texts.join(u'\n');
}

void clickButton(QDialog* d, const QString& text)
{
    for (auto* b : d->findChildren<QPushButton*>())
        if (b->text().remove(u'&') == text) {
            QTest::mouseClick(b, Qt::LeftButton);
            return;
        }
    ADD_FAILURE() << "no button " << text.toStdString() << " in the dialog";
}

class DialogNodes : public ::testing::Test {
protected:
    DialogNodes()
    {
        nodes::core::registerCoreNodes(m_registry);
        nodes::rpa::registerRpaNodes(m_registry);
    }

    RunResult run(const QString& type, Object params, const QList<Object>& input = {}, Object nodeSettings = {})
    {
        engine::Flow flow;
        flow.id = QStringLiteral("dialog-test");
        engine::FlowNode start;
        start.id = start.name = QStringLiteral("Start");
        start.type = QStringLiteral("core.manualTrigger");
        engine::FlowNode ask;
        ask.id = ask.name = QStringLiteral("Ask");
        ask.type = type;
        ask.params = std::move(params);
        if (nodeSettings.contains(u"timeoutMs"))
            ask.settings.timeoutMs = int(nodeSettings.value(u"timeoutMs").toInt());
        flow.nodes = {start, ask};
        flow.connections.push_back({QStringLiteral("Start"), QStringLiteral("out"), QStringLiteral("Ask"), QStringLiteral("in")});
        engine::Executor executor(m_registry, &m_expressions);
        engine::RunOptions options;
        options.flowPath = m_dir.filePath(QStringLiteral("flow.json"));
        for (const Object& o : input)
            options.input.append(Item(o));
        options.cancellation = m_token;
        return executor.run(flow, options);
    }

    engine::NodeRegistry m_registry;
    scripts::LuaExpressionEngine m_expressions;
    QTemporaryDir m_dir;
    engine::CancellationToken m_token;
};

} // namespace

TEST_F(DialogNodes, MessageShowsTheItemAndTheChosenButtonJoinsIt)
{
    QStringList shown;
    int answered = 0;
    Person person([&](QDialog* d) {
        auto* box = qobject_cast<QMessageBox*>(d);
        ASSERT_TRUE(box);
        EXPECT_EQ(box->windowTitle(), QStringLiteral("Clean up"));
        EXPECT_EQ(box->icon(), QMessageBox::Question);
        shown << box->text();
        clickButton(d, answered++ == 0 ? QStringLiteral("No") : QStringLiteral("Yes"));
    });
    const RunResult r = run(QStringLiteral("rpa.messageDialog"),
                            {{QStringLiteral("title"), QStringLiteral("Clean up")},
                             {QStringLiteral("message"), QStringLiteral("Delete {{ item.file }}?")},
                             {QStringLiteral("icon"), QStringLiteral("question")},
                             {QStringLiteral("buttons"), QStringLiteral("Yes, No")}},
                            {{{QStringLiteral("file"), QStringLiteral("a.txt")}}, {{QStringLiteral("file"), QStringLiteral("b.txt")}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(shown, (QStringList{QStringLiteral("Delete a.txt?"), QStringLiteral("Delete b.txt?")}));
    ASSERT_EQ(r.output.size(), 2);
    EXPECT_EQ(r.output[0].json().value(u"file").toString(), QStringLiteral("a.txt"));
    EXPECT_EQ(r.output[0].json().value(u"button").toString(), QStringLiteral("No"));
    EXPECT_EQ(r.output[1].json().value(u"button").toString(), QStringLiteral("Yes"));
}

TEST_F(DialogNodes, MessageTimesOutWithTheDefaultButtonOrFails)
{
    QElapsedTimer t;
    t.start();
    RunResult r = run(QStringLiteral("rpa.messageDialog"),
                      {{QStringLiteral("message"), QStringLiteral("Nobody is here")},
                       {QStringLiteral("buttons"), QStringLiteral("Retry, Skip")},
                       {QStringLiteral("defaultButton"), QStringLiteral("Skip")},
                       {QStringLiteral("timeout"), 0.4}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_GE(t.elapsed(), 350);
    ASSERT_EQ(r.output.size(), 1);
    EXPECT_EQ(r.output[0].json().value(u"button").toString(), QStringLiteral("Skip"));
    EXPECT_TRUE(r.output[0].json().value(u"timedOut").toBool());
    EXPECT_FALSE(QApplication::activeModalWidget()) << "the dialog must be gone";

    r = run(QStringLiteral("rpa.messageDialog"),
            {{QStringLiteral("message"), QStringLiteral("Nobody is here")}, {QStringLiteral("timeout"), 0.2},
             {QStringLiteral("onTimeout"), QStringLiteral("error")}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("DIALOG_TIMEOUT"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("Ask"))) << r.error.toStdString();
}

TEST_F(DialogNodes, MessageRejectsADefaultButtonThatIsNotListed)
{
    const RunResult r = run(QStringLiteral("rpa.messageDialog"),
                            {{QStringLiteral("buttons"), QStringLiteral("Yes, No")}, {QStringLiteral("defaultButton"), QStringLiteral("Maybe")}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(QStringLiteral("defaultButton"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("Maybe"))) << r.error.toStdString();
}

TEST_F(DialogNodes, TextInputTypedAndAccepted)
{
    Person person([&](QDialog* d) {
        EXPECT_EQ(labelText(d), QStringLiteral("Name for order 17"));
        auto* edit = d->findChild<QLineEdit*>();
        ASSERT_TRUE(edit);
        EXPECT_EQ(edit->text(), QStringLiteral("Ann"));
        EXPECT_EQ(edit->echoMode(), QLineEdit::Normal);
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("Bob Miller"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    const RunResult r = run(QStringLiteral("rpa.inputDialog"),
                            {{QStringLiteral("message"), QStringLiteral("Name for order {{ item.order }}")},
                             {QStringLiteral("defaultValue"), QStringLiteral("{{ item.who }}")},
                             {QStringLiteral("field"), QStringLiteral("name")}},
                            {{{QStringLiteral("order"), 17}, {QStringLiteral("who"), QStringLiteral("Ann")}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 1);
    EXPECT_EQ(r.output[0].json().value(u"name").toString(), QStringLiteral("Bob Miller"));
    EXPECT_EQ(person.dialogsSeen(), 1);
}

TEST_F(DialogNodes, PasswordIsMasked)
{
    Person person([&](QDialog* d) {
        auto* edit = d->findChild<QLineEdit*>();
        ASSERT_TRUE(edit);
        EXPECT_EQ(edit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(edit, QStringLiteral("hunter2"));
        EXPECT_NE(edit->displayText(), QStringLiteral("hunter2"));
        clickButton(d, QStringLiteral("OK"));
    });
    const RunResult r = run(QStringLiteral("rpa.inputDialog"), {{QStringLiteral("inputType"), QStringLiteral("password")}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output.value(0).json().value(u"value").toString(), QStringLiteral("hunter2"));
}

TEST_F(DialogNodes, NumberWithinItsRange)
{
    Person person([&](QDialog* d) {
        auto* spin = d->findChild<QDoubleSpinBox*>();
        ASSERT_TRUE(spin);
        EXPECT_DOUBLE_EQ(spin->value(), 5);
        EXPECT_DOUBLE_EQ(spin->maximum(), 50);
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("42"));
        clickButton(d, QStringLiteral("OK"));
    });
    RunResult r = run(QStringLiteral("rpa.inputDialog"),
                      {{QStringLiteral("inputType"), QStringLiteral("number")}, {QStringLiteral("defaultValue"), QStringLiteral("5")},
                       {QStringLiteral("minimum"), 1}, {QStringLiteral("maximum"), 50}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    const engine::Value v = r.output.value(0).json().value(u"value");
    EXPECT_EQ(v.type(), engine::Value::Type::Int);
    EXPECT_EQ(v.toInt(), 42);

    // A default outside the range is a parameter error, not a dialog.
    r = run(QStringLiteral("rpa.inputDialog"),
            {{QStringLiteral("inputType"), QStringLiteral("number")}, {QStringLiteral("defaultValue"), QStringLiteral("99")},
             {QStringLiteral("maximum"), 50}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(QStringLiteral("defaultValue"))) << r.error.toStdString();
    EXPECT_EQ(person.dialogsSeen(), 1);
}

TEST_F(DialogNodes, ChoiceFromAList)
{
    Person person([&](QDialog* d) {
        auto* combo = d->findChild<QComboBox*>();
        ASSERT_TRUE(combo);
        ASSERT_EQ(combo->count(), 3);
        EXPECT_EQ(combo->currentText(), QStringLiteral("Express"));
        combo->setCurrentIndex(2);
        clickButton(d, QStringLiteral("OK"));
    });
    const RunResult r = run(QStringLiteral("rpa.inputDialog"),
                            {{QStringLiteral("inputType"), QStringLiteral("choice")},
                             {QStringLiteral("choices"), QStringLiteral("Standard\nExpress\n\nPickup\n")},
                             {QStringLiteral("defaultValue"), QStringLiteral("Express")}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output.value(0).json().value(u"value").toString(), QStringLiteral("Pickup"));
}

TEST_F(DialogNodes, CancelFailsOrMarksTheItem)
{
    Person person([&](QDialog* d) { clickButton(d, QStringLiteral("Cancel")); });
    RunResult r = run(QStringLiteral("rpa.inputDialog"), {{QStringLiteral("message"), QStringLiteral("Your name?")}});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("DIALOG_CANCELLED"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("Ask"))) << r.error.toStdString();

    r = run(QStringLiteral("rpa.inputDialog"), {{QStringLiteral("onCancel"), QStringLiteral("field")}}, {{{QStringLiteral("n"), 1}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_TRUE(r.output.value(0).json().value(u"cancelled").toBool());
    EXPECT_TRUE(r.output.value(0).json().value(u"value").isNull());
    EXPECT_EQ(r.output.value(0).json().value(u"n").toInt(), 1);
}

TEST_F(DialogNodes, InputTimesOutWithTheDefault)
{
    const RunResult r = run(QStringLiteral("rpa.inputDialog"),
                            {{QStringLiteral("defaultValue"), QStringLiteral("fallback")}, {QStringLiteral("timeout"), 0.3}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output.value(0).json().value(u"value").toString(), QStringLiteral("fallback"));
    EXPECT_TRUE(r.output.value(0).json().value(u"timedOut").toBool());
}

TEST_F(DialogNodes, OnceForAllItems)
{
    Person person([&](QDialog* d) {
        EXPECT_EQ(labelText(d), QStringLiteral("Batch of first"));
        auto* edit = d->findChild<QLineEdit*>();
        ASSERT_TRUE(edit);
        QTest::keyClicks(edit, QStringLiteral("go"));
        clickButton(d, QStringLiteral("OK"));
    });
    const RunResult r = run(QStringLiteral("rpa.inputDialog"),
                            {{QStringLiteral("mode"), QStringLiteral("once")}, {QStringLiteral("message"), QStringLiteral("Batch of {{ item.k }}")}},
                            {{{QStringLiteral("k"), QStringLiteral("first")}}, {{QStringLiteral("k"), QStringLiteral("second")}},
                             {{QStringLiteral("k"), QStringLiteral("third")}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(person.dialogsSeen(), 1);
    ASSERT_EQ(r.output.size(), 3);
    for (const Item& item : r.output)
        EXPECT_EQ(item.json().value(u"value").toString(), QStringLiteral("go"));
    EXPECT_EQ(r.output[2].json().value(u"k").toString(), QStringLiteral("third"));
}

TEST_F(DialogNodes, CancellingTheRunClosesTheDialog)
{
    Person person([&](QDialog*) { QTimer::singleShot(100, [this] { m_token.cancel(QStringLiteral("stop pressed")); }); });
    QElapsedTimer t;
    t.start();
    const RunResult r = run(QStringLiteral("rpa.inputDialog"), {{QStringLiteral("message"), QStringLiteral("Waiting forever?")}});
    EXPECT_EQ(r.status, RunStatus::Cancelled) << r.error.toStdString();
    EXPECT_EQ(person.dialogsSeen(), 1);
    EXPECT_LT(t.elapsed(), 10000);
    EXPECT_FALSE(QApplication::activeModalWidget());
}

TEST_F(DialogNodes, TheNodesTimeoutSettingClosesTheDialog)
{
    const RunResult r = run(QStringLiteral("rpa.messageDialog"), {{QStringLiteral("message"), QStringLiteral("Nobody")}}, {},
                            {{QStringLiteral("timeoutMs"), 300}});
    EXPECT_EQ(r.status, RunStatus::TimedOut);
    EXPECT_EQ(r.errorCode, QStringLiteral("TIMEOUT"));
    EXPECT_FALSE(QApplication::activeModalWidget());
}

TEST_F(DialogNodes, NoDisplayIsAClearErrorNamingTheNode)
{
    nodes::rpa::markNoDisplay(*qApp, true);
    Person person([&](QDialog* d) { d->reject(); });
    const RunResult r = run(QStringLiteral("rpa.inputDialog"), {{QStringLiteral("message"), QStringLiteral("Anyone?")}});
    nodes::rpa::markNoDisplay(*qApp, false);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("NO_DISPLAY"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("Ask"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("DISPLAY"))) << r.error.toStdString();
    EXPECT_EQ(person.dialogsSeen(), 0) << "no dialog may open";
}

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
