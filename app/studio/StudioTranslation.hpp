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
    /// A node spec's text (title, category, parameter and option titles, port names, descriptions) in the UI
    /// language. Specs are declared once, in English, by the engine and node packs; their translations live in
    /// `taskloom_nodes_<lang>.ts` (context "NodeSpec"), kept up to date by tools/node-translations.py. Text without
    /// a translation (a user's Lua node type) stays as declared.
    static QString node(const QString& english);
};

} // namespace taskloom::studio
