#pragma once

#include <QString>

class QCoreApplication;

namespace taskloom::studio {

/// The studio's translations, compiled into the program (`:/i18n/taskloom_studio_<lang>.qm`).
class StudioTranslation {
public:
    /// Installs the translation for `language` ("ko", "ko_KR"; empty: the system's UI language) with Qt's own
    /// translation of its dialogs where installed. English needs none. Returns the language installed, or empty
    /// when there is no translation for it (the studio then stays in English).
    static QString install(QCoreApplication& app, const QString& language = {});
    /// Removes what install() added (tests switch languages).
    static void uninstall(QCoreApplication& app);
    /// Languages with a compiled-in translation, e.g. {"ko"}.
    static QStringList available();
};

} // namespace taskloom::studio
