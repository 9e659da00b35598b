#pragma once

#include "engine/NodeType.hpp"

#include <functional>

class QCoreApplication;
class QDialog;

namespace taskloom::nodes::rpa {

/// What the message and input dialogs share: GUI affinity (widgets live on the main thread), the "display"
/// requirement, title and message with {{ }} expressions, asking once per item or once for all items, a timeout
/// so an unattended run never waits forever, and closing the dialog when the run is cancelled.
class DialogNode : public engine::NodeType {
public:
    /// Marks the application of a process that has no display (DISPLAY and WAYLAND_DISPLAY unset, so Qt runs
    /// offscreen): dialogs then fail with NO_DISPLAY instead of waiting for an answer nobody can give.
    static void markNoDisplay(QCoreApplication& app, bool noDisplay);

protected:
    DialogNode(const QString& type, const QString& title, const QString& description);

    enum class Outcome { Answered, Dismissed, TimedOut };
    /// Shows `dialog` modally until it is answered or dismissed, the timeout passes, or the run is cancelled (then
    /// the dialog closes and Cancelled is thrown). Throws NO_DISPLAY when nobody could see it.
    Outcome show(engine::ExecutionContext& ctx, QDialog& dialog, const engine::Item& item, qsizetype index) const;
    /// The dialog's title and message for an item.
    QString titleFor(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;
    QString messageFor(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;
    /// The output field's name (never empty).
    QString fieldName(engine::ExecutionContext& ctx) const;
    /// A timed-out dialog: returns when the default answer should be used (the caller adds "timedOut": true),
    /// throws DIALOG_TIMEOUT when the node is set to fail.
    void timedOut(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;
    /// Runs `ask` per item, or once (evaluated for the first item) with its answer added to every item; the fields
    /// it returns join the item(s). With no input items there is one empty item.
    engine::Exec askItems(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out,
                          const std::function<engine::Object(const engine::Item& item, qsizetype index)>& ask) const;

    static engine::ErrorSpec noDisplayError();

    engine::Param<QString> m_title;
    engine::Param<QString> m_message;
    engine::Param<QString> m_mode;
    engine::Param<QString> m_field;
    engine::Param<double> m_timeout;
    engine::Param<QString> m_onTimeout;

private:
    /// Seconds to wait; 0: no limit. See the timeout parameter's description.
    double timeoutFor(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;
};

} // namespace taskloom::nodes::rpa
