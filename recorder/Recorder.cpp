#include "Recorder.hpp"

#include "AnchorFinder.hpp"

namespace taskloom::recorder {

namespace {

constexpr int recentWidth = 480;  // the largest anchor patch (320 x 240) fits around the pointer
constexpr int recentHeight = 360;
constexpr qint64 recentIntervalMs = 100;
constexpr qint64 recentMaxAgeMs = 3000;

} // namespace

Recorder::Recorder(Options options) : m_options(std::move(options)), m_builder(m_options.builder) {}

Recorder::~Recorder()
{
    stop();
}

std::expected<void, QString> Recorder::start()
{
    auto desktop = Desktop::open(m_options.display);
    if (!desktop)
        return std::unexpected(desktop.error());
    m_desktop = std::move(*desktop);
    {
        std::lock_guard lock(m_mutex);
        m_displayName = m_desktop->name();
        m_screen = m_desktop->screenGeometry();
        m_startedAt = QDateTime::currentDateTime();
        m_state = m_options.waitForStartKey ? State::WaitingForStart : State::Recording;
        m_stopRequested = false;
    }
    // Grab the hotkeys so they reach only us, not the program being recorded; they are still seen in the
    // captured stream (XRecord records below grabs), which is where onEvent acts on them.
    if (auto hotkeys = HotkeyService::open(m_options.display); hotkeys) {
        m_hotkeys = std::move(*hotkeys);
        for (const QString& key : {m_options.startKey, m_options.stopKey, m_options.pauseKey, m_options.secretKey}) {
            if (key.isEmpty())
                continue;
            if (auto grabbed = m_hotkeys->grab(key, [] {}); !grabbed) {
                std::lock_guard lock(m_mutex);
                m_warnings.append(grabbed.error() + QStringLiteral(" (it still works, but the recorded program sees it too)"));
            }
        }
    }
    m_capture = m_desktop->createCapture();
    if (auto ok = m_capture->start([this](const InputEvent& e) { onEvent(e); }); !ok) {
        m_capture.reset();
        m_hotkeys.reset();
        std::lock_guard lock(m_mutex);
        m_state = State::Idle;
        return ok;
    }
    return {};
}

void Recorder::stop()
{
    if (m_capture) {
        m_capture->stop();
        m_capture.reset();
    }
    m_hotkeys.reset();
    std::lock_guard lock(m_mutex);
    if (m_state != State::Idle)
        m_state = State::Stopped;
}

Recorder::State Recorder::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

void Recorder::setPaused(bool paused)
{
    std::lock_guard lock(m_mutex);
    if (paused && m_state == State::Recording)
        m_state = State::Paused;
    else if (!paused && m_state == State::Paused)
        m_state = State::Recording;
}

bool Recorder::stopRequested() const
{
    std::lock_guard lock(m_mutex);
    return m_stopRequested;
}

void Recorder::setStepsChanged(std::function<void(int)> callback)
{
    std::lock_guard lock(m_mutex);
    m_stepsChanged = std::move(callback);
}

QStringList Recorder::warnings() const
{
    std::lock_guard lock(m_mutex);
    return m_warnings;
}

QString Recorder::desktopWarning() const
{
    return m_desktop ? m_desktop->warning() : QString();
}

Macro Recorder::macro() const
{
    std::lock_guard lock(m_mutex);
    Macro m;
    m.display = m_displayName;
    m.screen = m_screen;
    m.recordedAt = m_startedAt;
    m.steps = m_builder.steps();
    return m;
}

bool Recorder::handleHotkey(const InputEvent& e)
{
    if (e.kind != InputEvent::Kind::KeyPress && e.kind != InputEvent::Kind::KeyRelease)
        return false;
    const QString& k = e.key;
    const bool hotkey = k == m_options.stopKey || k == m_options.startKey || k == m_options.pauseKey || k == m_options.secretKey;
    if (!hotkey || e.kind == InputEvent::Kind::KeyRelease)
        return hotkey;
    if (k == m_options.stopKey) {
        m_stopRequested = true;
        m_state = State::Stopped;
    } else if (k == m_options.startKey) {
        if (m_state == State::WaitingForStart || m_state == State::Paused)
            m_state = State::Recording;
    } else if (k == m_options.pauseKey) {
        if (m_state == State::Recording)
            m_state = State::Paused;
        else if (m_state == State::Paused)
            m_state = State::Recording;
    } else if (k == m_options.secretKey && m_state == State::Recording) {
        m_builder.setSecretInput(!m_builder.secretInput());
    }
    return true;
}

void Recorder::keepRecentFrame(const InputEvent& e)
{
    if (!m_options.anchors || e.timeMs - m_recentGrabbedAtMs < recentIntervalMs)
        return;
    const Rect area = Rect{e.pos.x - recentWidth / 2, e.pos.y - recentHeight / 2, recentWidth, recentHeight}.intersected(m_screen);
    auto img = m_desktop->grab(area);
    if (!img)
        return;
    m_recent = std::move(*img);
    m_recentRect = area;
    m_recentMs = e.timeMs;
    m_recentGrabbedAtMs = e.timeMs;
}

Target Recorder::targetAt(const InputEvent& e)
{
    Target t;
    if (m_options.anchors) {
        auto screen = m_desktop->grabScreen();
        if (screen) {
            // The screen now may already show the pressed state; the frame kept from just before the press
            // does not, so it wins where it covers the press.
            const Rect around{e.pos.x - 160, e.pos.y - 120, 320, 240};
            if (!m_recent.isNull() && e.timeMs - m_recentMs <= recentMaxAgeMs
                && m_recentRect.contains(around.intersected(m_screen)))
                screen->paste(m_recent, m_recentRect.topLeft());
            const AnchorFinder::Patch patch = AnchorFinder::distinctivePatch(*screen, e.pos);
            if (!patch.rect.isEmpty()) {
                Locator l;
                l.kind = Locator::Kind::Image;
                l.anchor = screen->copy(patch.rect);
                l.recordedRect = patch.rect;
                l.unique = patch.unique;
                l.offset = {e.pos.x - patch.rect.x, e.pos.y - patch.rect.y};
                t.locators.append(l);
            }
        } else {
            std::lock_guard lock(m_mutex);
            m_warnings.append(QStringLiteral("no anchor image at %1,%2: %3").arg(e.pos.x).arg(e.pos.y).arg(screen.error()));
        }
    }
    if (auto w = m_desktop->windowAt(e.pos)) {
        t.window = *w;
        if (!w->title.isEmpty() || !w->className.isEmpty()) {
            Locator l;
            l.kind = Locator::Kind::Window;
            l.title = w->title;
            l.className = w->className;
            l.offset = {e.pos.x - w->geometry.x, e.pos.y - w->geometry.y};
            t.locators.append(l);
        }
    }
    Locator abs;
    abs.kind = Locator::Kind::Absolute;
    abs.point = e.pos;
    t.locators.append(abs);
    return t;
}

void Recorder::onEvent(const InputEvent& e)
{
    State state;
    {
        std::lock_guard lock(m_mutex);
        if (handleHotkey(e))
            return;
        state = m_state;
    }
    if (state != State::Recording)
        return;
    if (e.kind == InputEvent::Kind::Motion) {
        keepRecentFrame(e);
        std::lock_guard lock(m_mutex);
        m_builder.add(e);
        return;
    }
    // Targets are worked out outside the lock: grabbing and matching take a while, and only this thread writes.
    const Target target = e.kind == InputEvent::Kind::ButtonPress ? targetAt(e) : Target{};
    std::function<void(int)> changed;
    int count = 0;
    {
        std::lock_guard lock(m_mutex);
        m_builder.add(e, target);
        changed = m_stepsChanged;
        if (changed)
            count = int(m_builder.steps().size());
    }
    if (changed)
        changed(count);
}

} // namespace taskloom::recorder
