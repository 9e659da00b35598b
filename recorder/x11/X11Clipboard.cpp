#include "X11Clipboard.hpp"


#include "XlibSupport.hpp"

#include <poll.h>

#include <chrono>
#include <cstring>

namespace taskloom::recorder::x11 {

std::expected<std::unique_ptr<X11Clipboard>, QString> X11Clipboard::own(const QString& display, const QString& text)
{
    initXlib();
    Display* dpy = openDisplay(display);
    if (!dpy)
        return std::unexpected(QStringLiteral("cannot open X display \"%1\" for the clipboard").arg(display));
    std::unique_ptr<X11Clipboard> c(new X11Clipboard);
    c->m_dpy = dpy;
    c->m_utf8 = text.toUtf8();
    c->m_window = XCreateSimpleWindow(dpy, DefaultRootWindow(dpy), -10, -10, 1, 1, 0, 0, 0);
    const Atom clipboard = XInternAtom(dpy, "CLIPBOARD", False);
    XSetSelectionOwner(dpy, clipboard, c->m_window, CurrentTime);
    XSync(dpy, False);
    if (XGetSelectionOwner(dpy, clipboard) != c->m_window)
        return std::unexpected(QStringLiteral("could not take over the clipboard of display \"%1\"").arg(display));
    c->m_thread = std::thread([raw = c.get()] { raw->serve(); });
    return c;
}

X11Clipboard::~X11Clipboard()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_dpy) {
        XDestroyWindow(m_dpy, m_window);
        XCloseDisplay(m_dpy);
    }
}

void X11Clipboard::serve()
{
    Display* dpy = m_dpy;
    const Atom targets = XInternAtom(dpy, "TARGETS", False);
    const Atom utf8 = XInternAtom(dpy, "UTF8_STRING", False);
    const Atom textAtom = XInternAtom(dpy, "TEXT", False);
    pollfd pfd{ConnectionNumber(dpy), POLLIN, 0};
    while (!m_stop) {
        if (!XPending(dpy)) {
            if (poll(&pfd, 1, 50) > 0 && (pfd.revents & (POLLHUP | POLLERR)))
                return; // the X server went away
            continue;
        }
        XEvent e;
        XNextEvent(dpy, &e);
        if (e.type == SelectionClear)
            return; // someone else owns the clipboard now
        if (e.type != SelectionRequest)
            continue;
        const XSelectionRequestEvent& req = e.xselectionrequest;
        XSelectionEvent reply;
        std::memset(&reply, 0, sizeof reply);
        reply.type = SelectionNotify;
        reply.requestor = req.requestor;
        reply.selection = req.selection;
        reply.target = req.target;
        reply.time = req.time;
        reply.property = req.property ? req.property : req.target;
        if (req.target == targets) {
            Atom list[] = {targets, utf8, XA_STRING, textAtom};
            XChangeProperty(dpy, req.requestor, reply.property, XA_ATOM, 32, PropModeReplace,
                            reinterpret_cast<unsigned char*>(list), 4);
        } else if (req.target == utf8 || req.target == XA_STRING || req.target == textAtom) {
            const QByteArray bytes = req.target == XA_STRING ? QString::fromUtf8(m_utf8).toLatin1() : m_utf8;
            XChangeProperty(dpy, req.requestor, reply.property, req.target == XA_STRING ? XA_STRING : utf8, 8, PropModeReplace,
                            reinterpret_cast<const unsigned char*>(bytes.constData()), int(bytes.size()));
        } else {
            reply.property = 0;
        }
        XSendEvent(dpy, req.requestor, False, NoEventMask, reinterpret_cast<XEvent*>(&reply));
        XFlush(dpy);
        takeLastXError();
    }
}

std::expected<QString, QString> X11Clipboard::read(const QString& display, int timeoutMs)
{
    initXlib();
    Display* dpy = openDisplay(display);
    if (!dpy)
        return std::unexpected(QStringLiteral("cannot open X display \"%1\" for the clipboard").arg(display));
    const Atom clipboard = XInternAtom(dpy, "CLIPBOARD", False);
    const Atom utf8 = XInternAtom(dpy, "UTF8_STRING", False);
    const Atom property = XInternAtom(dpy, "TASKLOOM_CLIPBOARD", False);
    const Atom incr = XInternAtom(dpy, "INCR", False);
    auto finish = [dpy](std::expected<QString, QString> r) {
        XCloseDisplay(dpy);
        return r;
    };
    if (XGetSelectionOwner(dpy, clipboard) == 0)
        return finish(QString()); // nobody owns the clipboard: it is empty
    const Window w = XCreateSimpleWindow(dpy, DefaultRootWindow(dpy), -10, -10, 1, 1, 0, 0, 0);
    XConvertSelection(dpy, clipboard, utf8, property, w, CurrentTime);
    XFlush(dpy);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    pollfd pfd{ConnectionNumber(dpy), POLLIN, 0};
    while (std::chrono::steady_clock::now() < deadline) {
        if (!XPending(dpy)) {
            poll(&pfd, 1, 20);
            continue;
        }
        XEvent e;
        XNextEvent(dpy, &e);
        if (e.type != SelectionNotify || e.xselection.requestor != w)
            continue;
        if (e.xselection.property == 0)
            return finish(std::unexpected(QStringLiteral("the clipboard holds no text")));
        Atom type = 0;
        int format = 0;
        unsigned long count = 0, after = 0;
        unsigned char* data = nullptr;
        XGetWindowProperty(dpy, w, property, 0, 16 * 1024 * 1024, True, AnyPropertyType, &type, &format, &count, &after, &data);
        QString text;
        const bool tooLarge = type == incr;
        if (data && format == 8)
            text = type == XA_STRING ? QString::fromLatin1(reinterpret_cast<const char*>(data), qsizetype(count))
                                     : QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(count));
        if (data)
            XFree(data);
        if (tooLarge)
            return finish(std::unexpected(QStringLiteral("the clipboard text is too large to read at once")));
        return finish(text);
    }
    return finish(std::unexpected(QStringLiteral("the clipboard owner did not answer within %1 ms").arg(timeoutMs)));
}

} // namespace taskloom::recorder::x11
