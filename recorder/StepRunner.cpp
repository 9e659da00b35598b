#include "StepRunner.hpp"

#include "AnchorFinder.hpp"
#include "KeyText.hpp"
#include "ReplayGuard.hpp"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace taskloom::recorder {

namespace {

int scaled(int ms, double speed)
{
    return speed > 0 ? int(ms / speed) : ms;
}

/// The recorded offset inside a window, for the window as it is now: a window grown by the same factor in both
/// directions was zoomed (its content too), so the offset grows with it; any other size change is a resize, which
/// leaves content where it was relative to the top-left corner.
Point zoomedOffset(Point offset, const Rect& recorded, const Rect& now)
{
    if (recorded.width <= 0 || recorded.height <= 0 || (recorded.width == now.width && recorded.height == now.height))
        return offset;
    const double fx = double(now.width) / recorded.width, fy = double(now.height) / recorded.height;
    if (std::abs(fx - fy) > 0.03 * std::max(fx, fy))
        return offset;
    return {int(std::lround(offset.x * fx)), int(std::lround(offset.y * fy))};
}

} // namespace

StepRunner::StepRunner(Desktop& desktop, const ReplayOptions& options) : m_desktop(desktop), m_options(options) {}

bool StepRunner::sleep(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (cancelled())
            return false;
        QThread::msleep(unsigned(std::min<qint64>(20, ms - t.elapsed())));
    }
    return !cancelled();
}

std::optional<WindowInfo> StepRunner::findWindow(const Locator& l)
{
    const QList<WindowInfo> all = m_desktop.windows();
    for (const WindowInfo& w : all)
        if (w.title == l.title && (l.className.isEmpty() || w.className == l.className))
            return w;
    // The title often carries a document name that changes between runs; one window of the class will do.
    std::optional<WindowInfo> only;
    int count = 0;
    for (const WindowInfo& w : all)
        if (!l.className.isEmpty() && w.className == l.className) {
            only = w;
            ++count;
        }
    return count == 1 ? only : std::nullopt;
}

