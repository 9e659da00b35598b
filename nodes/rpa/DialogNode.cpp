#include "DialogNode.hpp"

#include "engine/ActionItems.hpp"
#include "engine/ExecutionContext.hpp"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QThread>
#include <QTimer>

namespace taskloom::nodes::rpa {

using namespace engine;

namespace {

constexpr char noDisplayProperty[] = "taskloomNoDisplay";
/// A run started by a trigger (schedule, file watch, webhook) may have nobody at the screen: "no limit" becomes this.
constexpr double unattendedLimitSeconds = 600;

} // namespace

void DialogNode::markNoDisplay(QCoreApplication& app, bool noDisplay)
{
    app.setProperty(noDisplayProperty, noDisplay);
}

DialogNode::DialogNode(const QString& type, const QString& title, const QString& description)
{
    m_spec.type = type;
    m_spec.title = title;
    m_spec.category = QStringLiteral("Desktop");
    m_spec.description = description;
    m_spec.affinity = Affinity::Gui;
    m_spec.requirements = {QStringLiteral("display")};
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("The dialog shows once per item (or once for all)")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), QStringLiteral("The items with the answer added")}};
    m_spec.errors = {noDisplayError(),
                     {QStringLiteral("DIALOG_TIMEOUT"), QStringLiteral("Nobody answered within the timeout (when set to fail rather than use the default)."), false}};
    m_title = addParam<QString>(ParamSpec::string(QStringLiteral("title"), QStringLiteral("Title"))
                                    .defaults(QStringLiteral("Taskloom"))
                                    .describe(QStringLiteral("The dialog window's title.")));
    m_message = addParam<QString>(ParamSpec::text(QStringLiteral("message"), QStringLiteral("Message"))
                                      .describe(QStringLiteral("The text shown in the dialog; {{ }} expressions use the item.")));
    m_mode = addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Ask"),
                                                 {{QStringLiteral("eachItem"), QStringLiteral("Once per item"), {}},
                                                  {QStringLiteral("once"), QStringLiteral("Once for all items"),
                                                   QStringLiteral("Title and message use the first item; the answer joins every item.")}})
                                   .noExpressions());
    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 0)
                                     .range(0, 86400)
                                     .describe(QStringLiteral("Close the dialog after this long without an answer. 0: no limit when a "
                                                              "person started the run (CLI, studio); a run started by a trigger "
                                                              "(schedule, file watch, webhook) waits at most 600 s.")));
    m_onTimeout = addParam<QString>(ParamSpec::choice(QStringLiteral("onTimeout"), QStringLiteral("On timeout"),
                                                      {{QStringLiteral("default"), QStringLiteral("Use the default answer"),
                                                        QStringLiteral("The item also gets \"timedOut\": true.")},
                                                       {QStringLiteral("error"), QStringLiteral("Fail with DIALOG_TIMEOUT"), {}}})
                                        .noExpressions());
}

ErrorSpec DialogNode::noDisplayError()
{
    return {QStringLiteral("NO_DISPLAY"), QStringLiteral("There is no display to show the dialog on (a headless run, or a program without a GUI)."), false};
}

QString DialogNode::titleFor(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    return ctx.param(m_title, item, index);
}

QString DialogNode::messageFor(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    return ctx.param(m_message, item, index);
}

QString DialogNode::fieldName(ExecutionContext& ctx) const
{
    const QString field = ctx.param(m_field).trimmed();
    if (field.isEmpty())
        throw NodeError::param(m_field.name(), field, QStringLiteral("a field name is needed"));
    return field;
}

double DialogNode::timeoutFor(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    const double s = ctx.param(m_timeout, item, index);
    if (s < 0)
        throw NodeError::param(m_timeout.name(), s, QStringLiteral("cannot be negative"));
    if (s == 0 && !ctx.triggerData().isEmpty())
        return unattendedLimitSeconds;
    return s;
}

void DialogNode::timedOut(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    if (ctx.param(m_onTimeout) != u"error")
        return;
    throw NodeError(QStringLiteral("DIALOG_TIMEOUT"),
                    QStringLiteral("no answer within %1 s (parameter \"%2\")").arg(timeoutFor(ctx, item, index)).arg(m_timeout.name()));
}

DialogNode::Outcome DialogNode::show(ExecutionContext& ctx, QDialog& dialog, const Item& item, qsizetype index) const
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app)
        throw NodeError(QStringLiteral("NO_DISPLAY"),
                        QStringLiteral("this program has no GUI to show a dialog with; run the flow with `taskloom run` or in the studio"));
    if (app->property(noDisplayProperty).toBool())
        throw NodeError(QStringLiteral("NO_DISPLAY"),
                        QStringLiteral("no display to show the dialog on (DISPLAY and WAYLAND_DISPLAY are not set): "
                                       "nobody could answer it"));
    if (QThread::currentThread() != app->thread())
        throw NodeError(QStringLiteral("INTERNAL_ERROR"), QStringLiteral("a dialog can only be shown on the main thread"));
    const double seconds = timeoutFor(ctx, item, index);
    const QDeadlineTimer deadline = seconds > 0 ? QDeadlineTimer(qint64(seconds * 1000)) : QDeadlineTimer(QDeadlineTimer::Forever);
    bool expired = false;
    bool cancelled = false;
    // One timer watches both the run (Stop in the studio, Ctrl-C, the node's own timeout) and the deadline.
    QTimer watch;
    watch.setInterval(50);
    QObject::connect(&watch, &QTimer::timeout, &dialog, [&] {
        if (ctx.isCancelled())
            cancelled = true;
        else if (deadline.hasExpired())
            expired = true;
        else
            return;
        dialog.reject();
    });
    watch.start();
    dialog.setWindowModality(Qt::ApplicationModal);
    const int result = dialog.exec();
    watch.stop();
    if (cancelled)
        throw Cancelled();
    if (expired)
        return Outcome::TimedOut;
    return result == QDialog::Accepted ? Outcome::Answered : Outcome::Dismissed;
}

Exec DialogNode::askItems(ExecutionContext& ctx, const Inputs& in, Outputs& out,
                          const std::function<Object(const Item& item, qsizetype index)>& ask) const
{
    const auto addFields = [](Item& item, const Object& fields) {
        for (const auto& [key, value] : fields)
            item.json().insert(key, value);
    };
    if (ctx.param(m_mode) != u"once")
        return actOncePerItem(ctx, in, out, [&](Item& item, qsizetype i) { addFields(item, ask(item, i)); });
    ItemList items = in.take(0);
    if (items.isEmpty())
        items.append(Item());
    ctx.checkCancelled();
    Object fields;
    try {
        fields = ask(items.first(), 0);
    } catch (const NodeError& e) {
        for (const Item& item : items)
            ctx.failItem(item, e, out);
        return Exec::Done;
    }
    for (Item& item : items) {
        addFields(item, fields);
        out.push(0, item);
    }
    return Exec::Done;
}

} // namespace taskloom::nodes::rpa
