#include "RpaNode.hpp"

#include "ScreenText.hpp"

#include "engine/ActionItems.hpp"
#include "engine/ExecutionContext.hpp"
#include "recorder/StepRunner.hpp"

#include <QFileInfo>

namespace taskloom::nodes::rpa {

using namespace engine;
using recorder::Locator;

RpaNode::RpaNode(const QString& type, const QString& title, const QString& description)
{
    m_spec.type = type;
    m_spec.title = title;
    m_spec.category = QStringLiteral("Desktop");
    m_spec.description = description;
    m_spec.affinity = Affinity::Desktop;
    m_spec.requirements = {QStringLiteral("display")};
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("The action runs once per item (once when none arrive)")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.errors = {noDisplayError(), actionFailedError()};
    m_display = addParam<QString>(ParamSpec::string(QStringLiteral("display"), QStringLiteral("Display"))
                                      .hint(QStringLiteral(":0"))
                                      .describe(QStringLiteral("The X11 display to act on; empty: $DISPLAY.")));
}

ErrorSpec RpaNode::noDisplayError()
{
    return {QStringLiteral("NO_DISPLAY"),
            QStringLiteral("No desktop to act on: no X11 display, a Wayland-only session, or no XTEST extension."), false};
}

ErrorSpec RpaNode::notFoundError()
{
    return {QStringLiteral("TARGET_NOT_FOUND"),
            QStringLiteral("The image, window or position was not found in time. A screenshot with the search region "
                           "marked is saved and named in the message."),
            true};
}

ErrorSpec RpaNode::actionFailedError()
{
    return {QStringLiteral("DESKTOP_ACTION_FAILED"), QStringLiteral("The display refused the input, or the mouse was moved during the action."), false};
}

void RpaNode::addTargetParams(bool required)
{
    m_image = addParam<QString>(ParamSpec::file(QStringLiteral("image"), QStringLiteral("Image"))
                                    .filter(QStringLiteral("Images (*.png *.jpg *.bmp)"))
                                    .describe(QStringLiteral("A picture of the target, found on the screen wherever it moved "
                                                             "(also at other zoom levels). Tried first.")));
    m_offsetX = addParam<qint64>(ParamSpec::integer(QStringLiteral("offsetX"), QStringLiteral("Offset X in image"), -1)
                                     .describe(QStringLiteral("Where to act inside the image, from its left edge; -1: its centre.")));
    m_offsetY = addParam<qint64>(ParamSpec::integer(QStringLiteral("offsetY"), QStringLiteral("Offset Y in image"), -1));
    m_minScore = addParam<double>(ParamSpec::number(QStringLiteral("minScore"), QStringLiteral("Minimum match score"), 0.8)
                                      .range(0.1, 1)
                                      .describe(QStringLiteral("1 is a perfect match; lower accepts more difference.")));
    m_text = addParam<QString>(ParamSpec::string(QStringLiteral("text"), QStringLiteral("Text on the screen"))
                                   .describe(QStringLiteral("Words to find by OCR (a button's label, a menu entry); the action "
                                                            "happens at their centre. Tried after the image, inside the window "
                                                            "below when one is named.")));
    m_windowTitle = addParam<QString>(ParamSpec::string(QStringLiteral("windowTitle"), QStringLiteral("Window title"))
                                          .describe(QStringLiteral("Window-relative position: the window's exact title. Tried after the image.")));
    m_windowClass = addParam<QString>(ParamSpec::string(QStringLiteral("windowClass"), QStringLiteral("Window class")));
    m_windowX = addParam<qint64>(ParamSpec::integer(QStringLiteral("windowX"), QStringLiteral("X in window"), 0));
    m_windowY = addParam<qint64>(ParamSpec::integer(QStringLiteral("windowY"), QStringLiteral("Y in window"), 0));
    m_x = addParam<qint64>(ParamSpec::integer(QStringLiteral("x"), QStringLiteral("Screen X"), -1)
                               .describe(QStringLiteral("Absolute position, tried last; -1: none.")));
    m_y = addParam<qint64>(ParamSpec::integer(QStringLiteral("y"), QStringLiteral("Screen Y"), -1));
    m_fallback = addParam<bool>(ParamSpec::boolean(QStringLiteral("fallback"), QStringLiteral("Fall back to positions"), true)
                                    .describe(QStringLiteral("When the image is not found, use the window-relative, then the "
                                                             "absolute position (only where the recorded window really is).")));
    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 5)
                                     .range(0, 3600)
                                     .describe(QStringLiteral("How long to wait for the image to appear.")));
    if (required)
        m_spec.errors.append(notFoundError());
}

recorder::Image RpaNode::loadImage(ExecutionContext& ctx, const Param<QString>& param, const Item& item, qsizetype index) const
{
    const QString value = ctx.param(param, item, index);
    const QString path = ctx.resolvePath(value);
    if (!QFileInfo::exists(path))
        throw NodeError::param(param.name(), value, QStringLiteral("no such file"), QStringLiteral("INVALID_PARAMETER"));
    auto img = recorder::Image::load(path);
    if (!img)
        throw NodeError::param(param.name(), value, img.error());
    return *img;
}

