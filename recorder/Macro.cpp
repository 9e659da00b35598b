#include "Macro.hpp"

namespace taskloom::recorder {

namespace {

struct KindName {
    MacroStep::Kind kind;
    const char16_t* name;
};

constexpr KindName stepKinds[] = {
    {MacroStep::Kind::Click, u"click"},     {MacroStep::Kind::Drag, u"drag"},       {MacroStep::Kind::Scroll, u"scroll"},
    {MacroStep::Kind::Type, u"type"},       {MacroStep::Kind::TypeSecret, u"typeSecret"},
    {MacroStep::Kind::Keys, u"keys"},       {MacroStep::Kind::Wait, u"wait"},       {MacroStep::Kind::WaitWindow, u"waitWindow"},
};

} // namespace

QString Locator::kindName(Kind k)
{
    switch (k) {
    case Kind::Image: return QStringLiteral("image");
    case Kind::Text: return QStringLiteral("text");
    case Kind::Window: return QStringLiteral("window");
    case Kind::Absolute: return QStringLiteral("absolute");
    }
    return {};
}

const Locator* Target::find(Locator::Kind kind) const
{
    for (const Locator& l : locators)
        if (l.kind == kind)
            return &l;
    return nullptr;
}

QString MacroStep::kindName(Kind k)
{
    for (const auto& n : stepKinds)
        if (n.kind == k)
            return QString::fromUtf16(n.name);
    return {};
}

bool MacroStep::kindFromName(QStringView name, Kind& out)
{
    for (const auto& n : stepKinds)
        if (name == QStringView(n.name)) {
            out = n.kind;
            return true;
        }
    return false;
}

QString MacroStep::label(int index, Kind kind)
{
    return QStringLiteral("step %1 (%2)").arg(index + 1).arg(kindName(kind));
}

} // namespace taskloom::recorder
