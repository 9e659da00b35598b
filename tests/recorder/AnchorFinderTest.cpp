#include "recorder/AnchorFinder.hpp"

#include <QRandomGenerator>

#include <cstring>

#include <gtest/gtest.h>

using namespace taskloom::recorder;

namespace {

void fill(Image& img, const Rect& r, quint32 rgb)
{
    for (int y = r.y; y < r.y + r.height; ++y)
        for (int x = r.x; x < r.x + r.width; ++x) {
            uchar* p = img.bits() + y * img.stride() + x * 4;
            p[0] = uchar(rgb & 0xff);
            p[1] = uchar((rgb >> 8) & 0xff);
            p[2] = uchar((rgb >> 16) & 0xff);
            p[3] = 0xff;
        }
}

/// A "button": a box with a few stripes whose layout depends on `seed`.
void drawWidget(Image& img, Point at, int seed)
{
    fill(img, {at.x, at.y, 90, 30}, 0xdddddd);
    QRandomGenerator rng{quint32(seed)};
    for (int i = 0; i < 8; ++i)
        fill(img, {at.x + 6 + int(rng.bounded(70)), at.y + 6 + int(rng.bounded(16)), 3 + int(rng.bounded(8)), 2 + int(rng.bounded(6))},
             rng.bounded(0x404040));
}

Image desktop(int w, int h)
{
    Image img(w, h);
    fill(img, img.rect(), 0xf0f0f0);
    return img;
}

Image scaledNearest(const Image& src, double s)
{
    Image out(int(src.width() * s), int(src.height() * s));
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x)
            std::memcpy(out.bits() + y * out.stride() + x * 4,
                        src.constBits() + int(y / s) * src.stride() + int(x / s) * 4, 4);
    return out;
}

} // namespace

TEST(AnchorFinder, FindsAnAnchorWhereverItMoved)
{
    Image screen = desktop(800, 600);
    drawWidget(screen, {100, 100}, 1);
    drawWidget(screen, {300, 100}, 2);
    const Image anchor = screen.copy({95, 95, 100, 40});
    Image moved = desktop(800, 600);
    drawWidget(moved, {513, 377}, 1);
    drawWidget(moved, {100, 100}, 2);
    auto m = AnchorFinder::find(moved, anchor, {});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->rect.x, 508);
    EXPECT_EQ(m->rect.y, 372);
    EXPECT_GT(m->score, 0.95);
}

TEST(AnchorFinder, MissingAnchorIsNotFound)
{
    Image screen = desktop(800, 600);
    drawWidget(screen, {100, 100}, 1);
    const Image anchor = screen.copy({95, 95, 100, 40});
    Image other = desktop(800, 600);
    drawWidget(other, {100, 100}, 7);
    EXPECT_FALSE(AnchorFinder::find(other, anchor, {}));
    EXPECT_LT(AnchorFinder::best(other, anchor).score, 0.8);
}

TEST(AnchorFinder, FindsAcrossScales)
{
    Image screen = desktop(640, 480);
    drawWidget(screen, {200, 150}, 3);
    drawWidget(screen, {60, 300}, 4);
    const Image anchor = screen.copy({195, 145, 100, 40});
    const Image zoomed = scaledNearest(screen, 1.25); // the same desktop at 125 %
    AnchorFinder::Search s;
    EXPECT_FALSE(AnchorFinder::find(zoomed, anchor, s)) << "at 100 % only, a zoomed anchor should not match";
    s.scales = AnchorFinder::defaultScales();
    auto m = AnchorFinder::find(zoomed, anchor, s);
    ASSERT_TRUE(m);
    EXPECT_DOUBLE_EQ(m->scale, 1.25);
    EXPECT_NEAR(m->rect.x, 195 * 1.25, 3);
    EXPECT_NEAR(m->rect.y, 145 * 1.25, 3);
}

TEST(AnchorFinder, SearchesOnlyTheRegion)
{
    Image screen = desktop(800, 600);
    drawWidget(screen, {100, 100}, 5);
    drawWidget(screen, {500, 400}, 5); // a twin elsewhere
    const Image anchor = screen.copy({95, 95, 100, 40});
    AnchorFinder::Search s;
    s.region = {400, 300, 300, 250};
    auto m = AnchorFinder::find(screen, anchor, s);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->rect.x, 495);
    EXPECT_EQ(m->rect.y, 395);
}

