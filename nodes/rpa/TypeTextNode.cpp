#include "TypeTextNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

TypeTextNode::TypeTextNode()
    : RpaNode(QStringLiteral("rpa.typeText"), QStringLiteral("Type text"),
              QStringLiteral("Types text into the focused field, character by character, including characters the keyboard "
                             "layout does not have. With {{ }} one flow fills a form for every row of a spreadsheet."))
{
    m_spec.aliases = {QStringLiteral("keyboard"), QStringLiteral("enter text"), QStringLiteral("fill"), QStringLiteral("input")};
    m_spec.icon = QStringLiteral("input-keyboard");
    m_text = addParam<QString>(ParamSpec::text(QStringLiteral("text"), QStringLiteral("Text")).required()
                                   .hint(QStringLiteral("{{ item.name }}")));
    m_paste = addParam<bool>(ParamSpec::boolean(QStringLiteral("paste"), QStringLiteral("Paste through the clipboard"), false)
                                 .describe(QStringLiteral("For text an input method would intercept (Korean, Japanese, ...): "
                                                          "puts it on the clipboard and presses ctrl+v.")));
}

Exec TypeTextNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        recorder::MacroStep step;
        step.kind = recorder::MacroStep::Kind::Type;
        step.text = ctx.param(m_text, item, i);
        step.paste = ctx.param(m_paste, item, i);
        runStep(ctx, *desktop, step, item, i);
    });
}

} // namespace taskloom::nodes::rpa
