#pragma once

// Private to recorder/x11: only the backend's .cpp files include this, because Xlib's macros (None, Bool,
// Status, KeyPress, ...) clash with Qt and with the rest of our code.

// Qt first: Qt's headers refuse to follow Xlib's Bool and Status macros.
#include <QByteArray>
#include <QDataStream>
#include <QList>
#include <QMetaType>
#include <QString>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

namespace taskloom::recorder::x11 {

/// Xlib's default error handler exits the process on a routine BadWindow (a window closed while we looked at
/// it). Installs a handler that only remembers the last error, and makes Xlib thread-safe. Call before the first
/// XOpenDisplay; safe to call often.
void initXlib();
/// XOpenDisplay that never ends the process: when the server goes away (the session ended, Xvfb stopped),
/// Xlib's default is to exit(); this connection just goes dead and its calls return nothing.
Display* openDisplay(const QString& name);
/// The last X error code seen on this thread (0 none), and resets it.
int takeLastXError();

QString windowTitle(Display* dpy, Window w);
QString windowClass(Display* dpy, Window w);
bool hasProperty(Display* dpy, Window w, Atom property);
/// The client window (the one carrying WM_STATE) at or below `w`, or `w` itself when none carries it (no
/// window manager).
Window clientWindow(Display* dpy, Window w);
/// The child of the root that contains `w` (its frame under a window manager).
Window topLevelOf(Display* dpy, Window w);

} // namespace taskloom::recorder::x11
