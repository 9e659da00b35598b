#pragma once

#include <QString>

#include <optional>

namespace taskloom::recorder {

/// A key combination such as "ctrl+shift+Tab": modifiers (see InputEvent Modifier) and one keysym name.
struct KeyCombo {
    unsigned modifiers = 0;
    QString key;

    bool operator==(const KeyCombo&) const = default;
};

/// Keysym and text mapping shared by capture (keysym -> text) and replay (text -> keysym), independent of any
/// display connection so it can be tested on its own.
class KeyText {
public:
    /// The character a keysym types: Latin-1 keysyms are their code point, 0x01000000 + U is Unicode U, and the
    /// keypad digits and operators type their characters. 0 when the keysym types nothing (Return, F1, Shift_L).
    static char32_t keysymToUnicode(quint32 keysym);
    /// The keysym that types `c`: Latin-1 for code points up to 0xFF, the Unicode keysym range above;
    /// "\n" and "\t" map to Return and Tab.
    static quint32 unicodeToKeysym(char32_t c);
    /// Whether a keysym name is a modifier key (Shift_L, Control_R, Alt_L, Super_L, ISO_Level3_Shift, ...).
    static bool isModifierKey(const QString& name);
    /// Parses "ctrl+s", "Ctrl+Shift+Tab", "alt+F4", "super" (case-insensitive modifier names); nullopt for empty
    /// parts or an unknown modifier.
    static std::optional<KeyCombo> parseCombo(const QString& text);
    /// "ctrl+shift+Tab": modifiers in a fixed order, then the key.
    static QString formatCombo(const KeyCombo& combo);
    /// The left-hand keysym name of one modifier flag ("Control_L" for ControlModifier).
    static QString modifierKeyName(unsigned modifier);
};

} // namespace taskloom::recorder
