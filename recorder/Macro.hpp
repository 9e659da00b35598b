#pragma once

// The macro model lives in one header on purpose: a macro, its steps, their targets and locators are one small
// document model that is always read, written and replayed together.

#include "Image.hpp"
#include "WindowInfo.hpp"

#include <QDateTime>
#include <QList>
#include <QString>

namespace taskloom::recorder {

/// One way to find a step's target on the screen. A target keeps an ordered list and replay tries them in turn.
struct Locator {
    enum class Kind { Image, Text, Window, Absolute };

    Kind kind = Kind::Absolute;
    /// Image: the anchor as written in the file (a path relative to the macro, or a data: URI when embedded).
    QString anchorRef;
    Image anchor;
    Rect recordedRect;      ///< Image: where the anchor was on the recorded screen
    bool unique = true;     ///< Image: the anchor matched only once on the recorded screen
    double minScore = 0.8;  ///< Image: the lowest template-match score accepted
    Point offset;           ///< Image / Window: the point to act on, relative to the anchor / window top-left;
                            ///< Text: relative to the centre of the words found
    QString text;           ///< Text: the words to find by OCR (case and spacing ignored)
    QString title;          ///< Window: the title the window had (matched exactly, or as a pattern by nodes)
    QString className;      ///< Window
    Point point;            ///< Absolute: screen coordinates

    static QString kindName(Kind k);
};

/// Where a step acts: the ways to find it, and the window it was in when recorded (for reports and fallbacks).
struct Target {
    QList<Locator> locators;
    WindowInfo window;

    const Locator* find(Locator::Kind kind) const;
    bool isEmpty() const { return locators.isEmpty(); }
};

struct MacroStep {
    enum class Kind { Click, Drag, Scroll, Type, TypeSecret, Keys, Wait, WaitWindow };

    Kind kind = Kind::Click;
    Target target;          ///< Click, Drag (where the press happens), Scroll
    int button = 1;         ///< Click, Drag: 1 left, 2 middle, 3 right
    int clicks = 1;         ///< Click: 2 for a double click
    unsigned modifiers = 0; ///< Click, Drag, Scroll: modifier keys held (InputEvent Modifier flags)
    Point dragBy;           ///< Drag: the release point minus the press point
    int scrollX = 0;        ///< Scroll: wheel notches, positive right
    int scrollY = 0;        ///< Scroll: wheel notches, positive down
    QString text;           ///< Type: the text ({{ }} expressions allowed); Keys: the combination, "ctrl+s"
    bool paste = false;     ///< Type: paste through the clipboard (text an input method would intercept)
    QString credential;     ///< TypeSecret: the credential's name
    QString field;          ///< TypeSecret: the credential field typed, "password" by default
    int ms = 0;             ///< Wait: how long; WaitWindow: the timeout
    QString windowTitle;    ///< WaitWindow: a regular expression the title must match (empty: any)
    QString windowClass;    ///< WaitWindow: a regular expression the class must match (empty: any)

    static QString kindName(Kind k);
    static bool kindFromName(QStringView name, Kind& out);
    /// "step 3 (click)": how messages name a step (1-based).
    static QString label(int index, Kind kind);
};

/// A recording: versioned, human-editable, replayable. See docs/recorder.md for the file format.
struct Macro {
    static constexpr int formatVersion = 1;

    QString display;  ///< the display it was recorded on, ":0"
    Rect screen;      ///< the screen geometry it was recorded on
    QDateTime recordedAt;
    QList<MacroStep> steps;
};

} // namespace taskloom::recorder
