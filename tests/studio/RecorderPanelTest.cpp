// The recorder panel offscreen: a macro with anchor images in the step list (thumbnails drawn), edits that undo,
// save and reload, "Insert as flow" as one undo step, and the plain message when there is no display to record on.

#include "StudioTestSupport.hpp"

#include "app/studio/FlowDocument.hpp"
#include "app/studio/MacroStepModel.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/RecorderController.hpp"
#include "app/studio/RecorderPanel.hpp"
#include "app/studio/StudioTranslation.hpp"
#include "recorder/MacroFile.hpp"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QPainter>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::studio;
using recorder::Locator;
using recorder::MacroStep;

namespace {

/// An anchor as a PNG file: a red square and a blue bar on white, so its thumbnail is easy to find on screen.
recorder::Image anchorImage(const QString& dir, const QString& name, int width, int height)
{
    QImage img(width, height, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.fillRect(QRect(4, 4, width / 2, height - 8), QColor(255, 0, 0));
    p.fillRect(QRect(width / 2 + 8, height / 3, width / 3, height / 4), QColor(0, 0, 255));
    p.end();
    const QString path = QDir(dir).filePath(name);
    EXPECT_TRUE(img.save(path));
    auto loaded = recorder::Image::load(path);
    EXPECT_TRUE(loaded) << loaded.error().toStdString();
    return loaded ? *loaded : recorder::Image();
}

MacroStep click(const recorder::Image& anchor, int x, int y)
{
    MacroStep s;
    s.kind = MacroStep::Kind::Click;
    Locator image;
    image.kind = Locator::Kind::Image;
    image.anchor = anchor;
    image.recordedRect = {x - anchor.width() / 2, y - anchor.height() / 2, anchor.width(), anchor.height()};
    image.offset = {anchor.width() / 2, anchor.height() / 2};
    Locator window;
    window.kind = Locator::Kind::Window;
    window.title = QStringLiteral("Order form");
    window.className = QStringLiteral("orders");
    window.offset = {x - 50, y - 40};
    Locator abs;
    abs.kind = Locator::Kind::Absolute;
    abs.point = {x, y};
    s.target.locators = {image, window, abs};
    s.target.window.id = 7;
    s.target.window.title = QStringLiteral("Order form");
    s.target.window.className = QStringLiteral("orders");
    s.target.window.geometry = {50, 40, 600, 400};
    return s;
}

/// Click, type, wait, keys, click: written with MacroFile (anchors in NAME.anchors/) like a recording.
QString writeFixture(const QTemporaryDir& dir)
{
    recorder::Macro m;
    m.display = QStringLiteral(":0");
    m.screen = {0, 0, 1280, 800};
    m.recordedAt = QDateTime::currentDateTime();
    m.steps.append(click(anchorImage(dir.path(), QStringLiteral("a1.png"), 120, 60), 200, 150));
    MacroStep type;
    type.kind = MacroStep::Kind::Type;
    type.text = QStringLiteral("Hello");
    m.steps.append(type);
    MacroStep wait;
    wait.kind = MacroStep::Kind::Wait;
    wait.ms = 800;
    m.steps.append(wait);
    MacroStep keys;
    keys.kind = MacroStep::Kind::Keys;
    keys.text = QStringLiteral("ctrl+s");
    m.steps.append(keys);
    m.steps.append(click(anchorImage(dir.path(), QStringLiteral("a2.png"), 90, 50), 400, 300));
    const QString path = dir.filePath(QStringLiteral("orders.macro.json"));
    auto ok = recorder::MacroFile::write(m, path);
    EXPECT_TRUE(ok) << ok.error().toStdString();
    return path;
}

QList<MacroStep::Kind> kinds(const MacroStepModel& model)
{
    QList<MacroStep::Kind> k;
    for (int i = 0; i < model.rowCount(); ++i)
        k.append(model.step(i).kind);
    return k;
}

int redPixels(const QImage& img)
{
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor c = img.pixelColor(x, y);
            n += c.red() > 200 && c.green() < 60 && c.blue() < 60;
        }
    return n;
}

void selectRow(RecorderPanel& panel, int row)
{
    panel.view()->selectionModel()->clearSelection();
    panel.view()->selectRow(row);
}

using K = MacroStep::Kind;

} // namespace

