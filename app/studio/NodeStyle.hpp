#pragma once

#include <QColor>
#include <QString>

namespace taskloom::studio {

/// How node types look: a colour per palette category and a glyph per spec icon name. Themes for the GUI as a
/// whole live in StudioTheme; these are the canvas's own colours, readable on both light and dark.
class NodeStyle {
public:
    static QColor categoryColor(const QString& category);
    /// A one-character glyph for a spec's theme-icon name (the canvas paints it, so no icon theme is needed).
    static QString glyph(const QString& iconName, const QString& title);
};

} // namespace taskloom::studio
