#include "XlibSupport.hpp"

#include <mutex>

namespace taskloom::recorder::x11 {

namespace {

thread_local int t_lastError = 0;

int rememberError(Display*, XErrorEvent* e)
{
    t_lastError = e->error_code;
    return 0;
}

int quietIOError(Display*)
{
    return 0;
}

void survive(Display*, void*) {}

} // namespace

void initXlib()
{
    static std::once_flag once;
    std::call_once(once, [] {
        XInitThreads();
        XSetErrorHandler(rememberError);
        XSetIOErrorHandler(quietIOError);
    });
}

Display* openDisplay(const QString& name)
{
    initXlib();
    const QByteArray n = name.toLocal8Bit();
    Display* dpy = XOpenDisplay(n.isEmpty() ? nullptr : n.constData());
    if (dpy)
        XSetIOErrorExitHandler(dpy, survive, nullptr);
    return dpy;
}

int takeLastXError()
{
    const int e = t_lastError;
    t_lastError = 0;
    return e;
}

QString windowTitle(Display* dpy, Window w)
{
    const Atom netWmName = XInternAtom(dpy, "_NET_WM_NAME", False);
    const Atom utf8 = XInternAtom(dpy, "UTF8_STRING", False);
    Atom type = 0;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    QString title;
    if (XGetWindowProperty(dpy, w, netWmName, 0, 4096, False, utf8, &type, &format, &count, &after, &data) == Success
        && data && type == utf8 && format == 8)
        title = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(count));
    if (data)
        XFree(data);
    if (title.isEmpty()) {
        char* name = nullptr;
        if (XFetchName(dpy, w, &name) && name) {
            title = QString::fromLocal8Bit(name);
            XFree(name);
        }
    }
    return title;
}

QString windowClass(Display* dpy, Window w)
{
    XClassHint hint{nullptr, nullptr};
    QString cls;
    if (XGetClassHint(dpy, w, &hint)) {
        cls = QString::fromLocal8Bit(hint.res_class);
        XFree(hint.res_name);
        XFree(hint.res_class);
    }
    return cls;
}

bool hasProperty(Display* dpy, Window w, Atom property)
{
    Atom type = 0;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    const bool ok = XGetWindowProperty(dpy, w, property, 0, 0, False, AnyPropertyType, &type, &format, &count, &after, &data) == Success
        && type != 0;
    if (data)
        XFree(data);
    return ok;
}

Window clientWindow(Display* dpy, Window w)
{
    const Atom wmState = XInternAtom(dpy, "WM_STATE", False);
    // Breadth-first, a few levels: window managers nest the client one or two levels inside the frame.
    QList<Window> level{w};
    for (int depth = 0; depth < 4 && !level.isEmpty(); ++depth) {
        QList<Window> next;
        for (Window candidate : level) {
            if (hasProperty(dpy, candidate, wmState))
                return candidate;
            Window root = 0, parent = 0, *children = nullptr;
            unsigned n = 0;
            if (XQueryTree(dpy, candidate, &root, &parent, &children, &n)) {
                for (unsigned i = 0; i < n; ++i)
                    next.append(children[i]);
                if (children)
                    XFree(children);
            }
        }
        level = next;
    }
    return w;
}

Window topLevelOf(Display* dpy, Window w)
{
    const Window rootWindow = DefaultRootWindow(dpy);
    Window current = w;
    for (int guard = 0; guard < 64 && current; ++guard) {
        Window root = 0, parent = 0, *children = nullptr;
        unsigned n = 0;
        if (!XQueryTree(dpy, current, &root, &parent, &children, &n))
            return 0;
        if (children)
            XFree(children);
        if (parent == rootWindow || parent == 0)
            return current;
        current = parent;
    }
    return current;
}

} // namespace taskloom::recorder::x11
