#pragma once

#include <QString>

class QApplication;

namespace taskloom::studio {

/// The studio's look: Fusion with a dark (default) or light palette and a small style sheet for the panels.
class StudioTheme {
public:
    enum class Mode { Dark, Light };
    static void apply(QApplication& app, Mode mode);
    static Mode fromName(const QString& name) { return name == u"light" ? Mode::Light : Mode::Dark; }
};

} // namespace taskloom::studio