std::expected<StepRunner::Located, QString> StepRunner::locate(const Target& target, Rect* searched, double* bestScore)
{
    QStringList tried;
    const Locator* image = target.find(Locator::Kind::Image);
    const Locator* window = target.find(Locator::Kind::Window);
    if (image && !image->anchor.isNull()) {
        // Look-alikes elsewhere on the screen: search the target's window first when the anchor was not unique.
        Rect region;
        if (!image->unique && window)
            if (auto w = findWindow(*window))
                region = w->geometry;
        if (searched)
            *searched = region.isEmpty() ? m_desktop.screenGeometry() : region;
        // The last match's scale goes first: after a zoom, every anchor of this replay is at the new scale.
        AnchorFinder::Search search{image->minScore, AnchorFinder::defaultScales(m_lastScale.value_or(1.0)), region};
        if (m_lastScale)
            search.confident = 0.9;
        QElapsedTimer t;
        t.start();
        double best = 0;
        bool hovered = false;
        while (true) {
            auto screen = m_desktop.grabScreen();
            if (!screen)
                return std::unexpected(screen.error());
            if (auto m = AnchorFinder::find(*screen, image->anchor, search)) {
                m_lastScale = m->scale;
                const Point p{m->rect.x + int(std::lround(image->offset.x * m->scale)),
                              m->rect.y + int(std::lround(image->offset.y * m->scale))};
                return Located{p, QStringLiteral("image"), m->score, m->scale};
            }
            best = std::max(best, AnchorFinder::best(*screen, image->anchor).score);
            if (t.elapsed() >= m_options.findTimeoutMs || cancelled())
                break;
            if (!hovered && window) {
                // Anchors are often taken with the pointer already over the target, in its hover look. Put the
                // pointer where the window says the target is, so the screen looks as it did when recorded.
                hovered = true;
                const auto w = findWindow(*window);
                const Point off = w ? zoomedOffset(window->offset, target.window.geometry, w->geometry) : Point{};
                const Point probe = w ? Point{w->geometry.x + off.x, w->geometry.y + off.y} : Point{};
                if (w && w->geometry.contains(probe)) {
                    const ReplayGuard guard;
                    if (auto moved = moveTo(probe); !moved)
                        return std::unexpected(moved.error());
                    QThread::msleep(100);
                    continue;
                }
            }
            QThread::msleep(150);
        }
        if (bestScore)
            *bestScore = best;
        tried << QStringLiteral("image anchor not on the screen after %1 s (best score %2, needs %3)")
                     .arg(m_options.findTimeoutMs / 1000.0, 0, 'f', 1)
                     .arg(best, 0, 'f', 2)
                     .arg(image->minScore, 0, 'f', 2);
        if (!m_options.fallback)
            return std::unexpected(tried.join(QStringLiteral("; ")));
    }
    if (const Locator* text = target.find(Locator::Kind::Text); text && !text->text.trimmed().isEmpty()) {
        if (!m_options.findText) {
            tried << QStringLiteral("no OCR here to find the text \"%1\"").arg(text->text);
        } else {
            // The words may sit in a window that moved: read only that window when it is known.
            Rect region;
            if (window)
                if (auto w = findWindow(*window))
                    region = w->geometry;
            if (searched)
                *searched = region.isEmpty() ? m_desktop.screenGeometry() : region;
            QElapsedTimer t;
            t.start();
            while (true) {
                auto screen = m_desktop.grabScreen();
                if (!screen)
                    return std::unexpected(screen.error());
                auto found = m_options.findText(*screen, text->text, region);
                if (!found)
                    return std::unexpected(found.error());
                if (*found) {
                    const Rect& r = **found;
                    return Located{{r.x + r.width / 2 + text->offset.x, r.y + r.height / 2 + text->offset.y}, QStringLiteral("text"), -1, 1};
                }
                if (t.elapsed() >= m_options.findTimeoutMs || cancelled())
                    break;
                QThread::msleep(250);
            }
            tried << QStringLiteral("text \"%1\" not on the screen after %2 s").arg(text->text).arg(m_options.findTimeoutMs / 1000.0, 0, 'f', 1);
            if (!m_options.fallback)
                return std::unexpected(tried.join(QStringLiteral("; ")));
        }
    }
    if (window) {
        if (auto w = findWindow(*window)) {
            const Point off = zoomedOffset(window->offset, target.window.geometry, w->geometry);
            const Point p{w->geometry.x + off.x, w->geometry.y + off.y};
            if (w->geometry.contains(p))
                return Located{p, QStringLiteral("window"), -1, 1};
            tried << QStringLiteral("window \"%1\" is too small for the recorded offset").arg(w->title);
        } else {
            tried << QStringLiteral("no window \"%1\" (class %2) is open").arg(window->title, window->className);
        }
    }
    if (const Locator* abs = target.find(Locator::Kind::Absolute)) {
        const bool sameScreen = m_options.recordedScreen.isEmpty() || m_options.recordedScreen == m_desktop.screenGeometry();
        const auto under = m_desktop.windowAt(abs->point);
        const bool sameWindow = !target.window.className.isEmpty()
            ? under && under->className == target.window.className
            : !window;
        // Only where nothing better was recorded, or the recorded window is really there: a blind click at old
        // coordinates would act on whatever happens to be there now.
        if (sameScreen && (sameWindow || (!image && !window)))
            return Located{abs->point, QStringLiteral("absolute"), -1, 1};
        tried << (sameScreen ? QStringLiteral("the recorded window is not at %1,%2").arg(abs->point.x).arg(abs->point.y)
                             : QStringLiteral("the screen size changed, so %1,%2 means nothing").arg(abs->point.x).arg(abs->point.y));
    }
    if (tried.isEmpty())
        tried << QStringLiteral("the step has no way to find its target");
    return std::unexpected(QStringLiteral("target not found: ") + tried.join(QStringLiteral("; ")));
}

