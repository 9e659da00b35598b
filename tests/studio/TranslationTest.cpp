// The Korean translation compiled into the studio: installed by language, it turns the menus Korean.

#include "StudioTestSupport.hpp"

#include "app/studio/MainWindow.hpp"
#include "app/studio/StudioTranslation.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>

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
