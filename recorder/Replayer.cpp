#include "Replayer.hpp"

#include "StepRunner.hpp"

namespace taskloom::recorder {

ReplayReport Replayer::run(Desktop& desktop, const Macro& macro, const ReplayOptions& options)
{
    ReplayOptions opts = options;
    if (opts.recordedScreen.isEmpty())
        opts.recordedScreen = macro.screen;
    StepRunner runner(desktop, opts);
    ReplayReport report;
    for (int i = 0; i < macro.steps.size(); ++i) {
        const MacroStep& step = macro.steps[i];
        if ((opts.cancelled && opts.cancelled()) || (opts.beforeStep && !opts.beforeStep(i, step))) {
            report.ok = false;
            report.cancelled = true;
            report.error = QStringLiteral("%1: replay stopped before this step").arg(MacroStep::label(i, step.kind));
            break;
        }
        StepReport s = runner.run(i, step);
        report.steps.append(s);
        if (opts.afterStep)
            opts.afterStep(s);
        if (!s.ok) {
            report.ok = false;
            report.error = s.error;
            break;
        }
        if (i + 1 < macro.steps.size() && !runner.sleep(int(opts.settleMs / std::max(0.01, opts.speed)))) {
            report.ok = false;
            report.cancelled = true;
            report.error = QStringLiteral("replay cancelled after %1").arg(MacroStep::label(i, step.kind));
            break;
        }
    }
    desktop.releaseAll();
    return report;
}

} // namespace taskloom::recorder
