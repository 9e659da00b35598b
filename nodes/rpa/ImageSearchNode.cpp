#include "ImageSearchNode.hpp"

#include "engine/ExecutionContext.hpp"
#include "recorder/AnchorFinder.hpp"

#include <QElapsedTimer>

namespace taskloom::nodes::rpa {

using namespace engine;

ImageSearchNode::ImageSearchNode(Mode mode)
    : RpaNode(mode == Mode::Find ? QStringLiteral("rpa.findImage") : QStringLiteral("rpa.waitForImage"),
              mode == Mode::Find ? QStringLiteral("Find image") : QStringLiteral("Wait for image"),
              mode == Mode::Find
                  ? QStringLiteral("Looks for a picture on the screen (also zoomed) and adds where it is under \"image\": "
                                   "found, x, y, width, height, centre and score.")
                  : QStringLiteral("Waits until a picture appears on the screen (a page loaded, a dialog opened), or until "
                                   "it disappears (a progress bar finished).")),
      m_mode(mode)
{
    m_spec.aliases = {QStringLiteral("locate"), QStringLiteral("screen"), QStringLiteral("template"), QStringLiteral("picture")};
    m_spec.icon = QStringLiteral("edit-find");
    m_picture = addParam<QString>(ParamSpec::file(QStringLiteral("image"), QStringLiteral("Image")).required()
                                      .filter(QStringLiteral("Images (*.png *.jpg *.bmp)")));
    m_score = addParam<double>(ParamSpec::number(QStringLiteral("minScore"), QStringLiteral("Minimum match score"), 0.8).range(0.1, 1));
    if (mode == Mode::Wait) {
        m_until = addParam<QString>(ParamSpec::choice(QStringLiteral("until"), QStringLiteral("Until it"),
                                                      {{QStringLiteral("appears"), QStringLiteral("Appears"), {}},
                                                       {QStringLiteral("disappears"), QStringLiteral("Disappears"), {}}}));
        m_wait = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 30).range(0, 86400));
        m_spec.errors.append({QStringLiteral("TIMEOUT"), QStringLiteral("The image did not appear (or disappear) in time."), true});
    } else {
        m_failIfMissing = addParam<bool>(ParamSpec::boolean(QStringLiteral("failIfMissing"), QStringLiteral("Fail when not found"), false)
                                             .describe(QStringLiteral("Off: the item gets image.found = false.")));
        m_spec.errors.append(notFoundError());
    }
}

Exec ImageSearchNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        const recorder::Image picture = loadImage(ctx, m_picture, item, i);
        recorder::AnchorFinder::Search search;
        search.minScore = ctx.param(m_score, item, i);
        search.scales = recorder::AnchorFinder::defaultScales();
        const bool untilGone = m_mode == Mode::Wait && ctx.param(m_until, item, i) == u"disappears";
        const double timeout = m_mode == Mode::Wait ? ctx.param(m_wait, item, i) : 0;
        QElapsedTimer t;
        t.start();
        std::optional<recorder::AnchorMatch> match;
        while (true) {
            auto screen = desktop->grabScreen();
            if (!screen)
                throw NodeError(QStringLiteral("DESKTOP_ACTION_FAILED"), screen.error());
            match = recorder::AnchorFinder::find(*screen, picture, search);
            if (m_mode == Mode::Find || bool(match) != untilGone || t.elapsed() >= timeout * 1000)
                break;
            if (!ctx.cancellation().sleepFor(std::chrono::milliseconds(150)))
                ctx.checkCancelled();
        }
        if (m_mode == Mode::Wait && bool(match) == untilGone)
            throw NodeError(QStringLiteral("TIMEOUT"),
                            QStringLiteral("parameter \"image\" = \"%1\": still %2 the screen after %3 s")
                                .arg(ctx.param(m_picture, item, i), untilGone ? QStringLiteral("on") : QStringLiteral("not on"))
                                .arg(timeout),
                            NodeError::Retry::Yes);
        if (!match && m_mode == Mode::Find && ctx.param(m_failIfMissing, item, i))
            throw NodeError(QStringLiteral("TARGET_NOT_FOUND"),
                            QStringLiteral("parameter \"image\" = \"%1\": not on the screen").arg(ctx.param(m_picture, item, i)),
                            NodeError::Retry::Yes);
        Object found{{QStringLiteral("found"), bool(match)}};
        if (match) {
            const recorder::Rect& r = match->rect;
            found.insert(QStringLiteral("x"), r.x);
            found.insert(QStringLiteral("y"), r.y);
            found.insert(QStringLiteral("width"), r.width);
            found.insert(QStringLiteral("height"), r.height);
            found.insert(QStringLiteral("centerX"), r.center().x);
            found.insert(QStringLiteral("centerY"), r.center().y);
            found.insert(QStringLiteral("score"), std::round(match->score * 1000) / 1000);
            found.insert(QStringLiteral("scale"), match->scale);
        }
        item.json().insert(QStringLiteral("image"), found);
    });
}

} // namespace taskloom::nodes::rpa
