#include "recorder/InputEvent.hpp"
#include "recorder/MacroFile.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace taskloom::recorder;

namespace {

Image pattern(int w, int h, int seed)
{
    Image img(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uchar* p = img.bits() + y * img.stride() + x * 4;
            p[0] = uchar((x * 7 + seed) & 0xff);
            p[1] = uchar((y * 13 + seed * 3) & 0xff);
            p[2] = uchar(((x ^ y) + seed) & 0xff);
            p[3] = 0xff;
        }
    return img;
}

Macro sample()
{
    Macro m;
    m.display = QStringLiteral(":7");
    m.screen = {0, 0, 1280, 800};
    m.recordedAt = QDateTime::fromString(QStringLiteral("2026-01-02T03:04:05"), Qt::ISODate);
    MacroStep click;
    click.kind = MacroStep::Kind::Click;
    click.clicks = 2;
    click.modifiers = ControlModifier;
    Locator img;
    img.kind = Locator::Kind::Image;
    img.anchor = pattern(40, 30, 1);
    img.recordedRect = {100, 200, 40, 30};
    img.offset = {20, 15};
    img.minScore = 0.85;
    Locator win;
    win.kind = Locator::Kind::Window;
    win.title = QStringLiteral("Orders — Editor");
    win.className = QStringLiteral("Editor");
    win.offset = {50, 60};
    Locator abs;
    abs.point = {120, 215};
    click.target.locators = {img, win, abs};
    click.target.window.title = win.title;
    click.target.window.className = win.className;
    click.target.window.geometry = {70, 155, 600, 400};
    m.steps.append(click);
    MacroStep type;
    type.kind = MacroStep::Kind::Type;
    type.text = QStringLiteral("Dear {{ item.name }}, 안녕하세요");
    type.paste = true;
    m.steps.append(type);
    MacroStep secret;
    secret.kind = MacroStep::Kind::TypeSecret;
    secret.credential = QStringLiteral("crm");
    secret.field = QStringLiteral("password");
    m.steps.append(secret);
    MacroStep keys;
    keys.kind = MacroStep::Kind::Keys;
    keys.text = QStringLiteral("ctrl+shift+Tab");
    m.steps.append(keys);
    MacroStep wait;
    wait.kind = MacroStep::Kind::Wait;
    wait.ms = 1500;
    m.steps.append(wait);
    MacroStep drag;
    drag.kind = MacroStep::Kind::Drag;
    drag.button = 3;
    drag.dragBy = {-40, 12};
    drag.target.locators = {abs};
    m.steps.append(drag);
    MacroStep scroll;
    scroll.kind = MacroStep::Kind::Scroll;
    scroll.scrollY = -3;
    scroll.scrollX = 1;
    scroll.target.locators = {abs};
    m.steps.append(scroll);
    MacroStep ww;
    ww.kind = MacroStep::Kind::WaitWindow;
    ww.windowTitle = QStringLiteral("^Save as");
    ww.ms = 8000;
    m.steps.append(ww);
    return m;
}

void expectSame(const Macro& a, const Macro& b)
{
    EXPECT_EQ(a.display, b.display);
    EXPECT_EQ(a.screen, b.screen);
    EXPECT_EQ(a.recordedAt, b.recordedAt);
    ASSERT_EQ(a.steps.size(), b.steps.size());
    for (int i = 0; i < a.steps.size(); ++i) {
        const MacroStep& x = a.steps[i];
        const MacroStep& y = b.steps[i];
        SCOPED_TRACE(i);
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.button, y.button);
        EXPECT_EQ(x.clicks, y.clicks);
        EXPECT_EQ(x.modifiers, y.modifiers);
        EXPECT_EQ(x.dragBy, y.dragBy);
        EXPECT_EQ(x.scrollX, y.scrollX);
        EXPECT_EQ(x.scrollY, y.scrollY);
        EXPECT_EQ(x.text, y.text);
        EXPECT_EQ(x.paste, y.paste);
        EXPECT_EQ(x.credential, y.credential);
        EXPECT_EQ(x.field, y.field);
        EXPECT_EQ(x.ms, y.ms);
        EXPECT_EQ(x.windowTitle, y.windowTitle);
        ASSERT_EQ(x.target.locators.size(), y.target.locators.size());
        for (int j = 0; j < x.target.locators.size(); ++j) {
            const Locator& l = x.target.locators[j];
            const Locator& m = y.target.locators[j];
            EXPECT_EQ(l.kind, m.kind);
            EXPECT_EQ(l.offset, m.offset);
            EXPECT_EQ(l.point, m.point);
            EXPECT_EQ(l.title, m.title);
            EXPECT_EQ(l.className, m.className);
            EXPECT_EQ(l.recordedRect, m.recordedRect);
            EXPECT_DOUBLE_EQ(l.minScore, m.minScore);
            EXPECT_TRUE(l.anchor == m.anchor); // PNG is lossless
        }
        EXPECT_EQ(x.target.window.geometry, y.target.window.geometry);
    }
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST(MacroFile, RoundTripWithAnchorFiles)
{
    QTemporaryDir dir;
    Macro m = sample();
    const QString path = dir.filePath(QStringLiteral("orders.macro.json"));
    ASSERT_TRUE(MacroFile::write(m, path));
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("orders.anchors/step-001.png"))));
    auto back = MacroFile::read(path);
    ASSERT_TRUE(back) << back.error().toStdString();
    expectSame(m, *back);
    // Written again unchanged, the file is byte for byte the same: macros diff well.
    const QByteArray first = readAll(path);
    ASSERT_TRUE(MacroFile::write(*back, path));
    EXPECT_EQ(readAll(path), first);
}