recorder::Target RpaNode::target(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    recorder::Target t;
    if (!ctx.param(m_image, item, index).isEmpty()) {
        Locator l;
        l.kind = Locator::Kind::Image;
        l.anchor = loadImage(ctx, m_image, item, index);
        const qint64 ox = ctx.param(m_offsetX, item, index), oy = ctx.param(m_offsetY, item, index);
        l.offset = {ox < 0 ? l.anchor.width() / 2 : int(ox), oy < 0 ? l.anchor.height() / 2 : int(oy)};
        l.minScore = ctx.param(m_minScore, item, index);
        if (l.minScore <= 0 || l.minScore > 1)
            throw NodeError::param(m_minScore.name(), l.minScore, QStringLiteral("must be in (0, 1]"));
        t.locators.append(l);
    }
    if (const QString text = ctx.param(m_text, item, index).trimmed(); !text.isEmpty()) {
        Locator l;
        l.kind = Locator::Kind::Text;
        l.text = text;
        t.locators.append(l);
    }
    const QString title = ctx.param(m_windowTitle, item, index), cls = ctx.param(m_windowClass, item, index);
    if (!title.isEmpty() || !cls.isEmpty()) {
        Locator l;
        l.kind = Locator::Kind::Window;
        l.title = title;
        l.className = cls;
        l.offset = {int(ctx.param(m_windowX, item, index)), int(ctx.param(m_windowY, item, index))};
        t.locators.append(l);
        t.window.title = title;
        t.window.className = cls;
    }
    const qint64 x = ctx.param(m_x, item, index), y = ctx.param(m_y, item, index);
    if (x >= 0 && y >= 0) {
        Locator l;
        l.kind = Locator::Kind::Absolute;
        l.point = {int(x), int(y)};
        t.locators.append(l);
    }
    return t;
}

double RpaNode::timeoutSeconds(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    const double s = ctx.param(m_timeout, item, index);
    if (s < 0)
        throw NodeError::param(m_timeout.name(), s, QStringLiteral("cannot be negative"));
    return s;
}

std::unique_ptr<recorder::Desktop> RpaNode::openDesktop(ExecutionContext& ctx) const
{
    auto desktop = recorder::Desktop::open(ctx.param(m_display));
    if (!desktop)
        throw NodeError(QStringLiteral("NO_DISPLAY"), desktop.error());
    if (!(*desktop)->warning().isEmpty())
        ctx.log(LogLevel::Warning, (*desktop)->warning());
    return std::move(*desktop);
}

recorder::ReplayOptions RpaNode::replayOptions(ExecutionContext& ctx, const Item* item, qsizetype index) const
{
    recorder::ReplayOptions o;
    o.cancelled = [&ctx] { return ctx.isCancelled(); };
    o.secret = [&ctx](const QString& name, const QString& field) -> std::expected<QString, QString> {
        try {
            const Credential c = ctx.credential(name);
            if (!c.fields.contains(field))
                return std::unexpected(QStringLiteral("credential \"%1\" has no field \"%2\"").arg(name, field));
            return c.field(field);
        } catch (const NodeError& e) {
            return std::unexpected(e.message());
        }
    };
    o.findText = [&ctx](const recorder::Image& screen, const QString& text,
                        const recorder::Rect& region) -> std::expected<std::optional<recorder::Rect>, QString> {
        ScreenTextOptions options;
        options.cancelled = [&ctx] { return ctx.isCancelled(); };
        return findScreenText(screen, text, region, options);
    };
    (void)item;
    (void)index;
    return o;
}

recorder::StepReport RpaNode::runStep(ExecutionContext& ctx, recorder::Desktop& desktop, const recorder::MacroStep& step,
                                      const Item& item, qsizetype index) const
{
    recorder::ReplayOptions o = replayOptions(ctx, &item, index);
    if (!m_timeout.name().isEmpty())
        o.findTimeoutMs = int(timeoutSeconds(ctx, item, index) * 1000);
    if (!m_fallback.name().isEmpty())
        o.fallback = ctx.param(m_fallback, item, index);
    o.abortOnUserMouse = false; // one step at a time: there is no "last position" of ours to compare with
    recorder::StepRunner runner(desktop, o);
    recorder::StepReport r = runner.run(0, step);
    ctx.checkCancelled();
    if (!r.ok) {
        // "step 1 (click): " means nothing inside a flow; the executor names the node.
        QString message = r.error;
        const QString prefix = recorder::MacroStep::label(0, step.kind) + QStringLiteral(": ");
        if (message.startsWith(prefix))
            message = message.mid(prefix.size());
        const bool notFound = message.contains(QStringLiteral("not found")) || message.contains(QStringLiteral("not on the screen"));
        throw NodeError(notFound ? QStringLiteral("TARGET_NOT_FOUND") : QStringLiteral("DESKTOP_ACTION_FAILED"), message,
                        notFound ? NodeError::Retry::Yes : NodeError::Retry::No);
    }
    ctx.log(LogLevel::Debug, QStringLiteral("%1 at %2,%3 (%4%5)")
                                 .arg(r.kind).arg(r.point.x).arg(r.point.y).arg(r.strategy)
                                 .arg(r.score >= 0 ? QStringLiteral(", score %1").arg(r.score, 0, 'f', 2) : QString()));
    return r;
}

Object RpaNode::reportFields(const recorder::StepReport& r)
{
    return r.toObject();
}

Exec RpaNode::forEachItem(ExecutionContext& ctx, const Inputs& in, Outputs& out,
                          const std::function<void(Item&, qsizetype)>& perItem) const
{
    return actOncePerItem(ctx, in, out, perItem);
}

} // namespace taskloom::nodes::rpa
