#include "ScreenshotNode.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

ScreenshotNode::ScreenshotNode()
    : RpaNode(QStringLiteral("rpa.screenshot"), QStringLiteral("Screenshot"),
              QStringLiteral("Takes a PNG picture of the screen or of a region, attached to the item (and saved to a file "
                             "when a path is set)."))
{
    m_spec.aliases = {QStringLiteral("capture"), QStringLiteral("screen"), QStringLiteral("picture"), QStringLiteral("image")};
    m_spec.icon = QStringLiteral("camera-photo");
    m_left = addParam<qint64>(ParamSpec::integer(QStringLiteral("left"), QStringLiteral("Left"), 0).range(0, std::nullopt));
    m_top = addParam<qint64>(ParamSpec::integer(QStringLiteral("top"), QStringLiteral("Top"), 0).range(0, std::nullopt));
    m_width = addParam<qint64>(ParamSpec::integer(QStringLiteral("width"), QStringLiteral("Width"), 0).range(0, std::nullopt)
                                   .describe(QStringLiteral("0: to the right edge of the screen.")));
    m_height = addParam<qint64>(ParamSpec::integer(QStringLiteral("height"), QStringLiteral("Height"), 0).range(0, std::nullopt)
                                    .describe(QStringLiteral("0: to the bottom of the screen.")));
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("Save to")).forSaving()
                                   .filter(QStringLiteral("PNG images (*.png)")));
    m_binary = addParam<QString>(ParamSpec::string(QStringLiteral("binaryName"), QStringLiteral("Attachment name"))
                                     .defaults(QStringLiteral("screenshot")).noExpressions());
    m_spec.errors.append({QStringLiteral("FILE_WRITE_ERROR"), QStringLiteral("The picture could not be saved."), false});
}

Exec ScreenshotNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        const recorder::Rect screen = desktop->screenGeometry();
        recorder::Rect area{int(ctx.param(m_left, item, i)), int(ctx.param(m_top, item, i)), int(ctx.param(m_width, item, i)),
                            int(ctx.param(m_height, item, i))};
        if (area.width <= 0)
            area.width = screen.width - area.x;
        if (area.height <= 0)
            area.height = screen.height - area.y;
        if (area.intersected(screen).isEmpty())
            throw NodeError::param(m_left.name(), qint64(area.x),
                                   QStringLiteral("the region %1,%2 %3x%4 is outside the %5x%6 screen")
                                       .arg(area.x).arg(area.y).arg(area.width).arg(area.height).arg(screen.width).arg(screen.height));
        auto image = desktop->grab(area);
        if (!image)
            throw NodeError(QStringLiteral("DESKTOP_ACTION_FAILED"), image.error());
        auto png = image->toPng();
        if (!png)
            throw NodeError(QStringLiteral("DESKTOP_ACTION_FAILED"), png.error());
        const QString pathValue = ctx.param(m_path, item, i);
        if (!pathValue.isEmpty()) {
            if (auto ok = AtomicFile::write(ctx.resolvePath(pathValue), *png); !ok)
                throw NodeError(QStringLiteral("FILE_WRITE_ERROR"), QStringLiteral("parameter \"path\" = \"%1\": %2").arg(pathValue, ok.error()));
        }
        item.json().insert(QStringLiteral("screenshot"), Object{{QStringLiteral("width"), image->width()}, {QStringLiteral("height"), image->height()}});
        item.setBinary(ctx.param(m_binary), ctx.makeBinary(*png, QStringLiteral("image/png"), QStringLiteral("screenshot.png")));
    });
}

} // namespace taskloom::nodes::rpa
