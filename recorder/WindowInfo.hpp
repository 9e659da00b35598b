#pragma once

#include "Geometry.hpp"

#include <QString>

namespace taskloom::recorder {

/// A top-level application window as the desktop reports it.
struct WindowInfo {
    quint64 id = 0;
    QString title;
    QString className; ///< X11 WM_CLASS class part; the executable's name on Windows
    Rect geometry;     ///< client area on the screen, without the window manager's frame
    qint64 pid = 0;    ///< 0 when unknown

    bool isValid() const { return id != 0; }
};

} // namespace taskloom::recorder
