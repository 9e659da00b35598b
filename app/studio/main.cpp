// taskloom-studio: the flow editor.

#include "MainWindow.hpp"
#include "RecorderPanel.hpp"
#include "StudioTheme.hpp"
#include "StudioTranslation.hpp"

#include "app/runtime/ProcessStartup.hpp"
#include "app/runtime/Runtime.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

using namespace taskloom;

int main(int argc, char** argv)
{
    app::prepareProcessEnvironment(argc, argv);
    // Browser nodes (QtWebEngine) run in the studio's process: it needs shared OpenGL contexts, set before the
    // application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("taskloom-studio"));
    QApplication::setOrganizationName(QStringLiteral("Taskloom"));
    QApplication::setApplicationDisplayName(QStringLiteral("Taskloom Studio"));
    QApplication::setApplicationVersion(QStringLiteral(TASKLOOM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Build and run Taskloom flows."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dataDir(QStringLiteral("data-dir"),
                               QApplication::translate("main", "Where runs, credentials and settings live."),
                               QStringLiteral("DIR"));
    QCommandLineOption theme(QStringLiteral("theme"), QApplication::translate("main", "dark or light."),
                             QStringLiteral("THEME"));
    QCommandLineOption lang(QStringLiteral("lang"),
                            QApplication::translate("main", "Language of the user interface (ko, en); default: the system's."),
                            QStringLiteral("LANG"));
    QCommandLineOption run(QStringLiteral("run"), QApplication::translate("main", "Run the flow once it is open."));
    QCommandLineOption macro(QStringLiteral("macro"),
                             QApplication::translate("main", "A recorded macro (*.macro.json) to open in the Recorder panel."),
                             QStringLiteral("FILE"));
    parser.addOptions({dataDir, theme, lang, run, macro});
    parser.addPositionalArgument(QStringLiteral("FLOW"), QApplication::translate("main", "A flow file to open."));
    parser.process(application);
    studio::StudioTranslation::install(application, parser.value(lang));

    studio::StudioTheme::apply(application, studio::StudioTheme::fromName(
        parser.isSet(theme) ? parser.value(theme) : QSettings().value(QStringLiteral("theme")).toString()));

    auto runtime = app::Runtime::create({parser.value(dataDir), true});
    if (!runtime) {
        QMessageBox::critical(nullptr, QStringLiteral("Taskloom Studio"), runtime.error());
        return 2;
    }
    studio::MainWindow window(**runtime);
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        if (window.openFile(parser.positionalArguments().first()) && parser.isSet(run))
            QTimer::singleShot(0, &window, &studio::MainWindow::runFlow);
    } else {
        window.offerRecovery(QString());
    }
    if (parser.isSet(macro)) {
        if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("recorderDock"))) {
            dock->show();
            dock->raise();
            window.resizeDocks({dock}, {420}, Qt::Vertical); // room for the steps and their thumbnails
        }
        window.recorderPanel()->openMacro(parser.value(macro));
    }
    return application.exec();
}
