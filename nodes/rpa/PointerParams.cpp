#include "PointerParams.hpp"

#include "engine/NodeError.hpp"
#include "recorder/KeyText.hpp"
#include "recorder/MacroFile.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

ParamSpec PointerParams::buttonParam()
{
    return ParamSpec::choice(QStringLiteral("button"), QStringLiteral("Button"),
                             {{QStringLiteral("left"), QStringLiteral("Left"), {}},
                              {QStringLiteral("right"), QStringLiteral("Right"), {}},
                              {QStringLiteral("middle"), QStringLiteral("Middle"), {}}});
}

ParamSpec PointerParams::modifiersParam()
{
    return ParamSpec::string(QStringLiteral("modifiers"), QStringLiteral("Hold keys"))
        .hint(QStringLiteral("ctrl+shift"))
        .describe(QStringLiteral("Modifier keys held during the action: ctrl, alt, shift, super, joined with +."));
}

int PointerParams::button(const QString& value, const QString& param)
{
    const int b = recorder::MacroFile::buttonFromName(value);
    if (b == 0)
        throw NodeError::param(param, value, QStringLiteral("expected left, right or middle"));
    return b;
}

unsigned PointerParams::modifiers(const QString& value, const QString& param)
{
    if (value.trimmed().isEmpty())
        return 0;
    const auto combo = recorder::KeyText::parseCombo(value + QStringLiteral("+x"));
    if (!combo)
        throw NodeError::param(param, value, QStringLiteral("expected modifier names joined with +, like ctrl+shift"));
    return combo->modifiers;
}

} // namespace taskloom::nodes::rpa
