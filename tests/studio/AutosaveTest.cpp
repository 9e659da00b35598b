// Autosave: a recovery copy while there are unsaved changes, removed on save; restoring it after a crash.

#include "StudioTestSupport.hpp"

#include "app/studio/Autosave.hpp"
#include "app/studio/FlowDocument.hpp"
#include "app/studio/MainWindow.hpp"

#include "engine/FlowWriter.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

namespace {

void rename(FlowDocument& doc, const QString& id, const QString& name)
{
    ASSERT_TRUE(doc.renameNode(id, name));
}

} // namespace

TEST(Autosave, WritesACopyWhileDirtyAndRemovesItOnSave)
{
    QTemporaryDir dir;
    auto doc = test::makeDocument();
    const QString flowPath = dir.filePath(QStringLiteral("chain.flow.json"));
    ASSERT_TRUE(FlowWriter::save(test::chainFlow(), flowPath));
    ASSERT_TRUE(doc->open(flowPath));
    Autosave autosave(*doc, dir.filePath(QStringLiteral("recovery")));
    autosave.setInterval(50);
    const QString recovery = autosave.currentRecoveryPath();
    EXPECT_TRUE(recovery.startsWith(dir.filePath(QStringLiteral("recovery/chain-"))));

    QSignalSpy saved(&autosave, &Autosave::saved);
    EXPECT_FALSE(saved.wait(300)) << "nothing to save while clean";
    EXPECT_FALSE(QFile::exists(recovery));

    rename(*doc, QStringLiteral("a"), QStringLiteral("Renamed"));
    ASSERT_TRUE(saved.wait(5000)) << "the timer writes the copy";
    ASSERT_TRUE(QFile::exists(recovery));
    auto read = Autosave::read(recovery, test::runtime().registry());
    ASSERT_TRUE(read) << read.error().toStdString();
    EXPECT_EQ(read->flow.nodeById(u"a")->name, u"Renamed");
    EXPECT_EQ(read->flowPath, QFileInfo(flowPath).absoluteFilePath());
    EXPECT_FALSE(QFile::exists(flowPath + QStringLiteral(".tmp"))) << "atomic: no temporary left";
    // Newer than the file: offered.
    EXPECT_EQ(autosave.pendingFor(flowPath).value_or(QString()), recovery);

    ASSERT_TRUE(doc->save());
    EXPECT_FALSE(QFile::exists(recovery)) << "a clean save removes the copy";
    EXPECT_FALSE(autosave.pendingFor(flowPath));
}

TEST(Autosave, ABurstOfEditsSavesAtOnceAndUndoingToCleanRemovesTheCopy)
{
    QTemporaryDir dir;
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    Autosave autosave(*doc, dir.filePath(QStringLiteral("recovery")));
    autosave.setInterval(3600 * 1000);
    autosave.setBurstEdits(3);
    const QString recovery = autosave.currentRecoveryPath();
    EXPECT_TRUE(QFileInfo(recovery).fileName().startsWith(QStringLiteral("untitled-")));
    rename(*doc, QStringLiteral("a"), QStringLiteral("A1"));
    rename(*doc, QStringLiteral("a"), QStringLiteral("A2"));
    EXPECT_FALSE(QFile::exists(recovery));
    rename(*doc, QStringLiteral("a"), QStringLiteral("A3"));
    EXPECT_TRUE(QFile::exists(recovery)) << "the third edit of a burst writes the copy";
    EXPECT_EQ(autosave.pendingUntitled(), QStringList{QFileInfo(recovery).absoluteFilePath()});
    doc->undoStack()->setIndex(0);
    EXPECT_FALSE(doc->isDirty());
    EXPECT_FALSE(QFile::exists(recovery)) << "back at the saved state: nothing to recover";
}

TEST(Autosave, ACorruptRecoveryFileIsAClearError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.recovery.json"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"taskloomRecovery\": 1, \"flow\": {\"nodes\": [");
    f.close();
    auto r = Autosave::read(path, test::runtime().registry());
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().contains(path)) << r.error().toStdString();
    EXPECT_FALSE(Autosave::read(dir.filePath(QStringLiteral("missing.json")), test::runtime().registry()));
}

TEST(Autosave, TheWindowRestoresACopyNewerThanTheFile)
{
    QTemporaryDir dir;
    const QString flowPath = dir.filePath(QStringLiteral("chain.flow.json"));
    ASSERT_TRUE(FlowWriter::save(test::chainFlow(), flowPath));
    QString recovery;
    {
        // A session that "crashes": the window goes away without closeEvent, leaving its copy behind.
        MainWindow window(test::runtime());
        ASSERT_TRUE(window.openFile(flowPath, false));
        ASSERT_TRUE(window.document()->renameNode(QStringLiteral("b"), QStringLiteral("Unsaved")));
        ASSERT_TRUE(window.autosave()->saveNow());
        recovery = window.autosave()->currentRecoveryPath();
    }
    ASSERT_TRUE(QFile::exists(recovery));
    {
        auto copy = Autosave::read(recovery, test::runtime().registry());
        ASSERT_TRUE(copy) << copy.error().toStdString();
        MainWindow window(test::runtime());
        ASSERT_TRUE(window.openFile(flowPath, false));
        EXPECT_EQ(window.autosave()->pendingFor(flowPath).value_or(QStringLiteral("none")), recovery) << "opening keeps it";
        EXPECT_EQ(window.document()->node(QStringLiteral("b"))->name, u"B");
        ASSERT_TRUE(window.offerRecovery(flowPath, MainWindow::RecoveryChoice::Restore));
        EXPECT_EQ(window.document()->node(QStringLiteral("b"))->name, u"Unsaved");
        EXPECT_TRUE(window.document()->isDirty()) << "restored changes are unsaved changes";
        EXPECT_EQ(window.document()->path(), QFileInfo(flowPath).absoluteFilePath());
        EXPECT_TRUE(QFile::exists(recovery)) << "kept until saved";
        ASSERT_TRUE(window.document()->save());
        EXPECT_FALSE(QFile::exists(recovery));
    }
    // Declining a copy deletes it and leaves the file as it was.
    {
        MainWindow window(test::runtime());
        ASSERT_TRUE(window.openFile(flowPath, false));
        ASSERT_TRUE(window.document()->renameNode(QStringLiteral("c"), QStringLiteral("Again")));
        ASSERT_TRUE(window.autosave()->saveNow());
    }
    ASSERT_TRUE(QFile::exists(recovery));
    {
        MainWindow window(test::runtime());
        ASSERT_TRUE(window.openFile(flowPath, false));
        EXPECT_FALSE(window.offerRecovery(flowPath, MainWindow::RecoveryChoice::Discard));
        EXPECT_FALSE(QFile::exists(recovery));
        EXPECT_EQ(window.document()->node(QStringLiteral("c"))->name, u"C");
    }
}
