#include "StudioTranslation.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace taskloom::studio {

namespace {

const QString prefix = QStringLiteral("taskloom_studio_");
const QString folder = QStringLiteral(":/i18n");

QList<QPointer<QTranslator>>& installed()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

} // namespace

QStringList StudioTranslation::available()
{
    QStringList out;
    for (const QString& f : QDir(folder).entryList({prefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name))
        out.append(f.mid(prefix.size()).chopped(3));
    return out;
}

QString StudioTranslation::install(QCoreApplication& app, const QString& language)
{
    uninstall(app);
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* studio = new QTranslator(&app);
    // QTranslator::load(locale, ...) tries "ko_KR", then "ko": the most specific file that exists wins.
    if (locale.language() == QLocale::English
        || !studio->load(locale, QStringLiteral("taskloom_studio"), QStringLiteral("_"), folder)) {
        delete studio;
        return {};
    }
    app.installTranslator(studio);
    installed().append(studio);
    auto* nodes = new QTranslator(&app);
    if (nodes->load(locale, QStringLiteral("taskloom_nodes"), QStringLiteral("_"), folder)) {
        app.installTranslator(nodes);
        installed().append(nodes);
    } else {
        delete nodes;
    }
    // Qt's own strings (standard buttons, file dialogs), when the qt6-translations-l10n package is there.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app.installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
    return QLocale(studio->language()).name().section(u'_', 0, 0);
}

QString StudioTranslation::node(const QString& english)
{
    if (english.isEmpty())
        return english;
    return QCoreApplication::translate("NodeSpec", english.toUtf8().constData());
}

void StudioTranslation::uninstall(QCoreApplication& app)
{
    for (const QPointer<QTranslator>& t : std::as_const(installed())) {
        if (t) {
            app.removeTranslator(t);
            delete t;
        }
    }
    installed().clear();
}

} // namespace taskloom::studio
