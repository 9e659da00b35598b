// The Korean translation compiled into the studio: installed by language, it turns the menus Korean.

#include "StudioTestSupport.hpp"

#include "app/studio/FlowDocument.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/NodeCatalog.hpp"
#include "app/studio/PaletteWidget.hpp"
#include "app/studio/StudioTranslation.hpp"

#include "engine/NodeRegistry.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::studio;

namespace {

QStringList menuTitles(const MainWindow& w)
{
    QStringList titles;
    for (QAction* a : w.menuBar()->actions())
        titles.append(a->text());
    return titles;
}

struct Uninstall {
    ~Uninstall() { StudioTranslation::uninstall(*qApp); }
};

} // namespace

TEST(Translation, KoreanIsCompiledIn)
{
    EXPECT_TRUE(StudioTranslation::available().contains(QStringLiteral("ko")));
}

TEST(Translation, TheKoreanTranslationTurnsTheMenusKorean)
{
    Uninstall guard;
    ASSERT_EQ(StudioTranslation::install(*qApp, QStringLiteral("ko")), u"ko");
    {
        MainWindow window(test::runtime());
        const QStringList titles = menuTitles(window);
        ASSERT_FALSE(titles.isEmpty());
        EXPECT_EQ(titles.first(), QStringLiteral("파일(&F)"));
        EXPECT_TRUE(titles.contains(QStringLiteral("실행(&R)"))) << titles.join(u' ').toStdString();
        const auto* history = window.findChild<QDockWidget*>(QStringLiteral("historyDock"));
        ASSERT_TRUE(history);
        EXPECT_EQ(history->windowTitle(), QStringLiteral("실행 기록"));
        EXPECT_EQ(window.findChild<QAction*>(QStringLiteral("runUpTo"))->text(), QStringLiteral("이 노드까지 실행(&U)"));
    }
    // A regional variant finds the language's file; back to English without it.
    EXPECT_EQ(StudioTranslation::install(*qApp, QStringLiteral("ko_KR")), u"ko");
    StudioTranslation::uninstall(*qApp);
    MainWindow english(test::runtime());
    EXPECT_EQ(menuTitles(english).first(), QStringLiteral("&File"));
}

TEST(Translation, LanguagesWithoutATranslationStayEnglish)
{
    Uninstall guard;
    EXPECT_TRUE(StudioTranslation::install(*qApp, QStringLiteral("en")).isEmpty());
    EXPECT_TRUE(StudioTranslation::install(*qApp, QStringLiteral("fr")).isEmpty());
    MainWindow window(test::runtime());
    EXPECT_EQ(menuTitles(window).first(), QStringLiteral("&File"));
}

// Every text of a built-in node the studio shows (palette, canvas, inspector: labels, descriptions, parameter and
// option help) has a Korean translation, so a node added without its translation fails here
// (app/studio/translations/update-node-translations.py adds its texts to the catalogue).
TEST(Translation, EveryBuiltInNodeTextHasAKoreanTranslation)
{
    QTranslator ko;
    ASSERT_TRUE(ko.load(QStringLiteral(":/i18n/taskloom_nodes_ko.qm")));
    QStringList missing;
    const auto check = [&](const QString& type, const QString& text) {
        if (!text.isEmpty() && ko.translate("NodeSpec", text.toUtf8().constData()).isEmpty())
            missing.append(QStringLiteral("%1: \"%2\"").arg(type, text));
    };
    int types = 0;
    for (const engine::NodeType* t : test::runtime().registry().types()) {
        const engine::NodeSpec& s = t->spec();
        ++types;
        check(s.type, s.category);
        check(s.type, s.title);
        check(s.type, s.description);
        for (const auto* ports : {&s.inputs, &s.outputs})
            for (const auto& port : *ports)
                check(s.type, port.title);
        const auto params = [&](const auto& self, const QList<engine::ParamSpec>& list) -> void {
            for (const engine::ParamSpec& p : list) {
                check(s.type, p.title);
                check(s.type, p.description);
                for (const auto& o : p.options) {
                    check(s.type, o.title);
                    check(s.type, o.description);
                }
                self(self, p.fields);
            }
        };
        params(params, s.params);
    }
    EXPECT_GT(types, 70);
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " untranslated, e.g. " << missing.mid(0, 10).join(u", ").toStdString();
}

TEST(Translation, NodesAppearAndAreNamedInKorean)
{
    Uninstall guard;
    ASSERT_EQ(StudioTranslation::install(*qApp, QStringLiteral("ko")), u"ko");
    EXPECT_EQ(StudioTranslation::node(QStringLiteral("Read CSV")), QStringLiteral("CSV 읽기"));
    EXPECT_EQ(StudioTranslation::node(QStringLiteral("A label no spec has")), QStringLiteral("A label no spec has"));

    // The palette finds a node by its Korean title and still by its English one.
    PaletteWidget palette(test::runtime().registry());
    palette.setFilter(QStringLiteral("CSV 읽기"));
    EXPECT_EQ(palette.visibleTypes().value(0), QStringLiteral("core.csvRead")) << palette.visibleTypes().join(u' ').toStdString();
    palette.setFilter(QStringLiteral("read csv"));
    EXPECT_EQ(palette.visibleTypes().value(0), QStringLiteral("core.csvRead"));

    // A new node is named in the UI's language.
    auto doc = test::makeDocument();
    const auto node = doc->makeNode(QStringLiteral("core.csvRead"), {0, 0});
    ASSERT_TRUE(node);
    EXPECT_EQ(node->name, QStringLiteral("CSV 읽기"));
}