TEST(AnchorFinder, GrowsThePatchUntilItIsUnique)
{
    Image screen = desktop(800, 600);
    // Two identical widgets, told apart only by what is beside them.
    drawWidget(screen, {200, 200}, 9);
    drawWidget(screen, {500, 200}, 9);
    drawWidget(screen, {200, 240}, 10);
    drawWidget(screen, {500, 240}, 11);
    const auto patch = AnchorFinder::distinctivePatch(screen, {245, 215});
    EXPECT_TRUE(patch.unique);
    EXPECT_TRUE(patch.rect.contains(Point{245, 215}));
    EXPECT_GT(patch.rect.height, 30) << "a patch of the widget alone matches its twin";
    const Image anchor = screen.copy(patch.rect);
    EXPECT_LT(AnchorFinder::runnerUpScore(screen, anchor), 0.8);
}

TEST(AnchorFinder, FlatAreasAreNeverUnique)
{
    const Image screen = desktop(400, 300);
    const auto patch = AnchorFinder::distinctivePatch(screen, {200, 150});
    EXPECT_FALSE(patch.unique);
}

TEST(AnchorFinder, TheLastMatchedScaleIsTriedFirst)
{
    const QList<double> scales = AnchorFinder::defaultScales(1.25);
    ASSERT_FALSE(scales.isEmpty());
    EXPECT_DOUBLE_EQ(scales.first(), 1.25);
    QList<double> plain = AnchorFinder::defaultScales();
    EXPECT_DOUBLE_EQ(plain.first(), 1.0);
    EXPECT_EQ(scales.size(), plain.size()) << "each scale once";
    for (double s : plain)
        EXPECT_TRUE(scales.contains(s)) << s;
    // A scale outside the list joins it in front.
    EXPECT_EQ(AnchorFinder::defaultScales(1.33).size(), plain.size() + 1);
}

TEST(AnchorFinder, AStalePreferredScaleDoesNotWin)
{
    // The previous step matched at 125 %, but this screen is at 100 %: trying 125 % first must not stop the
    // search on a poor match; 100 % is still found, at the right place.
    Image screen = desktop(640, 480);
    drawWidget(screen, {200, 150}, 3);
    drawWidget(screen, {60, 300}, 4);
    const Image anchor = screen.copy({195, 145, 100, 40});
    Image moved = desktop(640, 480);
    drawWidget(moved, {330, 260}, 3);
    drawWidget(moved, {60, 300}, 4);
    AnchorFinder::Search s;
    s.scales = AnchorFinder::defaultScales(1.25);
    auto m = AnchorFinder::find(moved, anchor, s);
    ASSERT_TRUE(m);
    EXPECT_DOUBLE_EQ(m->scale, 1.0);
    EXPECT_EQ(m->rect.x, 325);
    EXPECT_EQ(m->rect.y, 255);
}

TEST(AnchorFinder, AConfidentMatchEndsTheSearchAtItsScale)
{
    Image screen = desktop(640, 480);
    drawWidget(screen, {200, 150}, 3);
    const Image anchor = screen.copy({195, 145, 100, 40});
    const Image zoomed = scaledNearest(screen, 1.25);
    AnchorFinder::Search s;
    s.scales = AnchorFinder::defaultScales(1.25);
    s.confident = 0.9; // as a replay does once it knows the screen's scale
    auto first = AnchorFinder::find(zoomed, anchor, s);
    ASSERT_TRUE(first);
    EXPECT_DOUBLE_EQ(first->scale, 1.25);
    EXPECT_GE(first->score, s.confident);
    // Only the confident threshold stops it: with it out of reach every scale is tried and the best one still wins.
    s.confident = 1.01;
    s.scales = AnchorFinder::defaultScales();
    auto all = AnchorFinder::find(zoomed, anchor, s);
    ASSERT_TRUE(all);
    EXPECT_DOUBLE_EQ(all->scale, 1.25);
    EXPECT_EQ(all->rect.x, first->rect.x);
    EXPECT_EQ(all->rect.y, first->rect.y);
}