std::expected<void, QString> StepRunner::moveTo(Point p)
{
    if (m_options.abortOnUserMouse && m_lastPointer) {
        const Point now = m_desktop.pointer();
        if (std::abs(now.x - m_lastPointer->x) > 3 || std::abs(now.y - m_lastPointer->y) > 3)
            return std::unexpected(QStringLiteral("the mouse was moved during replay (to %1,%2): stopped so the person at the desktop can take over")
                                       .arg(now.x).arg(now.y));
    }
    auto ok = m_desktop.moveMouse(p);
    m_lastPointer = p;
    return ok;
}

std::expected<void, QString> StepRunner::holdModifiers(unsigned modifiers, bool down)
{
    for (unsigned flag : {ControlModifier, AltModifier, ShiftModifier, SuperModifier})
        if (modifiers & flag)
            if (auto ok = m_desktop.key(KeyText::modifierKeyName(flag), down); !ok)
                return ok;
    return {};
}

std::expected<void, QString> StepRunner::pressCombo(const QString& text)
{
    const auto combo = KeyText::parseCombo(text);
    if (!combo)
        return std::unexpected(QStringLiteral("\"%1\" is not a key combination (like ctrl+s or Return)").arg(text));
    if (auto ok = holdModifiers(combo->modifiers, true); !ok)
        return ok;
    auto ok = m_desktop.key(combo->key, true);
    if (ok)
        ok = m_desktop.key(combo->key, false);
    holdModifiers(combo->modifiers, false);
    return ok;
}

std::expected<void, QString> StepRunner::typeText(const QString& text, bool paste)
{
    if (!paste)
        return m_desktop.typeText(text, scaled(m_options.typeDelayMs, m_options.speed));
    if (auto ok = m_desktop.setClipboardText(text); !ok)
        return ok;
    QThread::msleep(50);
    return pressCombo(QStringLiteral("ctrl+v"));
}

std::expected<void, QString> StepRunner::waitWindow(const MacroStep& step)
{
    const QRegularExpression title(step.windowTitle), cls(step.windowClass);
    if (!title.isValid() || !cls.isValid())
        return std::unexpected(QStringLiteral("invalid window pattern: %1").arg(title.isValid() ? cls.errorString() : title.errorString()));
    QElapsedTimer t;
    t.start();
    while (true) {
        for (const WindowInfo& w : m_desktop.windows())
            if (title.match(w.title).hasMatch() && cls.match(w.className).hasMatch())
                return {};
        if (t.elapsed() >= step.ms || cancelled())
            break;
        QThread::msleep(100);
    }
    return std::unexpected(QStringLiteral("no window with title /%1/ and class /%2/ appeared within %3 s")
                               .arg(step.windowTitle, step.windowClass).arg(step.ms / 1000.0));
}

