#include "recorder/MacroBuilder.hpp"

#include <gtest/gtest.h>

using namespace taskloom::recorder;

namespace {

InputEvent key(qint64 t, const char* name, const char* text, unsigned mods = 0)
{
    InputEvent e;
    e.kind = InputEvent::Kind::KeyPress;
    e.timeMs = t;
    e.key = QString::fromUtf8(name);
    e.text = QString::fromUtf8(text);
    e.modifiers = mods;
    return e;
}

InputEvent button(qint64 t, bool press, int x, int y, int b = 1)
{
    InputEvent e;
    e.kind = press ? InputEvent::Kind::ButtonPress : InputEvent::Kind::ButtonRelease;
    e.timeMs = t;
    e.pos = {x, y};
    e.button = b;
    return e;
}

InputEvent motion(qint64 t, int x, int y)
{
    InputEvent e;
    e.kind = InputEvent::Kind::Motion;
    e.timeMs = t;
    e.pos = {x, y};
    return e;
}

Target at(int x, int y)
{
    Target t;
    Locator l;
    l.kind = Locator::Kind::Absolute;
    l.point = {x, y};
    t.locators.append(l);
    return t;
}

void click(MacroBuilder& b, qint64 t, int x, int y)
{
    b.add(button(t, true, x, y), at(x, y));
    b.add(button(t + 60, false, x, y));
}

} // namespace

TEST(MacroBuilder, MergesKeyPressesIntoTypeText)
{
    MacroBuilder b;
    qint64 t = 1000;
    for (const char* c : {"H", "e", "l", "l", "o"})
        b.add(key(t += 80, c, c, c[0] == 'H' ? unsigned(ShiftModifier) : 0u));
    b.add(key(t += 80, "space", " "));
    b.add(key(t += 80, "adiaeresis", "ä"));
    const auto steps = b.steps();
    ASSERT_EQ(steps.size(), 1);
    EXPECT_EQ(steps[0].kind, MacroStep::Kind::Type);
    EXPECT_EQ(steps[0].text, QStringLiteral("Hello ä"));
}

TEST(MacroBuilder, BackspaceEditsTheTextBeingTyped)
{
    MacroBuilder b;
    b.add(key(10, "h", "h"));
    b.add(key(20, "x", "x"));
    b.add(key(30, "BackSpace", ""));
    b.add(key(40, "i", "i"));
    const auto steps = b.steps();
    ASSERT_EQ(steps.size(), 1);
    EXPECT_EQ(steps[0].text, QStringLiteral("hi"));
}

TEST(MacroBuilder, ShortcutsAndSpecialKeysBecomeKeySteps)
{
    MacroBuilder b;
    b.add(key(10, "a", "a"));
    b.add(key(20, "Control_L", ""));                 // a modifier alone is no step
    b.add(key(30, "s", "s", ControlModifier));
    b.add(key(40, "S", "S", ControlModifier | ShiftModifier));
    b.add(key(50, "Tab", "", ShiftModifier));
    b.add(key(60, "Return", ""));
    const auto steps = b.steps();
    ASSERT_EQ(steps.size(), 5);
    EXPECT_EQ(steps[0].text, QStringLiteral("a"));
    EXPECT_EQ(steps[1].kind, MacroStep::Kind::Keys);
    EXPECT_EQ(steps[1].text, QStringLiteral("ctrl+s"));
    EXPECT_EQ(steps[2].text, QStringLiteral("ctrl+shift+s"));
    EXPECT_EQ(steps[3].text, QStringLiteral("shift+Tab"));
    EXPECT_EQ(steps[4].text, QStringLiteral("Return"));
}

TEST(MacroBuilder, SecretInputBecomesTypeSecretWithoutTheText)
{
    MacroBuilder::Options o;
    o.secretCredential = QStringLiteral("shop-login");
    MacroBuilder b(o);
    b.add(key(10, "u", "u"));
    b.setSecretInput(true);
    for (const char* c : {"p", "w", "1"})
        b.add(key(20, c, c));
    b.setSecretInput(false);
    b.add(key(30, "Return", ""));
    const auto steps = b.steps();
    ASSERT_EQ(steps.size(), 3);
    EXPECT_EQ(steps[0].text, QStringLiteral("u"));
    EXPECT_EQ(steps[1].kind, MacroStep::Kind::TypeSecret);
    EXPECT_EQ(steps[1].credential, QStringLiteral("shop-login"));
    EXPECT_EQ(steps[1].field, QStringLiteral("password"));
    EXPECT_TRUE(steps[1].text.isEmpty());
    EXPECT_EQ(steps[2].text, QStringLiteral("Return"));
}

TEST(MacroBuilder, ClicksDoubleClicksAndJitter)
{
    MacroBuilder b;
    click(b, 1000, 100, 100);
    click(b, 1200, 101, 100); // second click of a double click, a pixel of jitter
    b.add(motion(1400, 150, 150));
    b.add(button(1500, true, 300, 300), at(300, 300));
    b.add(motion(1520, 303, 302)); // jitter while pressed is no drag
    b.add(button(1560, false, 303, 302));
    const auto steps = b.steps();
    ASSERT_EQ(steps.size(), 2);
    EXPECT_EQ(steps[0].kind, MacroStep::Kind::Click);
    EXPECT_EQ(steps[0].clicks, 2);
    EXPECT_EQ(steps[1].kind, MacroStep::Kind::Click);
    EXPECT_EQ(steps[1].clicks, 1);
    EXPECT_EQ(steps[1].target.find(Locator::Kind::Absolute)->point, (Point{300, 300}));
}

TEST(MacroBuilder, DragAndScroll)
{
    MacroBuilder b;
    b.add(button(100, true, 50, 50), at(50, 50));
    b.add(motion(150, 90, 70));
    b.add(button(200, false, 150, 60));
    for (int i = 0; i < 3; ++i) {
        b.add(button(300 + i * 50, true, 400, 400, 5), at(400, 400));
        b.add(button(310 + i * 50, false, 400, 400, 5));
    }
    b.add(button(500, true, 400, 400, 4), at(400, 400));
    const auto steps = b.steps();
    ASSERT_EQ(steps.size(), 2);
    EXPECT_EQ(steps[0].kind, MacroStep::Kind::Drag);
    EXPECT_EQ(steps[0].dragBy, (Point{100, 10}));
    EXPECT_EQ(steps[1].kind, MacroStep::Kind::Scroll);
    EXPECT_EQ(steps[1].scrollY, 2); // three down, one up
}

TEST(MacroBuilder, KeepsWaitsThatMatter)
{
    MacroBuilder b;
    click(b, 1000, 10, 10);
    click(b, 1300, 200, 10);   // a short pause: no wait
    click(b, 5420, 300, 10);   // four seconds: the screen was probably loading
    b.add(key(5600, "a", "a"));
    b.add(key(9000, "b", "b")); // a long pause inside typing splits the text
    const auto steps = b.steps();
    ASSERT_EQ(steps.size(), 7);
    EXPECT_EQ(steps[2].kind, MacroStep::Kind::Wait);
    EXPECT_EQ(steps[2].ms, 4100);
    EXPECT_EQ(steps[4].text, QStringLiteral("a"));
    EXPECT_EQ(steps[5].kind, MacroStep::Kind::Wait);
    EXPECT_EQ(steps[6].text, QStringLiteral("b"));
}

TEST(MacroBuilder, TypedBracesStayLiteral)
{
    MacroBuilder b;
    for (const char* c : {"{", "{", "x"})
        b.add(key(10, c, c));
    EXPECT_EQ(b.steps().first().text, QStringLiteral("{{ '{{' }}x"));
}
