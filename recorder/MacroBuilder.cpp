#include "MacroBuilder.hpp"

#include "KeyText.hpp"

#include <cstdlib>

namespace taskloom::recorder {

namespace {

bool isWheel(int button)
{
    return button >= 4 && button <= 7;
}

int distance(Point a, Point b)
{
    return std::max(std::abs(a.x - b.x), std::abs(a.y - b.y));
}

} // namespace

MacroBuilder::MacroBuilder() : MacroBuilder(Options{}) {}

MacroBuilder::MacroBuilder(Options options) : m_options(std::move(options)) {}

void MacroBuilder::setSecretInput(bool on)
{
    if (on != m_secret)
        flushText();
    m_secret = on;
}

void MacroBuilder::add(const InputEvent& e, const Target& target)
{
    switch (e.kind) {
    case InputEvent::Kind::Motion:
        if (m_pressedButton)
            m_maxTravel = distance(e.pos, m_pressEvent.pos) > distance(m_maxTravel, m_pressEvent.pos) ? e.pos : m_maxTravel;
        break;
    case InputEvent::Kind::ButtonPress:
        press(e, target);
        break;
    case InputEvent::Kind::ButtonRelease:
        release(e);
        break;
    case InputEvent::Kind::KeyPress:
        keyPress(e);
        break;
    case InputEvent::Kind::KeyRelease:
        break; // a key step is complete on press; releases only end held modifiers, which presses already carry
    }
}

void MacroBuilder::append(MacroStep step, qint64 startMs)
{
    if (m_lastEndMs >= 0 && startMs - m_lastEndMs >= m_options.waitThresholdMs) {
        MacroStep wait;
        wait.kind = MacroStep::Kind::Wait;
        // Round to 100 ms: the exact figure is noise, and round numbers read better in an editor.
        wait.ms = int((startMs - m_lastEndMs + 50) / 100 * 100);
        m_steps.append(wait);
    }
    m_steps.append(std::move(step));
}

void MacroBuilder::press(const InputEvent& e, const Target& target)
{
    flushText();
    if (isWheel(e.button)) {
        const int dx = e.button == 6 ? -1 : e.button == 7 ? 1 : 0;
        const int dy = e.button == 4 ? -1 : e.button == 5 ? 1 : 0;
        if (!m_steps.isEmpty() && m_steps.last().kind == MacroStep::Kind::Scroll && m_lastEndMs >= 0
            && e.timeMs - m_lastEndMs < m_options.waitThresholdMs) {
            const Locator* abs = m_steps.last().target.find(Locator::Kind::Absolute);
            if (abs && distance(abs->point, e.pos) <= m_options.dragThreshold) {
                m_steps.last().scrollX += dx;
                m_steps.last().scrollY += dy;
                noteEnd(e.timeMs);
                return;
            }
        }
        MacroStep s;
        s.kind = MacroStep::Kind::Scroll;
        s.target = target;
        s.scrollX = dx;
        s.scrollY = dy;
        s.modifiers = e.modifiers;
        append(std::move(s), e.timeMs);
        noteEnd(e.timeMs);
        return;
    }
    if (m_pressedButton)
        return; // a second button while one is held: the first one's gesture decides
    m_pressedButton = e.button;
    m_pressEvent = e;
    m_pressTarget = target;
    m_maxTravel = e.pos;
}

void MacroBuilder::release(const InputEvent& e)
{
    if (isWheel(e.button) || e.button != m_pressedButton)
        return;
    m_pressedButton = 0;
    const bool dragged = distance(e.pos, m_pressEvent.pos) > m_options.dragThreshold;
    if (dragged) {
        MacroStep s;
        s.kind = MacroStep::Kind::Drag;
        s.button = e.button;
        s.modifiers = m_pressEvent.modifiers;
        s.target = m_pressTarget;
        s.dragBy = {e.pos.x - m_pressEvent.pos.x, e.pos.y - m_pressEvent.pos.y};
        append(std::move(s), m_pressEvent.timeMs);
        noteEnd(e.timeMs);
        m_lastClickMs = -100000;
        return;
    }
    if (!m_steps.isEmpty() && m_steps.last().kind == MacroStep::Kind::Click && m_steps.last().button == e.button
        && m_steps.last().clicks < 3 && m_pressEvent.timeMs - m_lastClickMs <= m_options.doubleClickMs
        && distance(m_pressEvent.pos, m_lastClickPos) <= 4) {
        ++m_steps.last().clicks;
    } else {
        MacroStep s;
        s.kind = MacroStep::Kind::Click;
        s.button = e.button;
        s.modifiers = m_pressEvent.modifiers;
        s.target = m_pressTarget;
        append(std::move(s), m_pressEvent.timeMs);
    }
    m_lastClickMs = e.timeMs;
    m_lastClickPos = m_pressEvent.pos;
    noteEnd(e.timeMs);
}

void MacroBuilder::keyPress(const InputEvent& e)
{
    if (KeyText::isModifierKey(e.key))
        return; // modifiers show up in the state of the key they modify
    const bool shortcut = e.modifiers & (ControlModifier | AltModifier | SuperModifier);
    const bool typesText = !e.text.isEmpty() && !shortcut;
    if (typesText) {
        if (!m_text.isEmpty() && e.timeMs - m_lastEndMs >= m_options.waitThresholdMs && !m_textIsSecret)
            flushText(); // a long pause inside typing is kept: the form may have been loading
        if (m_text.isEmpty()) {
            m_textStartMs = e.timeMs;
            m_textPrevEndMs = m_lastEndMs;
            m_textIsSecret = m_secret;
        }
        m_text += e.text;
        noteEnd(e.timeMs);
        return;
    }
    if (e.key == u"BackSpace" && !shortcut && !m_text.isEmpty()) {
        // Editing what is being typed keeps the macro readable: "hello" instead of "helo", BackSpace, "lo".
        const QList<uint> ucs = m_text.toUcs4();
        m_text = QString::fromUcs4(reinterpret_cast<const char32_t*>(ucs.constData()), ucs.size() - 1);
        noteEnd(e.timeMs);
        return;
    }
    flushText();
    MacroStep s;
    s.kind = MacroStep::Kind::Keys;
    KeyCombo combo{e.modifiers, e.key};
    if (!e.text.isEmpty() && shortcut && e.key.size() == 1)
        combo.key = e.key.toLower(); // ctrl+S arrives as "S" with shift held; the combo names the key
    s.text = KeyText::formatCombo(combo);
    append(std::move(s), e.timeMs);
    noteEnd(e.timeMs);
}

void MacroBuilder::flushText()
{
    if (m_text.isEmpty() && !m_textIsSecret)
        return;
    MacroStep s;
    if (m_textIsSecret) {
        s.kind = MacroStep::Kind::TypeSecret;
        s.credential = m_options.secretCredential;
        s.field = m_options.secretField;
    } else {
        s.kind = MacroStep::Kind::Type;
        // "{{" typed by the person is text, not an expression: keep it literal.
        s.text = QString(m_text).replace(QStringLiteral("{{"), QStringLiteral("{{ '{{' }}"));
    }
    const qint64 end = m_lastEndMs;
    m_lastEndMs = m_textPrevEndMs; // the wait before the text counts from the step before it
    append(std::move(s), m_textStartMs);
    noteEnd(end);
    m_text.clear();
    m_textIsSecret = false;
}

QList<MacroStep> MacroBuilder::steps() const
{
    MacroBuilder copy = *this;
    copy.flushText();
    return copy.m_steps;
}

} // namespace taskloom::recorder