TEST(MacroFile, RoundTripEmbedded)
{
    QTemporaryDir dir;
    Macro m = sample();
    const QString path = dir.filePath(QStringLiteral("one.macro.json"));
    ASSERT_TRUE(MacroFile::write(m, path, MacroFile::Anchors::Embedded));
    EXPECT_FALSE(QDir(dir.filePath(QStringLiteral("one.anchors"))).exists());
    EXPECT_TRUE(readAll(path).contains("data:image/png;base64,"));
    auto back = MacroFile::read(path);
    ASSERT_TRUE(back) << back.error().toStdString();
    expectSame(m, *back);
}

TEST(MacroFile, SecretsNeverReachTheFile)
{
    QTemporaryDir dir;
    Macro m = sample();
    const QString path = dir.filePath(QStringLiteral("s.macro.json"));
    ASSERT_TRUE(MacroFile::write(m, path));
    const QByteArray json = readAll(path);
    EXPECT_TRUE(json.contains("\"kind\": \"typeSecret\""));
    EXPECT_TRUE(json.contains("\"credential\": \"crm\""));
}

TEST(MacroFile, TruncatedFileSaysSo)
{
    QTemporaryDir dir;
    Macro m = sample();
    const QString path = dir.filePath(QStringLiteral("t.macro.json"));
    ASSERT_TRUE(MacroFile::write(m, path));
    QByteArray json = readAll(path);
    json.truncate(json.size() / 2);
    auto back = MacroFile::parse(json, dir.path(), path);
    ASSERT_FALSE(back);
    EXPECT_TRUE(back.error().startsWith(path)) << back.error().toStdString();
    EXPECT_TRUE(back.error().contains(QStringLiteral("not valid JSON"))) << back.error().toStdString();
}

TEST(MacroFile, ErrorsNameTheStep)
{
    const QByteArray base = R"({"format": "taskloom-macro", "version": 1, "steps": [
        {"kind": "keys", "keys": "Return"},
        STEP]})";
    struct Case {
        const char* step;
        const char* expected;
    };
    const Case cases[] = {
        {R"({"kind": "click", "find": [{"by": "image", "anchor": "gone.png", "offset": [1, 2]}]})",
         "m.json: step 2 (click): find[0].anchor \"gone.png\": no such file"},
        {R"({"kind": "click", "find": []})", "m.json: step 2 (click): find: expected a non-empty list of locators"},
        {R"({"kind": "click", "button": "thumb", "find": [{"by": "absolute", "x": 1, "y": 2}]})",
         "m.json: step 2 (click): button: unknown button \"thumb\""},
        {R"({"kind": "keys", "keys": "ctrl+"})", "m.json: step 2 (keys): keys: \"ctrl+\" is not a key combination"},
        {R"({"kind": "wait", "ms": -5})", "m.json: step 2 (wait): ms: cannot wait a negative time"},
        {R"({"kind": "wait", "ms": "soon"})", "m.json: step 2 (wait): ms: expected a whole number"},
        {R"({"kind": "hover"})", "m.json: step 2: unknown kind \"hover\""},
        {R"({"kind": "typeSecret"})", "m.json: step 2 (typeSecret): credential: missing"},
        {R"({"kind": "click", "find": [{"by": "window", "offset": [1, 2]}]})",
         "m.json: step 2 (click): find[0]: a window locator needs a title or a class"},
        {R"({"kind": "click", "find": [{"by": "image", "anchor": "data:image/png;base64,AAAA", "offset": [1, 2]}]})",
         "m.json: step 2 (click): find[0].anchor: not a readable image"},
    };
    for (const Case& c : cases) {
        QByteArray json = base;
        json.replace("STEP", c.step);
        auto m = MacroFile::parse(json, QDir::tempPath(), QStringLiteral("m.json"));
        ASSERT_FALSE(m) << c.step;
        EXPECT_TRUE(m.error().startsWith(QString::fromUtf8(c.expected))) << m.error().toStdString();
    }
}

TEST(MacroFile, RejectsOtherDocumentsAndNewerVersions)
{
    auto m = MacroFile::parse(R"({"nodes": []})", QString(), QStringLiteral("flow.json"));
    ASSERT_FALSE(m);
    EXPECT_TRUE(m.error().contains(QStringLiteral("not a Taskloom macro")));
    m = MacroFile::parse(R"({"format": "taskloom-macro", "version": 99, "steps": []})", QString(), QStringLiteral("x"));
    ASSERT_FALSE(m);
    EXPECT_TRUE(m.error().contains(QStringLiteral("version 99 is newer")));
}

TEST(MacroFile, AnchorFolderSitsBesideTheFile)
{
    EXPECT_EQ(MacroFile::anchorFolder(QStringLiteral("/a/b/orders.macro.json")), QStringLiteral("/a/b/orders.anchors"));
    EXPECT_EQ(MacroFile::anchorFolder(QStringLiteral("/a/fill.flow.json")), QStringLiteral("/a/fill.anchors"));
}