TEST(RecorderPanel, ListsTheStepsWithAnchorThumbnails)
{
    test::runtime();
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    RecorderPanel panel;
    ASSERT_TRUE(panel.openMacro(path)) << panel.statusText().toStdString();
    MacroStepModel& model = *panel.model();
    EXPECT_EQ(kinds(model), (QList<K>{K::Click, K::Type, K::Wait, K::Keys, K::Click}));
    EXPECT_FALSE(model.isDirty());

    const QImage thumb = model.data(model.index(0, MacroStepModel::AnchorColumn), Qt::DecorationRole).value<QImage>();
    ASSERT_FALSE(thumb.isNull());
    EXPECT_LE(thumb.width(), 60) << "at most half the anchor, so replay never matches the thumbnail";
    EXPECT_LE(thumb.height(), 30);
    EXPECT_GT(redPixels(thumb), 100);
    EXPECT_TRUE(model.data(model.index(1, MacroStepModel::AnchorColumn), Qt::DecorationRole).isNull());
    EXPECT_EQ(model.data(model.index(0, MacroStepModel::TargetColumn), Qt::DisplayRole).toString(), u"Order form");
    EXPECT_TRUE(model.data(model.index(0, MacroStepModel::TargetColumn), Qt::ToolTipRole).toString().contains(u"orders"));
    EXPECT_EQ(model.data(model.index(1, MacroStepModel::InputColumn), Qt::DisplayRole).toString(), u"Hello");
    EXPECT_EQ(model.data(model.index(3, MacroStepModel::InputColumn), Qt::DisplayRole).toString(), u"ctrl+s");
    EXPECT_EQ(model.data(model.index(2, MacroStepModel::DelayColumn), Qt::EditRole).toInt(), 800);
    EXPECT_FALSE(model.flags(model.index(0, MacroStepModel::InputColumn)) & Qt::ItemIsEditable);
    EXPECT_TRUE(model.flags(model.index(1, MacroStepModel::InputColumn)) & Qt::ItemIsEditable);
    EXPECT_TRUE(model.flags(model.index(2, MacroStepModel::DelayColumn)) & Qt::ItemIsEditable);

    // The view draws the thumbnails: the anchors' red squares show up in the list.
    panel.resize(1000, 500);
    panel.show();
    QCoreApplication::processEvents();
    EXPECT_GT(redPixels(panel.view()->viewport()->grab().toImage()), 200);
}

