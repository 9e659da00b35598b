// taskloom-target-app: the window the recorder tests drive. Buttons and text fields that log every click and
// every text change to a file, so a test can compare what a recording did with what its replay did.
//
//   taskloom-target-app --log FILE [--pos X,Y] [--title TEXT] [--hide WIDGET] [--more]
//
// --more adds two rows of eight more buttons (delta ... kilo), for macros that click many distinct widgets.

#include <QApplication>
#include <QEvent>
#include <QCommandLineParser>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

#include <algorithm>

namespace {

QFile g_log;

void logLine(const QString& line)
{
    g_log.write(line.toUtf8() + '\n');
    g_log.flush();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("log"), QStringLiteral("log file"), QStringLiteral("file")});
    parser.addOption({QStringLiteral("pos"), QStringLiteral("window position"), QStringLiteral("x,y"), QStringLiteral("60,60")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("window title"), QStringLiteral("text"), QStringLiteral("Taskloom Target")});
    parser.addOption({QStringLiteral("hide"), QStringLiteral("a widget to leave out"), QStringLiteral("name")});
    parser.addOption({QStringLiteral("more"), QStringLiteral("eight more buttons")});
    parser.process(app);
    g_log.setFileName(parser.value(QStringLiteral("log")));
    if (!g_log.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return 2;

    QWidget window;
    window.setWindowTitle(parser.value(QStringLiteral("title")));
    auto* form = new QFormLayout(&window);
    QList<QWidget*> widgets;
    for (const char* name : {"name", "email", "password"}) {
        auto* edit = new QLineEdit;
        edit->setObjectName(QLatin1String(name));
        if (QLatin1String(name) == QLatin1String("password"))
            edit->setEchoMode(QLineEdit::Password);
        QObject::connect(edit, &QLineEdit::textChanged, [edit](const QString& text) {
            logLine(QStringLiteral("text %1 %2").arg(edit->objectName(), text));
        });
        struct FocusLog : QObject {
            bool eventFilter(QObject* o, QEvent* e) override
            {
                if (e->type() == QEvent::FocusIn)
                    logLine(QStringLiteral("focus ") + o->objectName());
                return false;
            }
        };
        edit->installEventFilter(new FocusLog);
        form->addRow(QString::fromLatin1(name).replace(0, 1, QChar::fromLatin1(name[0]).toUpper()) + u':', edit);
        widgets.append(edit);
    }
    auto* row = new QHBoxLayout;
    for (const char* name : {"Alpha", "Beta", "Gamma"}) {
        auto* button = new QPushButton(QLatin1String(name));
        button->setObjectName(QLatin1String(name).toString().toLower());
        QObject::connect(button, &QPushButton::clicked, [button] { logLine(QStringLiteral("click ") + button->objectName()); });
        row->addWidget(button);
        widgets.append(button);
    }
    form->addRow(row);
    if (parser.isSet(QStringLiteral("more"))) {
        const char* const more[2][4] = {{"Delta", "Echo", "Foxtrot", "Golf"}, {"Hotel", "India", "Juliet", "Kilo"}};
        for (const auto& names : more) {
            auto* extra = new QHBoxLayout;
            for (const char* name : names) {
                auto* button = new QPushButton(QLatin1String(name));
                button->setObjectName(QLatin1String(name).toString().toLower());
                QObject::connect(button, &QPushButton::clicked, [button] { logLine(QStringLiteral("click ") + button->objectName()); });
                extra->addWidget(button);
                widgets.append(button);
            }
            form->addRow(extra);
        }
    }
    for (QWidget* w : widgets)
        if (w->objectName() == parser.value(QStringLiteral("hide")))
            w->setVisible(false);
    window.resize(420, std::max(220, window.sizeHint().height()));
    const QStringList pos = parser.value(QStringLiteral("pos")).split(u',');
    window.move(pos.value(0).toInt(), pos.value(1).toInt());
    window.show();
    // Report where every widget is once the window is on the screen, and again whenever it moves (a window
    // manager places and frames it after it is shown), so the test knows where to click.
    QTimer report;
    report.setSingleShot(true);
    report.setInterval(300);
    QObject::connect(&report, &QTimer::timeout, [&] {
        for (QWidget* w : widgets) {
            if (!w->isVisible())
                continue;
            const QPoint g = w->mapToGlobal(QPoint(0, 0));
            logLine(QStringLiteral("widget %1 %2 %3 %4 %5").arg(w->objectName()).arg(g.x()).arg(g.y()).arg(w->width()).arg(w->height()));
        }
        logLine(QStringLiteral("ready"));
    });
    struct MoveWatch : QObject {
        QTimer* timer;
        bool eventFilter(QObject*, QEvent* e) override
        {
            if (e->type() == QEvent::Move || e->type() == QEvent::Show)
                timer->start();
            return false;
        }
    } watch;
    watch.timer = &report;
    window.installEventFilter(&watch);
    report.start();
    return app.exec();
}
