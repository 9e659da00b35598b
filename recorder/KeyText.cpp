#include "KeyText.hpp"

#include "InputEvent.hpp"

#include <QStringList>

namespace taskloom::recorder {

namespace {

struct ModifierName {
    const char* name;
    unsigned flag;
};

constexpr ModifierName modifierNames[] = {
    {"ctrl", ControlModifier}, {"control", ControlModifier}, {"shift", ShiftModifier}, {"alt", AltModifier},
    {"super", SuperModifier},  {"meta", SuperModifier},      {"win", SuperModifier},
};

} // namespace

char32_t KeyText::keysymToUnicode(quint32 keysym)
{
    if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff))
        return char32_t(keysym);
    if (keysym >= 0x01000100 && keysym <= 0x0110ffff)
        return char32_t(keysym - 0x01000000);
    if (keysym >= 0xffb0 && keysym <= 0xffb9) // KP_0 .. KP_9
        return char32_t('0' + (keysym - 0xffb0));
    switch (keysym) {
    case 0xffaa: return U'*'; // KP_Multiply
    case 0xffab: return U'+'; // KP_Add
    case 0xffad: return U'-'; // KP_Subtract
    case 0xffae: return U'.'; // KP_Decimal
    case 0xffaf: return U'/'; // KP_Divide
    case 0xff80: return U' '; // KP_Space
    case 0x20ac: return U'€'; // EuroSign
    default: return 0;
    }
}

quint32 KeyText::unicodeToKeysym(char32_t c)
{
    if (c == U'\n' || c == U'\r')
        return 0xff0d; // Return
    if (c == U'\t')
        return 0xff09; // Tab
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff))
        return quint32(c);
    if (c == U'€')
        return 0x20ac;
    return 0x01000000 + quint32(c);
}

bool KeyText::isModifierKey(const QString& name)
{
    static const QStringList prefixes = {QStringLiteral("Shift_"), QStringLiteral("Control_"), QStringLiteral("Alt_"),
                                         QStringLiteral("Meta_"), QStringLiteral("Super_"), QStringLiteral("Hyper_")};
    for (const QString& p : prefixes)
        if (name.startsWith(p))
            return true;
    return name == u"ISO_Level3_Shift" || name == u"ISO_Level5_Shift" || name == u"Mode_switch"
        || name == u"Caps_Lock" || name == u"Num_Lock" || name == u"Shift_Lock";
}

std::optional<KeyCombo> KeyText::parseCombo(const QString& text)
{
    QString rest = text.trimmed();
    KeyCombo combo;
    if (rest == u"+")
        return KeyCombo{0, QStringLiteral("plus")};
    if (rest.endsWith(u"++")) { // "ctrl++": ctrl and the plus key
        combo.key = QStringLiteral("plus");
        rest.chop(2);
    } else {
        const qsizetype at = rest.lastIndexOf(u'+');
        combo.key = rest.mid(at + 1).trimmed();
        rest = at < 0 ? QString() : rest.left(at);
        if (combo.key.isEmpty())
            return std::nullopt;
        for (const auto& m : modifierNames)
            if (combo.key.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0)
                combo.key = modifierKeyName(m.flag); // a lone modifier: "super" presses Super_L
    }
    if (rest.isEmpty())
        return combo;
    for (const QString& raw : rest.split(u'+')) {
        const QString part = raw.trimmed();
        bool known = false;
        for (const auto& m : modifierNames)
            if (part.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0) {
                combo.modifiers |= m.flag;
                known = true;
            }
        if (!known)
            return std::nullopt;
    }
    return combo;
}

QString KeyText::formatCombo(const KeyCombo& combo)
{
    QString s;
    if (combo.modifiers & ControlModifier)
        s += QStringLiteral("ctrl+");
    if (combo.modifiers & AltModifier)
        s += QStringLiteral("alt+");
    if (combo.modifiers & ShiftModifier)
        s += QStringLiteral("shift+");
    if (combo.modifiers & SuperModifier)
        s += QStringLiteral("super+");
    return s + combo.key;
}

QString KeyText::modifierKeyName(unsigned modifier)
{
    switch (modifier) {
    case ShiftModifier: return QStringLiteral("Shift_L");
    case ControlModifier: return QStringLiteral("Control_L");
    case AltModifier: return QStringLiteral("Alt_L");
    case SuperModifier: return QStringLiteral("Super_L");
    default: return {};
    }
}

} // namespace taskloom::recorder
