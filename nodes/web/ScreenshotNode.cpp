#include "ScreenshotNode.hpp"

#include "BrowserWait.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/ExecutionContext.hpp"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QPixmap>
#include <QWebEngineView>

#include <cmath>

namespace taskloom::nodes::web {

using namespace engine;

namespace {

// Lets the page lay out and paint at the view's current size: two animation frames in the page, then a moment for
// the compositor to hand the frame to the view.
void awaitFrames(ExecutionContext& ctx, BrowserSession& s, qint64 timeoutMs)
{
    s.evaluate(ctx, QStringLiteral("return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(function () { r(true); }); }); });"),
               timeoutMs, World::Isolated);
    pause(ctx, 150);
}

} // namespace

ScreenshotNode::ScreenshotNode()
    : WebNode(QStringLiteral("web.screenshot"), QStringLiteral("Page screenshot"),
              QStringLiteral("Takes a PNG picture of the page as the browser rendered it: the window, the whole page, or one "
                             "element. Attached to the item; saved to a file when a path is set."))
{
    m_spec.aliases = {QStringLiteral("capture"), QStringLiteral("picture"), QStringLiteral("png"), QStringLiteral("image")};
    m_fullPage = addParam<bool>(ParamSpec::boolean(QStringLiteral("fullPage"), QStringLiteral("Whole page"), false)
                                    .describe(QStringLiteral("The full scroll height, not only the window.")));
    m_selector = addParam<QString>(ParamSpec::string(QStringLiteral("selector"), QStringLiteral("Only the element"))
                                       .hint(QStringLiteral("#chart")));
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("Save to")).forSaving()
                                   .filter(QStringLiteral("PNG images (*.png)")));
    m_binary = addParam<QString>(ParamSpec::string(QStringLiteral("binaryName"), QStringLiteral("Attachment name"))
                                     .defaults(QStringLiteral("screenshot")).noExpressions());
    m_spec.errors.append(selectorNotFoundError());
    m_spec.errors.append({QStringLiteral("INVALID_SELECTOR"), QStringLiteral("The selector is not valid CSS."), false});
    m_spec.errors.append({QStringLiteral("FILE_WRITE_ERROR"), QStringLiteral("The picture could not be saved."), false});
}

Exec ScreenshotNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const qint64 timeout = timeoutMs(ctx, item, i);
        const QString selector = ctx.param(m_selector, item, i).trimmed();
        QWebEngineView* view = s.view();
        const QSize normal(s.options().width, s.options().height);
        if (ctx.param(m_fullPage, item, i) && selector.isEmpty()) {
            const Object size = call(ctx, s, QStringLiteral("pageSize"), {}, timeout).toObject();
            // Chromium draws at most 16384 pixels in either direction.
            view->resize(std::clamp(int(size.value(u"width").toInt()), normal.width(), 16384),
                         std::clamp(int(size.value(u"height").toInt()), normal.height(), 16384));
        }
        QRect area;
        if (!selector.isEmpty()) {
            waitForMatch(ctx, s, m_selector.name(), selector, timeout, true);
            awaitFrames(ctx, s, timeout);
            const Object r = call(ctx, s, QStringLiteral("rect"), {{QStringLiteral("selector"), selector}}, timeout, m_selector.name()).toObject();
            if (r.value(u"nomatch").toBool())
                throwNoMatch(s, selector, 0);
            area = QRect(QPoint(int(std::floor(r.value(u"x").toDouble())), int(std::floor(r.value(u"y").toDouble()))),
                         QSize(int(std::ceil(r.value(u"width").toDouble())), int(std::ceil(r.value(u"height").toDouble()))))
                       .intersected(QRect(QPoint(0, 0), view->size()));
            if (area.isEmpty())
                throw NodeError(QStringLiteral("SELECTOR_NOT_FOUND"), QStringLiteral("the element '%1' on %2 has no visible area")
                                                                        .arg(selector, s.url().toDisplayString()));
        }
        awaitFrames(ctx, s, timeout);
        // Chromium rasterizes tiles after the frame is laid out and shows missing tiles in the background colour for a
        // while (half a second under load), and no API says when the last tile arrived: take pictures until five in a
        // row (0.6 s) agree.
        auto grab = [&] { return (area.isNull() ? view->grab() : view->grab(area)).toImage(); };
        QImage image = grab();
        QElapsedTimer clock;
        clock.start();
        for (int same = 0; same < 4 && clock.elapsed() < timeout;) {
            pause(ctx, 150);
            QImage next = grab();
            same = next == image ? same + 1 : 0;
            image = std::move(next);
        }
        if (view->size() != normal)
            view->resize(normal);
        if (image.isNull())
            throw NodeError(QStringLiteral("SCRIPT_ERROR"), QStringLiteral("the browser gave no picture of %1").arg(s.url().toDisplayString()));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        saveFile(ctx, m_path, ctx.param(m_path, item, i), png);
        item.json().insert(QStringLiteral("screenshot"), Object{{QStringLiteral("width"), image.width()}, {QStringLiteral("height"), image.height()},
                                                                {QStringLiteral("url"), s.url().toString()}});
        item.setBinary(ctx.param(m_binary), ctx.makeBinary(png, QStringLiteral("image/png"), QStringLiteral("screenshot.png")));
    });
}

} // namespace taskloom::nodes::web