std::expected<void, QString> StepRunner::perform(const MacroStep& step, StepReport& report)
{
    const bool pointing = step.kind == MacroStep::Kind::Click || step.kind == MacroStep::Kind::Drag
        || (step.kind == MacroStep::Kind::Scroll && !step.target.isEmpty());
    if (pointing) {
        Rect searched;
        double best = -1;
        auto where = locate(step.target, &searched, &best);
        if (!where) {
            const Locator* image = step.target.find(Locator::Kind::Image);
            report.screenshot = failureScreenshot(report.index, searched, image ? image->recordedRect : Rect{});
            if (best >= 0)
                report.score = best;
            return std::unexpected(where.error());
        }
        report.strategy = where->strategy;
        report.score = where->score;
        report.scale = where->scale;
        report.point = where->point;
    }
    const ReplayGuard guard;
    switch (step.kind) {
    case MacroStep::Kind::Click: {
        if (auto ok = moveTo(report.point); !ok)
            return ok;
        QThread::msleep(unsigned(scaled(60, m_options.speed)));
        if (auto ok = holdModifiers(step.modifiers, true); !ok)
            return ok;
        std::expected<void, QString> ok;
        for (int i = 0; i < step.clicks && ok; ++i) {
            ok = m_desktop.button(step.button, true);
            if (ok)
                ok = m_desktop.button(step.button, false);
            if (i + 1 < step.clicks)
                QThread::msleep(60);
        }
        holdModifiers(step.modifiers, false);
        m_desktop.waitInputFree(2000);
        return ok;
    }
    case MacroStep::Kind::Drag: {
        if (auto ok = moveTo(report.point); !ok)
            return ok;
        holdModifiers(step.modifiers, true);
        auto ok = m_desktop.button(step.button, true);
        // Move in steps: toolkits start a drag only after the pointer travels while the button is down.
        for (int i = 1; i <= 10 && ok; ++i) {
            QThread::msleep(unsigned(scaled(20, m_options.speed)));
            ok = m_desktop.moveMouse({report.point.x + step.dragBy.x * i / 10, report.point.y + step.dragBy.y * i / 10});
        }
        m_lastPointer = Point{report.point.x + step.dragBy.x, report.point.y + step.dragBy.y};
        const auto released = m_desktop.button(step.button, false);
        holdModifiers(step.modifiers, false);
        return ok ? released : ok;
    }
    case MacroStep::Kind::Scroll: {
        if (pointing)
            if (auto ok = moveTo(report.point); !ok)
                return ok;
        holdModifiers(step.modifiers, true);
        std::expected<void, QString> ok;
        const auto notches = [&](int count, int negative, int positive) {
            for (int i = 0; i < std::abs(count) && ok; ++i) {
                const int b = count < 0 ? negative : positive;
                ok = m_desktop.button(b, true);
                if (ok)
                    ok = m_desktop.button(b, false);
                QThread::msleep(unsigned(scaled(30, m_options.speed)));
            }
        };
        notches(step.scrollY, 4, 5);
        notches(step.scrollX, 6, 7);
        holdModifiers(step.modifiers, false);
        return ok;
    }
    case MacroStep::Kind::Type: {
        QString text = step.text;
        if (m_options.resolveText) {
            auto resolved = m_options.resolveText(step.text);
            if (!resolved)
                return std::unexpected(resolved.error());
            text = *resolved;
        }
        return typeText(text, step.paste);
    }
    case MacroStep::Kind::TypeSecret: {
        if (!m_options.secret)
            return std::unexpected(QStringLiteral("credential \"%1\" is needed, but no credentials are available here").arg(step.credential));
        auto value = m_options.secret(step.credential, step.field);
        if (!value)
            return std::unexpected(value.error());
        return typeText(*value, false);
    }
    case MacroStep::Kind::Keys:
        return pressCombo(step.text);
    case MacroStep::Kind::Wait:
        sleep(scaled(step.ms, m_options.speed));
        return {};
    case MacroStep::Kind::WaitWindow:
        return waitWindow(step);
    }
    return {};
}

StepReport StepRunner::run(int index, const MacroStep& step)
{
    StepReport report;
    report.index = index;
    report.kind = MacroStep::kindName(step.kind);
    QElapsedTimer t;
    t.start();
    auto ok = perform(step, report);
    report.durationMs = t.elapsed();
    report.ok = bool(ok);
    if (!ok) {
        m_desktop.releaseAll();
        report.error = QStringLiteral("%1: %2").arg(MacroStep::label(index, step.kind), ok.error());
        if (!report.screenshot.isEmpty())
            report.error += QStringLiteral(" (screenshot: %1)").arg(report.screenshot);
    }
    return report;
}

QString StepRunner::failureScreenshot(int index, const Rect& searched, const Rect& expected)
{
    auto screen = m_desktop.grabScreen();
    if (!screen)
        return {};
    if (!searched.isEmpty())
        screen->drawRect(searched, 0xff0000, 4); // red: where the anchor was searched
    if (!expected.isEmpty())
        screen->drawRect(expected, 0xffcc00, 2); // yellow: where it was when recorded
    const QString dir = m_options.failureDir.isEmpty() ? QDir::tempPath() : m_options.failureDir;
    QDir().mkpath(dir);
    const QString path = QDir(dir).absoluteFilePath(
        QStringLiteral("taskloom-replay-step-%1-%2.png").arg(index + 1).arg(QDateTime::currentMSecsSinceEpoch()));
    return screen->save(path) ? path : QString();
}

} // namespace taskloom::recorder
