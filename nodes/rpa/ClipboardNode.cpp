#include "ClipboardNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

ClipboardNode::ClipboardNode(Mode mode)
    : RpaNode(mode == Mode::Get ? QStringLiteral("rpa.clipboardGet") : QStringLiteral("rpa.clipboardSet"),
              mode == Mode::Get ? QStringLiteral("Clipboard get") : QStringLiteral("Clipboard set"),
              mode == Mode::Get ? QStringLiteral("Reads the text on the desktop clipboard into a field of each item.")
                                : QStringLiteral("Puts text on the desktop clipboard, ready to paste.")),
      m_mode(mode)
{
    m_spec.aliases = {QStringLiteral("copy"), QStringLiteral("paste"), QStringLiteral("clipboard")};
    m_spec.icon = mode == Mode::Get ? QStringLiteral("edit-paste") : QStringLiteral("edit-copy");
    if (mode == Mode::Get)
        m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Into field"))
                                        .defaults(QStringLiteral("clipboard")).noExpressions());
    else
        m_text = addParam<QString>(ParamSpec::text(QStringLiteral("text"), QStringLiteral("Text")).required());
}

Exec ClipboardNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    const Exec done = forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        if (m_mode == Mode::Get) {
            auto text = desktop->clipboardText(3000);
            if (!text)
                throw NodeError(QStringLiteral("DESKTOP_ACTION_FAILED"), text.error(), NodeError::Retry::Yes);
            const QString field = ctx.param(m_field);
            if (field.isEmpty())
                throw NodeError::param(m_field.name(), field, QStringLiteral("a field name is needed"));
            item.json().insert(field, *text);
            return;
        }
        if (auto ok = desktop->setClipboardText(ctx.param(m_text, item, i)); !ok)
            throw NodeError(QStringLiteral("DESKTOP_ACTION_FAILED"), ok.error());
    });
    return done;
}

} // namespace taskloom::nodes::rpa
