#include "RunMacroNode.hpp"

#include "engine/ExecutionContext.hpp"
#include "recorder/MacroFile.hpp"
#include "recorder/Replayer.hpp"

#include <QFileInfo>

namespace taskloom::nodes::rpa {

using namespace engine;

RunMacroNode::RunMacroNode()
    : RpaNode(QStringLiteral("rpa.runMacro"), QStringLiteral("Run macro"),
              QStringLiteral("Replays a recording (taskloom record) once per item. Typed text may hold {{ }} expressions, so "
                             "one recording fills a form for every row. Adds the replay report under \"replay\"."))
{
    m_spec.aliases = {QStringLiteral("recording"), QStringLiteral("replay"), QStringLiteral("playback"), QStringLiteral("rpa")};
    m_spec.icon = QStringLiteral("media-playback-start");
    m_file = addParam<QString>(ParamSpec::file(QStringLiteral("file"), QStringLiteral("Macro")).required()
                                   .filter(QStringLiteral("Macros (*.macro.json)")));
    m_speed = addParam<double>(ParamSpec::number(QStringLiteral("speed"), QStringLiteral("Speed"), 1).range(0.1, 20)
                                   .describe(QStringLiteral("2 replays twice as fast (pauses and waits shrink too).")));
    m_wait = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Find timeout (seconds)"), 5).range(0, 600)
                                  .describe(QStringLiteral("How long each step waits for its target to appear.")));
    m_fallbackMacro = addParam<bool>(ParamSpec::boolean(QStringLiteral("fallback"), QStringLiteral("Fall back to positions"), true));
    m_spec.errors.append(notFoundError());
    m_spec.errors.append({QStringLiteral("MACRO_INVALID"), QStringLiteral("The macro file is missing, truncated or broken; the message names the step."), false});
    m_spec.credentialTypes = {QStringLiteral("usernamePassword")};
}

Exec RunMacroNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        const QString fileValue = ctx.param(m_file, item, i);
        auto macro = recorder::MacroFile::read(ctx.resolvePath(fileValue));
        if (!macro)
            throw NodeError(QStringLiteral("MACRO_INVALID"), QStringLiteral("parameter \"file\" = \"%1\": %2").arg(fileValue, macro.error()));
        recorder::ReplayOptions o = replayOptions(ctx, &item, i);
        o.speed = ctx.param(m_speed, item, i);
        if (o.speed <= 0)
            throw NodeError::param(m_speed.name(), o.speed, QStringLiteral("must be above 0"));
        o.findTimeoutMs = int(ctx.param(m_wait, item, i) * 1000);
        o.fallback = ctx.param(m_fallbackMacro, item, i);
        o.resolveText = [&](const QString& text) -> std::expected<QString, QString> {
            if (!text.contains(QStringLiteral("{{")))
                return text;
            try {
                return ctx.evaluateText(m_file.name(), text, &item, i).toText();
            } catch (const NodeError& e) {
                return std::unexpected(e.message());
            }
        };
        o.afterStep = [&](const recorder::StepReport& s) {
            ctx.progress(double(s.index + 1) / std::max<qsizetype>(1, macro->steps.size()),
                         QStringLiteral("%1 (%2)").arg(s.index + 1).arg(s.kind));
        };
        const recorder::ReplayReport report = recorder::Replayer::run(*desktop, *macro, o);
        ctx.checkCancelled();
        if (!report.ok) {
            const bool notFound = report.error.contains(QStringLiteral("not found")) || report.error.contains(QStringLiteral("not on the screen"));
            throw NodeError(notFound ? QStringLiteral("TARGET_NOT_FOUND") : QStringLiteral("DESKTOP_ACTION_FAILED"),
                            QStringLiteral("macro \"%1\": %2").arg(QFileInfo(fileValue).fileName(), report.error),
                            notFound ? NodeError::Retry::Yes : NodeError::Retry::No);
        }
        item.json().insert(QStringLiteral("replay"), report.toObject());
    });
}

} // namespace taskloom::nodes::rpa
