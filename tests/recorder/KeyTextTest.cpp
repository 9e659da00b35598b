#include "recorder/InputEvent.hpp"
#include "recorder/KeyText.hpp"

#include <gtest/gtest.h>

using namespace taskloom::recorder;

TEST(KeyText, LatinKeysymsAreTheirCharacters)
{
    EXPECT_EQ(KeyText::keysymToUnicode(0x61), U'a');
    EXPECT_EQ(KeyText::keysymToUnicode(0x41), U'A');
    EXPECT_EQ(KeyText::keysymToUnicode(0xe9), U'é');   // eacute
    EXPECT_EQ(KeyText::keysymToUnicode(0x20), U' ');
}

TEST(KeyText, UnicodeKeysymsAndKeypad)
{
    EXPECT_EQ(KeyText::keysymToUnicode(0x0100ac00), U'가'); // Hangul syllable GA
    EXPECT_EQ(KeyText::keysymToUnicode(0x01000416), U'Ж');
    EXPECT_EQ(KeyText::keysymToUnicode(0xffb7), U'7');     // KP_7
    EXPECT_EQ(KeyText::keysymToUnicode(0xffab), U'+');     // KP_Add
}

TEST(KeyText, NonTextKeysTypeNothing)
{
    EXPECT_EQ(KeyText::keysymToUnicode(0xff0d), 0u); // Return
    EXPECT_EQ(KeyText::keysymToUnicode(0xffbe), 0u); // F1
    EXPECT_EQ(KeyText::keysymToUnicode(0xffe1), 0u); // Shift_L
}

TEST(KeyText, CharactersToKeysymsRoundTrip)
{
    for (char32_t c : {U'a', U'Z', U'~', U'ß', U'€', U'가', U'😀', U'ж'}) {
        const quint32 ks = KeyText::unicodeToKeysym(c);
        EXPECT_EQ(KeyText::keysymToUnicode(ks), c) << "U+" << std::hex << quint32(c);
    }
    EXPECT_EQ(KeyText::unicodeToKeysym(U'\n'), 0xff0du);
    EXPECT_EQ(KeyText::unicodeToKeysym(U'\t'), 0xff09u);
}

TEST(KeyText, ParsesCombinations)
{
    auto c = KeyText::parseCombo(QStringLiteral("Ctrl+Shift+Tab"));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->modifiers, unsigned(ControlModifier | ShiftModifier));
    EXPECT_EQ(c->key, QStringLiteral("Tab"));
    c = KeyText::parseCombo(QStringLiteral("Return"));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->modifiers, 0u);
    c = KeyText::parseCombo(QStringLiteral("ctrl++"));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->key, QStringLiteral("plus"));
    EXPECT_EQ(c->modifiers, unsigned(ControlModifier));
    c = KeyText::parseCombo(QStringLiteral("super"));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->key, QStringLiteral("Super_L"));
}

TEST(KeyText, RejectsBrokenCombinations)
{
    EXPECT_FALSE(KeyText::parseCombo(QString()));
    EXPECT_FALSE(KeyText::parseCombo(QStringLiteral("ctrl+")));
    EXPECT_FALSE(KeyText::parseCombo(QStringLiteral("hyperx+s")));
}

TEST(KeyText, FormatsInAFixedOrder)
{
    EXPECT_EQ(KeyText::formatCombo({ShiftModifier | ControlModifier | AltModifier, QStringLiteral("Delete")}),
              QStringLiteral("ctrl+alt+shift+Delete"));
    const auto back = KeyText::parseCombo(KeyText::formatCombo({SuperModifier | ControlModifier, QStringLiteral("d")}));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->modifiers, unsigned(SuperModifier | ControlModifier));
}

TEST(KeyText, KnowsModifierKeys)
{
    EXPECT_TRUE(KeyText::isModifierKey(QStringLiteral("Shift_L")));
    EXPECT_TRUE(KeyText::isModifierKey(QStringLiteral("Control_R")));
    EXPECT_TRUE(KeyText::isModifierKey(QStringLiteral("ISO_Level3_Shift")));
    EXPECT_FALSE(KeyText::isModifierKey(QStringLiteral("a")));
    EXPECT_FALSE(KeyText::isModifierKey(QStringLiteral("Return")));
}