TEST(RecorderPanel, EditDeleteReorderUndoSaveAndReload)
{
    test::runtime();
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    RecorderPanel panel;
    ASSERT_TRUE(panel.openMacro(path));
    MacroStepModel& model = *panel.model();

    // Edit in place (what the view's editor commits).
    EXPECT_TRUE(model.setData(model.index(1, MacroStepModel::InputColumn), QStringLiteral("Hello {{ $now }}"), Qt::EditRole));
    EXPECT_EQ(model.step(1).text, u"Hello {{ $now }}");
    EXPECT_TRUE(model.isDirty());
    EXPECT_FALSE(model.setData(model.index(3, MacroStepModel::InputColumn), QStringLiteral("ctrl+"), Qt::EditRole))
        << "keys that do not parse are refused";
    EXPECT_EQ(model.step(3).text, u"ctrl+s");
    EXPECT_TRUE(model.setData(model.index(2, MacroStepModel::DelayColumn), 1500, Qt::EditRole));
    EXPECT_EQ(model.step(2).ms, 1500);
    EXPECT_FALSE(model.setData(model.index(2, MacroStepModel::DelayColumn), -5, Qt::EditRole));

    // Delete the keys step, move the second click up to the top.
    selectRow(panel, 3);
    panel.action(QStringLiteral("stepDelete"))->trigger();
    EXPECT_EQ(kinds(model), (QList<K>{K::Click, K::Type, K::Wait, K::Click}));
    for (int i = 0; i < 3; ++i) {
        selectRow(panel, 3 - i);
        panel.action(QStringLiteral("stepUp"))->trigger();
    }
    EXPECT_EQ(kinds(model), (QList<K>{K::Click, K::Click, K::Type, K::Wait}));
    EXPECT_EQ(model.step(0).target.window.title, u"Order form");
    const recorder::Image secondAnchor = model.step(0).target.find(Locator::Kind::Image)->anchor;
    EXPECT_EQ(secondAnchor.width(), 90);

    // Every edit is one undo step; undoing all of them gives back the file's macro, clean.
    QUndoStack* undo = model.undoStack();
    EXPECT_EQ(undo->count(), 6);
    while (undo->canUndo())
        undo->undo();
    EXPECT_EQ(kinds(model), (QList<K>{K::Click, K::Type, K::Wait, K::Keys, K::Click}));
    EXPECT_EQ(model.step(1).text, u"Hello");
    EXPECT_FALSE(model.isDirty());
    while (undo->canRedo())
        undo->redo();
    EXPECT_EQ(kinds(model), (QList<K>{K::Click, K::Click, K::Type, K::Wait}));

    // Save as, and read back: the same steps, text, delay and anchor pixels.
    const QString copy = dir.filePath(QStringLiteral("sub/edited.macro.json"));
    QDir().mkpath(dir.filePath(QStringLiteral("sub")));
    ASSERT_TRUE(panel.saveMacro(copy)) << panel.statusText().toStdString();
    EXPECT_FALSE(model.isDirty());
    EXPECT_EQ(model.path(), copy);
    EXPECT_TRUE(QFileInfo(recorder::MacroFile::anchorFolder(copy)).isDir());
    MacroStepModel reloaded;
    auto ok = reloaded.open(copy);
    ASSERT_TRUE(ok) << ok.error().toStdString();
    EXPECT_EQ(kinds(reloaded), (QList<K>{K::Click, K::Click, K::Type, K::Wait}));
    EXPECT_EQ(reloaded.step(2).text, u"Hello {{ $now }}");
    EXPECT_EQ(reloaded.step(3).ms, 1500);
    EXPECT_TRUE(reloaded.step(0).target.find(Locator::Kind::Image)->anchor == secondAnchor);
    EXPECT_FALSE(reloaded.thumbnail(1).isNull());
}

TEST(RecorderPanel, ABrokenMacroFileIsAPlainMessage)
{
    test::runtime();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.macro.json"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": 1, \"steps\": [{\"kind\": \"click\"");
    f.close();
    RecorderPanel panel;
    EXPECT_FALSE(panel.openMacro(path));
    EXPECT_TRUE(panel.statusText().contains(QStringLiteral("broken.macro.json"))) << panel.statusText().toStdString();
    EXPECT_EQ(panel.model()->rowCount(), 0);
}

