#include "ScreenTextNode.hpp"

#include "ScreenText.hpp"
#include "WindowPattern.hpp"

#include "engine/ExecutionContext.hpp"

#include <QElapsedTimer>

namespace taskloom::nodes::rpa {

using namespace engine;
using recorder::Rect;

namespace {

Object box(const Rect& r)
{
    return Object{{QStringLiteral("x"), r.x}, {QStringLiteral("y"), r.y}, {QStringLiteral("width"), r.width}, {QStringLiteral("height"), r.height}};
}

} // namespace

ScreenTextNode::ScreenTextNode(Mode mode)
    : RpaNode(mode == Mode::Read ? QStringLiteral("rpa.readText") : QStringLiteral("rpa.waitForText"),
              mode == Mode::Read ? QStringLiteral("Read text on screen") : QStringLiteral("Wait for text"),
              mode == Mode::Read
                  ? QStringLiteral("Reads the text in a window or a region of the screen by OCR and adds it to the item: the "
                                   "whole text, and every line with its position.")
                  : QStringLiteral("Waits until the given words can be read on the screen (in a window or a region) and adds "
                                   "where they are to the item. Fails when they do not appear in time."))
    , m_mode(mode)
{
    m_spec.aliases = {QStringLiteral("ocr"), QStringLiteral("screen"), QStringLiteral("read")};
    m_spec.icon = QStringLiteral("scanner");
    if (mode == Mode::Wait) {
        m_needle = addParam<QString>(ParamSpec::string(QStringLiteral("text"), QStringLiteral("Text"))
                                         .required()
                                         .describe(QStringLiteral("The words to wait for; case and spacing are ignored.")));
    }
    m_title = addParam<QString>(WindowPattern::titleParam());
    m_class = addParam<QString>(WindowPattern::classParam());
    m_regionX = addParam<qint64>(ParamSpec::integer(QStringLiteral("regionX"), QStringLiteral("Region X"), 0)
                                     .describe(QStringLiteral("A rectangle to read (inside the window when one is named, else on "
                                                              "the screen); width or height 0: all of it.")));
    m_regionY = addParam<qint64>(ParamSpec::integer(QStringLiteral("regionY"), QStringLiteral("Region Y"), 0));
    m_regionWidth = addParam<qint64>(ParamSpec::integer(QStringLiteral("regionWidth"), QStringLiteral("Region width"), 0));
    m_regionHeight = addParam<qint64>(ParamSpec::integer(QStringLiteral("regionHeight"), QStringLiteral("Region height"), 0));
    m_languages = addParam<QString>(ParamSpec::string(QStringLiteral("languages"), QStringLiteral("OCR languages"))
                                        .defaults(QStringLiteral("eng"))
                                        .describe(QStringLiteral("Tesseract languages joined by +, e.g. eng+kor.")));
    if (mode == Mode::Wait) {
        m_wait = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 10).range(0, 86400));
        m_spec.errors.append({QStringLiteral("TEXT_NOT_FOUND"), QStringLiteral("The text did not appear in time."), true});
    }
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Output field"))
                                    .defaults(mode == Mode::Read ? QStringLiteral("screenText") : QStringLiteral("found")));
    m_spec.errors.append({QStringLiteral("OCR_FAILED"), QStringLiteral("OCR could not run (a missing language model)."), false});
}

Exec ScreenTextNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        // Where to read: the window's rectangle (or the screen), narrowed by the region parameters.
        Rect area = desktop->screenGeometry();
        QString where = QStringLiteral("the screen");
        const QString title = ctx.param(m_title, item, i), cls = ctx.param(m_class, item, i);
        if (!title.isEmpty() || !cls.isEmpty()) {
            const WindowPattern pattern(title, cls, m_title.name(), m_class.name());
            const auto windows = pattern.matching(*desktop);
            if (windows.isEmpty())
                throw NodeError(QStringLiteral("TARGET_NOT_FOUND"), QStringLiteral("no window with %1 is open").arg(pattern.describe()),
                                NodeError::Retry::Yes);
            area = windows.first().geometry;
            where = QStringLiteral("window \"%1\"").arg(windows.first().title);
        }
        const qint64 w = ctx.param(m_regionWidth, item, i), h = ctx.param(m_regionHeight, item, i);
        if (w < 0 || h < 0)
            throw NodeError::param(w < 0 ? m_regionWidth.name() : m_regionHeight.name(), w < 0 ? w : h, QStringLiteral("cannot be negative"));
        if (w > 0 && h > 0) {
            const Rect region{area.x + int(ctx.param(m_regionX, item, i)), area.y + int(ctx.param(m_regionY, item, i)), int(w), int(h)};
            area = region.intersected(area);
            if (area.isEmpty())
                throw NodeError::param(m_regionX.name(), ctx.param(m_regionX, item, i),
                                       QStringLiteral("the region lies outside %1").arg(where));
        }
        ScreenTextOptions options;
        options.languages = ctx.param(m_languages, item, i).trimmed();
        options.cancelled = [&ctx] { return ctx.isCancelled(); };
        const QString field = ctx.param(m_field, item, i);
        const QString needle = m_mode == Mode::Wait ? ctx.param(m_needle, item, i).trimmed() : QString();
        if (m_mode == Mode::Wait && needle.isEmpty())
            throw NodeError::param(m_needle.name(), needle, QStringLiteral("no text to wait for"));
        const double timeout = m_mode == Mode::Wait ? ctx.param(m_wait, item, i) : 0;
        QElapsedTimer t;
        t.start();
        while (true) {
            auto screen = desktop->grabScreen();
            if (!screen)
                throw NodeError(QStringLiteral("DESKTOP_ACTION_FAILED"), screen.error());
            auto read = readScreenText(*screen, area, options);
            ctx.checkCancelled();
            if (!read)
                throw NodeError(QStringLiteral("OCR_FAILED"), QStringLiteral("%1: %2").arg(where, read.error()));
            if (m_mode == Mode::Read) {
                Array lines;
                for (const ScreenLine& l : read->lines) {
                    Object o = box(l.box);
                    o.insert(QStringLiteral("text"), l.text);
                    lines.append(std::move(o));
                }
                item.json().insert(field, Object{{QStringLiteral("text"), read->text()}, {QStringLiteral("lines"), lines}});
                return;
            }
            if (const auto found = read->find(needle)) {
                Object o = box(*found);
                o.insert(QStringLiteral("text"), needle);
                item.json().insert(field, std::move(o));
                return;
            }
            if (t.elapsed() >= timeout * 1000)
                throw NodeError(QStringLiteral("TEXT_NOT_FOUND"),
                                QStringLiteral("\"%1\" did not appear on %2 within %3 s").arg(needle, where).arg(timeout),
                                NodeError::Retry::Yes);
            if (!ctx.cancellation().sleepFor(std::chrono::milliseconds(250)))
                ctx.checkCancelled();
        }
    });
}

} // namespace taskloom::nodes::rpa
