#include "X11Capture.hpp"

#include "XlibSupport.hpp"

#include "recorder/KeyText.hpp"
#include "recorder/ReplayGuard.hpp"

#include <X11/XKBlib.h>
#include <X11/Xproto.h>
#include <X11/extensions/record.h>

#include <poll.h>

#include <chrono>

namespace taskloom::recorder::x11 {

namespace {

constexpr qint64 motionIntervalMs = 30; // coalesce pointer motion to at most ~33 events per second

void onRecordData(XPointer closure, XRecordInterceptData* data)
{
    auto* self = reinterpret_cast<X11Capture*>(closure);
    if (data->category == XRecordFromServer && data->data_len * 4 >= int(sizeof(xEvent)))
        self->handleWire(data->data, int(data->data_len * 4));
    else if (data->category == XRecordEndOfData)
        self->markEnded();
    XRecordFreeData(data);
}

unsigned modifiersFromState(unsigned state)
{
    unsigned m = NoModifier;
    if (state & ShiftMask)
        m |= ShiftModifier;
    if (state & ControlMask)
        m |= ControlModifier;
    if (state & Mod1Mask)
        m |= AltModifier;
    if (state & Mod4Mask)
        m |= SuperModifier;
    return m;
}

} // namespace

X11Capture::X11Capture(QString display) : m_display(std::move(display)) {}

X11Capture::~X11Capture()
{
    stop();
}

void X11Capture::closeAll()
{
    if (m_context && m_ctrl)
        XRecordFreeContext(m_ctrl, m_context);
    m_context = 0;
    for (_XDisplay** d : {&m_ctrl, &m_data, &m_lookup})
        if (*d) {
            XCloseDisplay(*d);
            *d = nullptr;
        }
}

std::expected<void, QString> X11Capture::start(Callback callback)
{
    if (m_thread.joinable())
        return std::unexpected(QStringLiteral("the capture is already running"));
    initXlib();
    const QByteArray name = m_display.toLocal8Bit();
    m_ctrl = XOpenDisplay(name.constData());
    m_data = XOpenDisplay(name.constData());
    m_lookup = XOpenDisplay(name.constData());
    if (!m_ctrl || !m_data || !m_lookup) {
        closeAll();
        return std::unexpected(QStringLiteral("cannot open X display \"%1\" for capture").arg(m_display));
    }
    int major = 0, minor = 0;
    if (!XRecordQueryVersion(m_ctrl, &major, &minor)) {
        closeAll();
        return std::unexpected(QStringLiteral("X display \"%1\" has no RECORD extension: input cannot be recorded there").arg(m_display));
    }
    XkbSelectEvents(m_lookup, XkbUseCoreKbd, XkbMapNotifyMask | XkbNewKeyboardNotifyMask,
                    XkbMapNotifyMask | XkbNewKeyboardNotifyMask);
    XRecordRange* range = XRecordAllocRange();
    range->device_events.first = KeyPress;
    range->device_events.last = MotionNotify;
    XRecordClientSpec clients = XRecordAllClients;
    m_context = XRecordCreateContext(m_ctrl, 0, &clients, 1, &range, 1);
    XFree(range);
    XSync(m_ctrl, False);
    if (!m_context || takeLastXError()) {
        closeAll();
        return std::unexpected(QStringLiteral("cannot create a RECORD context on display \"%1\"").arg(m_display));
    }
    if (!XRecordEnableContextAsync(m_data, m_context, onRecordData, reinterpret_cast<XPointer>(this))) {
        closeAll();
        return std::unexpected(QStringLiteral("cannot start recording on display \"%1\"").arg(m_display));
    }
    m_callback = std::move(callback);
    m_stopRequested = false;
    m_ended = false;
    m_thread = std::thread([this] { run(); });
    return {};
}

void X11Capture::run()
{
    pollfd pfd{ConnectionNumber(m_data), POLLIN, 0};
    bool disabled = false;
    auto disabledAt = std::chrono::steady_clock::now();
    while (!m_ended) {
        poll(&pfd, 1, 40);
        XRecordProcessReplies(m_data);
        if (m_hasPendingMotion && !m_stopRequested)
            emitMotion();
        if (m_stopRequested && !disabled) {
            // After disabling, the server still sends what it buffered and then EndOfData; until that arrives
            // the data connection must keep being read, or closing it blocks forever.
            XRecordDisableContext(m_ctrl, m_context);
            XFlush(m_ctrl);
            disabled = true;
            disabledAt = std::chrono::steady_clock::now();
        }
        if (disabled && std::chrono::steady_clock::now() - disabledAt > std::chrono::seconds(5))
            break; // a server that never ends the data: give up rather than hang
    }
    if (m_hasPendingMotion)
        emitMotion();
}

void X11Capture::stop()
{
    if (!m_thread.joinable()) {
        closeAll();
        return;
    }
    m_stopRequested = true;
    m_thread.join();
    closeAll();
}

void X11Capture::emitMotion()
{
    m_hasPendingMotion = false;
    m_lastMotionEmitted = m_pendingMotion.timeMs;
    m_callback(m_pendingMotion);
}

void X11Capture::handleWire(const unsigned char* data, int)
{
    const auto* ev = reinterpret_cast<const xEvent*>(data);
    const int type = ev->u.u.type & 0x7f;
    if (type < KeyPress || type > MotionNotify)
        return;
    if (ReplayGuard::active())
        return; // our own replay's injected input
    InputEvent e;
    e.timeMs = qint64(ev->u.keyButtonPointer.time);
    e.pos = {ev->u.keyButtonPointer.rootX, ev->u.keyButtonPointer.rootY};
    const unsigned state = ev->u.keyButtonPointer.state;
    e.modifiers = modifiersFromState(state);
    if (type == MotionNotify) {
        e.kind = InputEvent::Kind::Motion;
        m_pendingMotion = e;
        m_hasPendingMotion = true;
        if (e.timeMs - m_lastMotionEmitted >= motionIntervalMs)
            emitMotion();
        return;
    }
    if (m_hasPendingMotion)
        emitMotion();
    if (type == ButtonPress || type == ButtonRelease) {
        e.kind = type == ButtonPress ? InputEvent::Kind::ButtonPress : InputEvent::Kind::ButtonRelease;
        e.button = ev->u.u.detail;
    } else {
        e.kind = type == KeyPress ? InputEvent::Kind::KeyPress : InputEvent::Kind::KeyRelease;
        // Pick up keymap changes (another program remapping a spare key to type a character) before the lookup.
        XSync(m_lookup, False);
        while (XPending(m_lookup)) {
            XEvent discard;
            XNextEvent(m_lookup, &discard);
            if (discard.type == MappingNotify)
                XRefreshKeyboardMapping(&discard.xmapping);
        }
        KeySym keysym = NoSymbol;
        unsigned consumed = 0;
        XkbLookupKeySym(m_lookup, KeyCode(ev->u.u.detail), state, &consumed, &keysym);
        if (keysym == NoSymbol)
            keysym = XkbKeycodeToKeysym(m_lookup, KeyCode(ev->u.u.detail), 0, 0);
        const char* name = keysym != NoSymbol ? XKeysymToString(keysym) : nullptr;
        e.key = name ? QString::fromLatin1(name) : QStringLiteral("0x%1").arg(keysym, 0, 16);
        if (const char32_t c = KeyText::keysymToUnicode(quint32(keysym)))
            e.text = QString::fromUcs4(&c, 1);
    }
    m_callback(e);
}

} // namespace taskloom::recorder::x11
