#pragma once

#include "Geometry.hpp"

#include <QString>

namespace taskloom::recorder {

/// Modifier keys held during an event, as bit flags.
enum Modifier : unsigned {
    NoModifier = 0,
    ShiftModifier = 1,
    ControlModifier = 2,
    AltModifier = 4,
    SuperModifier = 8,
};

/// One captured input event, backend-neutral. Keys are named with X keysym names ("a", "Return", "F9"), the
/// vocabulary every backend maps to and from.
struct InputEvent {
    enum class Kind { Motion, ButtonPress, ButtonRelease, KeyPress, KeyRelease };

    Kind kind = Kind::Motion;
    qint64 timeMs = 0;       ///< monotonic milliseconds (the server's clock on X11)
    Point pos;               ///< pointer position on the screen
    int button = 0;          ///< 1 left, 2 middle, 3 right, 4/5 wheel up/down, 6/7 wheel left/right
    QString key;             ///< keysym name
    QString text;            ///< the text the key types with the current modifiers, empty for none
    unsigned modifiers = NoModifier;
};

} // namespace taskloom::recorder