TEST(RecorderPanel, InsertAsFlowAddsTheNodesInOneUndoStep)
{
    QTemporaryDir dir;
    const QString macroPath = writeFixture(dir);
    MainWindow window(test::runtime());
    FlowDocument& doc = *window.document();
    ASSERT_TRUE(window.recorderPanel()->openMacro(macroPath));
    // An untitled flow has nowhere to keep the anchor images yet.
    EXPECT_TRUE(window.insertMacroAsFlow().isEmpty());

    const QString flowPath = dir.filePath(QStringLiteral("orders.flow.json"));
    ASSERT_TRUE(doc.saveAs(flowPath));
    const qsizetype before = doc.flow().nodes.size();
    ASSERT_EQ(before, 1) << "a new flow has its trigger";
    const QStringList ids = window.insertMacroAsFlow();
    ASSERT_EQ(ids.size(), 5) << "one node per step; the flow's own trigger is kept, not a second one";
    EXPECT_EQ(doc.flow().nodes.size(), before + 5);
    QStringList types;
    for (const QString& id : ids)
        types.append(doc.flow().nodeById(id)->type);
    EXPECT_EQ(types, (QStringList{QStringLiteral("rpa.click"), QStringLiteral("rpa.typeText"), QStringLiteral("core.wait"),
                                  QStringLiteral("rpa.pressKeys"), QStringLiteral("rpa.click")}));
    // The clicks refer to anchor images that exist beside the flow.
    const engine::FlowNode* first = doc.flow().nodeById(ids.first());
    const QString image = first->params.value(QStringLiteral("image")).toText();
    ASSERT_FALSE(image.isEmpty());
    EXPECT_TRUE(QFileInfo::exists(dir.filePath(image))) << image.toStdString();
    EXPECT_EQ(doc.flow().connections.size(), 4u) << "chained one after the other";

    // A second insert keeps the first one's images.
    const QStringList again = window.insertMacroAsFlow();
    ASSERT_EQ(again.size(), 5);
    const QString image2 = doc.flow().nodeById(again.first())->params.value(QStringLiteral("image")).toText();
    EXPECT_NE(image2, image);
    EXPECT_TRUE(QFileInfo::exists(dir.filePath(image)));

    doc.undoStack()->undo();
    doc.undoStack()->undo();
    EXPECT_EQ(doc.flow().nodes.size(), before);
    EXPECT_EQ(doc.flow().connections.size(), 0u);
    doc.undoStack()->redo();
    EXPECT_EQ(doc.flow().nodes.size(), before + 5);
}

TEST(RecorderPanel, NoDisplayToRecordOnIsAPlainMessage)
{
    test::runtime();
    RecorderPanel panel;
    panel.controller()->setDisplay(QStringLiteral(":431"));
    EXPECT_FALSE(panel.controller()->startRecording());
    EXPECT_EQ(panel.controller()->state(), RecorderController::State::Idle);
    EXPECT_TRUE(panel.statusText().startsWith(QStringLiteral("Cannot record: "))) << panel.statusText().toStdString();
    EXPECT_TRUE(panel.statusText().contains(QStringLiteral(":431"))) << panel.statusText().toStdString();
    // And on a Wayland-only session (no DISPLAY), the recorder's own explanation.
    const QByteArray display = qgetenv("DISPLAY");
    const QByteArray wayland = qgetenv("WAYLAND_DISPLAY");
    qunsetenv("DISPLAY");
    qputenv("WAYLAND_DISPLAY", "wayland-0");
    panel.controller()->setDisplay({});
    EXPECT_FALSE(panel.controller()->startRecording());
    EXPECT_TRUE(panel.statusText().contains(QStringLiteral("Wayland"))) << panel.statusText().toStdString();
    EXPECT_FALSE(panel.action(QStringLiteral("stop"))->isEnabled());
    if (display.isEmpty())
        qunsetenv("DISPLAY");
    else
        qputenv("DISPLAY", display);
    if (wayland.isEmpty())
        qunsetenv("WAYLAND_DISPLAY");
    else
        qputenv("WAYLAND_DISPLAY", wayland);
}

TEST(RecorderPanel, SpeaksKorean)
{
    test::runtime();
    ASSERT_EQ(StudioTranslation::install(*qApp, QStringLiteral("ko")), u"ko");
    {
        MainWindow window(test::runtime());
        const auto* dock = window.findChild<QDockWidget*>(QStringLiteral("recorderDock"));
        ASSERT_TRUE(dock);
        EXPECT_EQ(dock->windowTitle(), QStringLiteral("녹화"));
        RecorderPanel* panel = window.recorderPanel();
        EXPECT_EQ(panel->action(QStringLiteral("record"))->text(), QStringLiteral("녹화"));
        EXPECT_EQ(panel->action(QStringLiteral("insertAsFlow"))->text(), QStringLiteral("플로로 삽입"));
        EXPECT_EQ(panel->model()->headerData(MacroStepModel::AnchorColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                  QStringLiteral("앵커"));
    }
    StudioTranslation::uninstall(*qApp);
}
