#pragma once

#include "engine/NodeType.hpp"
#include "recorder/Desktop.hpp"
#include "recorder/Macro.hpp"
#include "recorder/ReplayOptions.hpp"
#include "recorder/ReplayReport.hpp"

namespace taskloom::nodes::rpa {

/// What every desktop node shares: desktop affinity (one mouse, one keyboard: desktop steps never overlap), the
/// "display" requirement, the display parameter, the target parameters (image anchor, then window-relative, then
/// absolute, as in a recording) and running one macro step per item with the recorder's StepRunner.
class RpaNode : public engine::NodeType {
protected:
    RpaNode(const QString& type, const QString& title, const QString& description);

    /// Adds the parameters that say where a step acts.
    void addTargetParams(bool required);
    /// The target described by the parameters for one item; empty when no way to find it was given.
    recorder::Target target(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;
    double timeoutSeconds(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;

    std::unique_ptr<recorder::Desktop> openDesktop(engine::ExecutionContext& ctx) const;
    recorder::ReplayOptions replayOptions(engine::ExecutionContext& ctx, const engine::Item* item, qsizetype index) const;
    /// Runs one step; throws TARGET_NOT_FOUND or DESKTOP_ACTION_FAILED naming the node's parameters on failure.
    recorder::StepReport runStep(engine::ExecutionContext& ctx, recorder::Desktop& desktop, const recorder::MacroStep& step,
                                 const engine::Item& item, qsizetype index) const;
    /// The step report as item fields (strategy, point, score) under "desktop".
    static engine::Object reportFields(const recorder::StepReport& report);
    /// Loads an image parameter (relative to the flow's folder); throws naming the parameter.
    recorder::Image loadImage(engine::ExecutionContext& ctx, const engine::Param<QString>& param, const engine::Item& item,
                              qsizetype index) const;
    /// Runs `perItem` for every input item (or once without items) and passes the items on.
    engine::Exec forEachItem(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out,
                             const std::function<void(engine::Item& item, qsizetype index)>& perItem) const;

    static engine::ErrorSpec noDisplayError();
    static engine::ErrorSpec notFoundError();
    static engine::ErrorSpec actionFailedError();

    engine::Param<QString> m_display;
    engine::Param<QString> m_image;
    engine::Param<qint64> m_offsetX;
    engine::Param<qint64> m_offsetY;
    engine::Param<double> m_minScore;
    engine::Param<QString> m_text;
    engine::Param<QString> m_windowTitle;
    engine::Param<QString> m_windowClass;
    engine::Param<qint64> m_windowX;
    engine::Param<qint64> m_windowY;
    engine::Param<qint64> m_x;
    engine::Param<qint64> m_y;
    engine::Param<bool> m_fallback;
    engine::Param<double> m_timeout;
};

} // namespace taskloom::nodes::rpa
